import type { VendorCodeTable } from './types';

const DATABRICKS = 'https://docs.databricks.com/en/error-messages/error-classes.html';

/**
 * Spark and Databricks error classes, printed in brackets: `[UNRESOLVED_COLUMN.WITH_SUGGESTION]`.
 * Evidence also records the parent class of a sub-class, so entries name parent classes.
 */
export const sparkErrorClasses: VendorCodeTable = {
  system: 'spark',
  vendor: 'Spark',
  source: 'https://spark.apache.org/docs/latest/sql-error-conditions.html',
  codes: [
    // --- schema drift: the data or table no longer has the shape the job expects
    { code: 'UNRESOLVED_COLUMN', category: 'schema_drift', weight: 0.6, meaning: 'a column cannot be resolved', also: { category: 'code_error', weight: 0.4 } },
    { code: 'UNRESOLVED_FIELD', category: 'schema_drift', weight: 0.6, meaning: 'a nested field cannot be resolved' },
    { code: 'UNRESOLVED_MAP_KEY', category: 'schema_drift', weight: 0.5, meaning: 'a map key cannot be resolved as a column' },
    { code: 'FIELD_NOT_FOUND', category: 'schema_drift', weight: 0.6, meaning: 'no such struct field' },
    { code: 'INCOMPATIBLE_DATA_FOR_TABLE', category: 'schema_drift', weight: 0.7, meaning: 'cannot write incompatible data for the table' },
    { code: 'INSERT_COLUMN_ARITY_MISMATCH', category: 'schema_drift', weight: 0.65, meaning: 'insert has a different number of columns than the table' },
    { code: 'CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE', category: 'schema_drift', weight: 0.75, meaning: 'failed to merge incompatible data types' },
    { code: 'DELTA_FAILED_TO_MERGE_FIELDS', category: 'schema_drift', weight: 0.8, meaning: 'failed to merge fields', source: DATABRICKS },
    { code: 'DELTA_MERGE_INCOMPATIBLE_DATATYPE', category: 'schema_drift', weight: 0.8, meaning: 'failed to merge incompatible data types', source: DATABRICKS },
    { code: 'DELTA_SCHEMA_CHANGED', category: 'schema_drift', weight: 0.7, meaning: 'detected schema change', source: DATABRICKS },
    { code: 'DELTA_METADATA_MISMATCH', category: 'schema_drift', weight: 0.75, meaning: 'a schema mismatch detected when writing to the Delta table', source: DATABRICKS },
    // --- data quality: values the declared types or constraints reject
    { code: 'CAST_INVALID_INPUT', category: 'data_quality', weight: 0.8, meaning: 'a value cannot be cast because it is malformed', also: { category: 'code_error', weight: 0.3 } },
    { code: 'CAST_OVERFLOW', category: 'data_quality', weight: 0.7, meaning: 'a value overflows the cast target type' },
    { code: 'ARITHMETIC_OVERFLOW', category: 'data_quality', weight: 0.6, meaning: 'arithmetic overflow' },
    { code: 'NUMERIC_VALUE_OUT_OF_RANGE', category: 'data_quality', weight: 0.7, meaning: 'numeric value out of range' },
    { code: 'DIVIDE_BY_ZERO', category: 'data_quality', weight: 0.55, meaning: 'division by zero', also: { category: 'code_error', weight: 0.4 } },
    { code: 'MALFORMED_RECORD_IN_PARSING', category: 'data_quality', weight: 0.8, meaning: 'malformed records in record parsing' },
    { code: 'NOT_NULL_ASSERT_VIOLATION', category: 'data_quality', weight: 0.8, meaning: 'NULL in a non-nullable field' },
    { code: 'DELTA_NOT_NULL_CONSTRAINT_VIOLATED', category: 'data_quality', weight: 0.9, meaning: 'NOT NULL constraint violated', source: DATABRICKS },
    { code: 'DELTA_VIOLATE_CONSTRAINT_WITH_VALUES', category: 'data_quality', weight: 0.9, meaning: 'CHECK constraint violated by row values', source: DATABRICKS },
    { code: 'DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE', category: 'data_quality', weight: 0.85, meaning: 'several source rows matched one target row in MERGE (duplicate keys)', source: DATABRICKS },
    { code: 'CANNOT_PARSE_TIMESTAMP', category: 'data_quality', weight: 0.75, meaning: 'a value cannot be parsed as a timestamp' },
    { code: 'CANNOT_READ_FILE_FOOTER', category: 'data_quality', weight: 0.6, meaning: 'could not read the footer of a file (corrupt or not the declared format)' },
    // --- code errors: the query or program is wrong for the engine
    { code: 'PARSE_SYNTAX_ERROR', category: 'code_error', weight: 0.8, meaning: 'syntax error' },
    { code: 'UNRESOLVED_ROUTINE', category: 'code_error', weight: 0.75, meaning: 'cannot resolve the function' },
    { code: 'DATATYPE_MISMATCH', category: 'code_error', weight: 0.6, meaning: 'cannot resolve an expression due to data type mismatch' },
    { code: 'MISSING_AGGREGATION', category: 'code_error', weight: 0.8, meaning: 'non-aggregating expression outside GROUP BY' },
    { code: 'MISSING_GROUP_BY', category: 'code_error', weight: 0.8, meaning: 'missing GROUP BY' },
    { code: 'AMBIGUOUS_REFERENCE', category: 'code_error', weight: 0.75, meaning: 'ambiguous reference' },
    { code: 'AMBIGUOUS_COLUMN_OR_FIELD', category: 'code_error', weight: 0.75, meaning: 'ambiguous column or field' },
    { code: 'UNSUPPORTED_FEATURE', category: 'code_error', weight: 0.5, meaning: 'the feature is not supported' },
    { code: 'INVALID_ARRAY_INDEX', category: 'code_error', weight: 0.5, meaning: 'array index out of bounds', also: { category: 'data_quality', weight: 0.35 } },
    { code: 'COLUMN_ALREADY_EXISTS', category: 'code_error', weight: 0.5, meaning: 'the column already exists' },
    { code: 'INCONSISTENT_BEHAVIOR_CROSS_VERSION', category: 'config_error', weight: 0.45, meaning: 'behaviour differs from an earlier Spark version (e.g. the datetime parser policy)', also: { category: 'code_error', weight: 0.4 } },
    // --- configuration: names and sources that do not exist where the job looks
    { code: 'TABLE_OR_VIEW_NOT_FOUND', category: 'config_error', weight: 0.5, meaning: 'table or view not found', also: { category: 'source_delay', weight: 0.3 } },
    { code: 'SCHEMA_NOT_FOUND', category: 'config_error', weight: 0.75, meaning: 'schema not found' },
    { code: 'CATALOG_NOT_FOUND', category: 'config_error', weight: 0.8, meaning: 'catalog not found' },
    { code: 'DATA_SOURCE_NOT_FOUND', category: 'config_error', weight: 0.8, meaning: 'failed to find the data source (package missing)' },
    { code: 'DELTA_TABLE_NOT_FOUND', category: 'config_error', weight: 0.5, meaning: 'the Delta table does not exist', also: { category: 'source_delay', weight: 0.3 }, source: DATABRICKS },
    { code: 'DELTA_MISSING_TRANSACTION_LOG', category: 'config_error', weight: 0.5, meaning: 'the path is not a Delta table (no transaction log)', source: DATABRICKS },
    // --- permission
    { code: 'INSUFFICIENT_PERMISSIONS', category: 'permission', weight: 0.9, meaning: 'insufficient privileges', source: DATABRICKS },
    // --- concurrent writers: Delta's optimistic concurrency says retry
    { code: 'DELTA_CONCURRENT_APPEND', category: 'dependency_unavailable', weight: 0.6, meaning: 'files were added by a concurrent update', source: DATABRICKS },
    { code: 'DELTA_CONCURRENT_DELETE_READ', category: 'dependency_unavailable', weight: 0.6, meaning: 'a file read was deleted by a concurrent update', source: DATABRICKS },
    { code: 'DELTA_CONCURRENT_TRANSACTION', category: 'dependency_unavailable', weight: 0.55, meaning: 'a concurrent transaction wrote the same data', source: DATABRICKS },
    { code: 'DELTA_METADATA_CHANGED', category: 'dependency_unavailable', weight: 0.5, meaning: 'the table metadata changed under a concurrent update', source: DATABRICKS },
  ],
};
