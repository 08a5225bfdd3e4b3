import type { VendorCodeTable } from './types';

/**
 * SQLSTATE: the standard's classes (first two characters) and the codes PostgreSQL, Redshift,
 * Snowflake and Databricks/Spark report. A class entry covers the codes of the class that have
 * no entry here. XX000 (internal error) is left out on purpose: Redshift reports rejected COPY
 * loads and dbt-snowflake compilation errors under it, so it says nothing about the cause.
 */
export const sqlstateCodes: VendorCodeTable = {
  system: 'sqlstate',
  vendor: 'SQLSTATE',
  source: 'https://www.postgresql.org/docs/current/errcodes-appendix.html',
  codes: [
    { code: '08', class: true, category: 'dependency_unavailable', weight: 0.7, meaning: 'connection exception' },
    { code: '0A000', category: 'code_error', weight: 0.5, meaning: 'feature not supported' },
    { code: '22', class: true, category: 'data_quality', weight: 0.7, meaning: 'data exception' },
    { code: '22001', category: 'data_quality', weight: 0.8, meaning: 'string data right truncation' },
    { code: '22003', category: 'data_quality', weight: 0.8, meaning: 'numeric value out of range' },
    { code: '22007', category: 'data_quality', weight: 0.8, meaning: 'invalid datetime format' },
    { code: '22008', category: 'data_quality', weight: 0.8, meaning: 'datetime field overflow' },
    { code: '22012', category: 'data_quality', weight: 0.55, meaning: 'division by zero', also: { category: 'code_error', weight: 0.4 } },
    { code: '22018', category: 'data_quality', weight: 0.8, meaning: 'invalid character value for cast', source: 'https://spark.apache.org/docs/latest/sql-error-conditions-sqlstates.html' },
    // Invalid parameter value: Postgres and Snowflake use it for bad arguments and statement parameters, not for row data.
    { code: '22023', category: 'config_error', weight: 0.45, meaning: 'invalid parameter value', also: { category: 'code_error', weight: 0.35 } },
    { code: '22P02', category: 'data_quality', weight: 0.8, meaning: 'invalid text representation' },
    { code: '22P04', category: 'data_quality', weight: 0.75, meaning: 'bad copy file format' },
    { code: '23', class: true, category: 'data_quality', weight: 0.85, meaning: 'integrity constraint violation' },
    { code: '23502', category: 'data_quality', weight: 0.9, meaning: 'not null violation' },
    { code: '23503', category: 'data_quality', weight: 0.9, meaning: 'foreign key violation' },
    { code: '23505', category: 'data_quality', weight: 0.9, meaning: 'unique violation' },
    { code: '23514', category: 'data_quality', weight: 0.9, meaning: 'check violation' },
    { code: '25006', category: 'config_error', weight: 0.7, meaning: 'read only SQL transaction (writing to a read replica)' },
    { code: '28', class: true, category: 'permission', weight: 0.8, meaning: 'invalid authorization specification' },
    { code: '28P01', category: 'permission', weight: 0.85, meaning: 'invalid password' },
    { code: '3D000', category: 'config_error', weight: 0.7, meaning: 'invalid catalog name (no such database)' },
    { code: '3F000', category: 'config_error', weight: 0.7, meaning: 'invalid schema name' },
    { code: '40', class: true, category: 'dependency_unavailable', weight: 0.55, meaning: 'transaction rollback' },
    { code: '40001', category: 'dependency_unavailable', weight: 0.65, meaning: 'serialization failure' },
    { code: '40P01', category: 'dependency_unavailable', weight: 0.65, meaning: 'deadlock detected' },
    { code: '42', class: true, category: 'code_error', weight: 0.4, meaning: 'syntax error or access rule violation' },
    { code: '42501', category: 'permission', weight: 0.9, meaning: 'insufficient privilege' },
    { code: '42601', category: 'code_error', weight: 0.8, meaning: 'syntax error' },
    { code: '42702', category: 'code_error', weight: 0.8, meaning: 'ambiguous column' },
    { code: '42703', category: 'schema_drift', weight: 0.55, meaning: 'undefined column' },
    { code: '42704', category: 'config_error', weight: 0.5, meaning: 'undefined object' },
    { code: '42803', category: 'code_error', weight: 0.8, meaning: 'grouping error' },
    { code: '42804', category: 'schema_drift', weight: 0.45, meaning: 'datatype mismatch', also: { category: 'code_error', weight: 0.35 } },
    { code: '42846', category: 'schema_drift', weight: 0.45, meaning: 'cannot coerce', also: { category: 'code_error', weight: 0.35 } },
    { code: '42883', category: 'code_error', weight: 0.75, meaning: 'undefined function' },
    { code: '42P01', category: 'config_error', weight: 0.45, meaning: 'undefined table' },
    // ODBC codes (SQL Server, Snowflake) in class 42: base table or view / column not found.
    { code: '42S02', category: 'config_error', weight: 0.35, meaning: 'base table or view not found', source: 'https://learn.microsoft.com/en-us/sql/odbc/reference/appendixes/appendix-a-odbc-error-codes' },
    { code: '42S22', category: 'schema_drift', weight: 0.5, meaning: 'column not found', source: 'https://learn.microsoft.com/en-us/sql/odbc/reference/appendixes/appendix-a-odbc-error-codes' },
    { code: '53', class: true, category: 'resource_exhaustion', weight: 0.85, meaning: 'insufficient resources' },
    { code: '53100', category: 'resource_exhaustion', weight: 0.9, meaning: 'disk full' },
    { code: '53200', category: 'resource_exhaustion', weight: 0.9, meaning: 'out of memory' },
    { code: '53300', category: 'dependency_unavailable', weight: 0.65, meaning: 'too many connections' },
    { code: '54', class: true, category: 'resource_exhaustion', weight: 0.5, meaning: 'program limit exceeded' },
    { code: '55P03', category: 'dependency_unavailable', weight: 0.6, meaning: 'lock not available' },
    { code: '57014', category: 'resource_exhaustion', weight: 0.45, meaning: 'query canceled (statement timeout or cancel request)' },
    { code: '57P01', category: 'infrastructure', weight: 0.6, meaning: 'admin shutdown' },
    { code: '57P02', category: 'infrastructure', weight: 0.6, meaning: 'crash shutdown' },
    // Snowflake reports "No active warehouse" and suspended warehouses under 57P03 too.
    { code: '57P03', category: 'dependency_unavailable', weight: 0.6, meaning: 'cannot connect now', unless: ['No active warehouse|resource monitor'] },
    { code: '58', class: true, category: 'infrastructure', weight: 0.45, meaning: 'system error (external to the database)' },
  ],
};
