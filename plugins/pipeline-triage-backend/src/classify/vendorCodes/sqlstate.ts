import type { VendorCodeTable } from './types';

const SOURCE = 'https://www.postgresql.org/docs/current/errcodes-appendix.html';

/**
 * SQLSTATE: the standard's classes (first two characters) and the codes PostgreSQL, Redshift,
 * Snowflake and Databricks/Spark report. A class entry covers the codes of the class that have
 * no entry here. XX000 (internal error) is left out on purpose: Redshift reports rejected COPY
 * loads and dbt-snowflake compilation errors under it, so it says nothing about the cause.
 */
export const sqlstateTable: VendorCodeTable = {
  name: 'sqlstate',
  system: 'sqlstate',
  entries: [
    { key: '08xx', prefix: '08', category: 'dependency_unavailable', weight: 0.7, transient: true, description: 'SQLSTATE class 08 (connection exception)', source: SOURCE },
    { key: '0A000', code: '0A000', category: 'code_error', weight: 0.5, description: 'SQLSTATE 0A000 (feature not supported)', source: SOURCE },
    { key: '22xx', prefix: '22', category: 'data_quality', weight: 0.7, description: 'SQLSTATE class 22 (data exception)', source: SOURCE },
    { key: '22001', code: '22001', category: 'data_quality', weight: 0.8, description: 'SQLSTATE 22001 (string data right truncation)', source: SOURCE },
    { key: '22003', code: '22003', category: 'data_quality', weight: 0.8, description: 'SQLSTATE 22003 (numeric value out of range)', source: SOURCE },
    { key: '22007', code: '22007', category: 'data_quality', weight: 0.8, description: 'SQLSTATE 22007 (invalid datetime format)', source: SOURCE },
    { key: '22008', code: '22008', category: 'data_quality', weight: 0.8, description: 'SQLSTATE 22008 (datetime field overflow)', source: SOURCE },
    { key: '22012', code: '22012', category: 'data_quality', weight: 0.55, description: 'SQLSTATE 22012 (division by zero)', source: SOURCE },
    { key: '22012-code_error', code: '22012', category: 'code_error', weight: 0.4, description: 'SQLSTATE 22012 (division by zero): also read as code error', source: SOURCE },
    { key: '22018', code: '22018', category: 'data_quality', weight: 0.8, description: 'SQLSTATE 22018 (invalid character value for cast)', source: 'https://spark.apache.org/docs/latest/sql-error-conditions-sqlstates.html' },
    // Invalid parameter value: Postgres and Snowflake use it for bad arguments and statement parameters, not for row data.
    { key: '22023', code: '22023', category: 'config_error', weight: 0.45, description: 'SQLSTATE 22023 (invalid parameter value)', source: SOURCE },
    { key: '22023-code_error', code: '22023', category: 'code_error', weight: 0.35, description: 'SQLSTATE 22023 (invalid parameter value): also read as code error', source: SOURCE },
    { key: '22P02', code: '22P02', category: 'data_quality', weight: 0.8, description: 'SQLSTATE 22P02 (invalid text representation)', source: SOURCE },
    { key: '22P04', code: '22P04', category: 'data_quality', weight: 0.75, description: 'SQLSTATE 22P04 (bad copy file format)', source: SOURCE },
    { key: '23xx', prefix: '23', category: 'data_quality', weight: 0.85, description: 'SQLSTATE class 23 (integrity constraint violation)', source: SOURCE },
    { key: '23502', code: '23502', category: 'data_quality', weight: 0.9, description: 'SQLSTATE 23502 (not null violation)', source: SOURCE },
    { key: '23503', code: '23503', category: 'data_quality', weight: 0.9, description: 'SQLSTATE 23503 (foreign key violation)', source: SOURCE },
    { key: '23505', code: '23505', category: 'data_quality', weight: 0.9, description: 'SQLSTATE 23505 (unique violation)', source: SOURCE },
    { key: '23514', code: '23514', category: 'data_quality', weight: 0.9, description: 'SQLSTATE 23514 (check violation)', source: SOURCE },
    { key: '25006', code: '25006', category: 'config_error', weight: 0.7, description: 'SQLSTATE 25006 (read only SQL transaction (writing to a read replica))', source: SOURCE },
    { key: '28xx', prefix: '28', category: 'permission', weight: 0.8, description: 'SQLSTATE class 28 (invalid authorization specification)', source: SOURCE },
    { key: '28P01', code: '28P01', category: 'permission', weight: 0.85, description: 'SQLSTATE 28P01 (invalid password)', source: SOURCE },
    { key: '3D000', code: '3D000', category: 'config_error', weight: 0.7, description: 'SQLSTATE 3D000 (invalid catalog name (no such database))', source: SOURCE },
    { key: '3F000', code: '3F000', category: 'config_error', weight: 0.7, description: 'SQLSTATE 3F000 (invalid schema name)', source: SOURCE },
    { key: '40xx', prefix: '40', category: 'dependency_unavailable', weight: 0.55, transient: true, description: 'SQLSTATE class 40 (transaction rollback)', source: SOURCE },
    { key: '40001', code: '40001', category: 'dependency_unavailable', weight: 0.65, transient: true, description: 'SQLSTATE 40001 (serialization failure)', source: SOURCE },
    { key: '40P01', code: '40P01', category: 'dependency_unavailable', weight: 0.65, transient: true, description: 'SQLSTATE 40P01 (deadlock detected)', source: SOURCE },
    { key: '42xx', prefix: '42', category: 'code_error', weight: 0.4, description: 'SQLSTATE class 42 (syntax error or access rule violation)', source: SOURCE },
    { key: '42501', code: '42501', category: 'permission', weight: 0.9, description: 'SQLSTATE 42501 (insufficient privilege)', source: SOURCE },
    { key: '42601', code: '42601', category: 'code_error', weight: 0.8, description: 'SQLSTATE 42601 (syntax error)', source: SOURCE },
    { key: '42702', code: '42702', category: 'code_error', weight: 0.8, description: 'SQLSTATE 42702 (ambiguous column)', source: SOURCE },
    { key: '42703', code: '42703', category: 'schema_drift', weight: 0.55, description: 'SQLSTATE 42703 (undefined column)', source: SOURCE },
    { key: '42704', code: '42704', category: 'config_error', weight: 0.5, description: 'SQLSTATE 42704 (undefined object)', source: SOURCE },
    { key: '42803', code: '42803', category: 'code_error', weight: 0.8, description: 'SQLSTATE 42803 (grouping error)', source: SOURCE },
    { key: '42804', code: '42804', category: 'schema_drift', weight: 0.45, description: 'SQLSTATE 42804 (datatype mismatch)', source: SOURCE },
    { key: '42804-code_error', code: '42804', category: 'code_error', weight: 0.35, description: 'SQLSTATE 42804 (datatype mismatch): also read as code error', source: SOURCE },
    { key: '42846', code: '42846', category: 'schema_drift', weight: 0.45, description: 'SQLSTATE 42846 (cannot coerce)', source: SOURCE },
    { key: '42846-code_error', code: '42846', category: 'code_error', weight: 0.35, description: 'SQLSTATE 42846 (cannot coerce): also read as code error', source: SOURCE },
    { key: '42883', code: '42883', category: 'code_error', weight: 0.75, description: 'SQLSTATE 42883 (undefined function)', source: SOURCE },
    { key: '42P01', code: '42P01', category: 'config_error', weight: 0.45, description: 'SQLSTATE 42P01 (undefined table)', source: SOURCE },
    // ODBC codes (SQL Server, Snowflake) in class 42: base table or view / column not found.
    { key: '42S02', code: '42S02', category: 'config_error', weight: 0.35, description: 'SQLSTATE 42S02 (base table or view not found)', source: 'https://learn.microsoft.com/en-us/sql/odbc/reference/appendixes/appendix-a-odbc-error-codes' },
    { key: '42S22', code: '42S22', category: 'schema_drift', weight: 0.5, description: 'SQLSTATE 42S22 (column not found)', source: 'https://learn.microsoft.com/en-us/sql/odbc/reference/appendixes/appendix-a-odbc-error-codes' },
    { key: '53xx', prefix: '53', category: 'resource_exhaustion', weight: 0.85, description: 'SQLSTATE class 53 (insufficient resources)', source: SOURCE },
    { key: '53100', code: '53100', category: 'resource_exhaustion', weight: 0.9, description: 'SQLSTATE 53100 (disk full)', source: SOURCE },
    { key: '53200', code: '53200', category: 'resource_exhaustion', weight: 0.9, description: 'SQLSTATE 53200 (out of memory)', source: SOURCE },
    { key: '53300', code: '53300', category: 'dependency_unavailable', weight: 0.65, transient: true, description: 'SQLSTATE 53300 (too many connections)', source: SOURCE },
    { key: '54xx', prefix: '54', category: 'resource_exhaustion', weight: 0.5, description: 'SQLSTATE class 54 (program limit exceeded)', source: SOURCE },
    { key: '55P03', code: '55P03', category: 'dependency_unavailable', weight: 0.6, transient: true, description: 'SQLSTATE 55P03 (lock not available)', source: SOURCE },
    { key: '57014', code: '57014', category: 'resource_exhaustion', weight: 0.45, description: 'SQLSTATE 57014 (query canceled (statement timeout or cancel request))', source: SOURCE },
    { key: '57P01', code: '57P01', category: 'infrastructure', weight: 0.6, description: 'SQLSTATE 57P01 (admin shutdown)', source: SOURCE },
    { key: '57P02', code: '57P02', category: 'infrastructure', weight: 0.6, description: 'SQLSTATE 57P02 (crash shutdown)', source: SOURCE },
    // Snowflake reports "No active warehouse" and suspended warehouses under 57P03 too.
    { key: '57P03', code: '57P03', category: 'dependency_unavailable', weight: 0.6, transient: true, description: 'SQLSTATE 57P03 (cannot connect now)', source: SOURCE, unless: ['No active warehouse|resource monitor'] },
    { key: '58xx', prefix: '58', category: 'infrastructure', weight: 0.45, description: 'SQLSTATE class 58 (system error (external to the database))', source: SOURCE },
  ],
};
