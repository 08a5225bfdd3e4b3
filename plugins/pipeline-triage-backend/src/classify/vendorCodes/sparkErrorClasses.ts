import type { VendorCodeTable } from './types';

const DATABRICKS =
  'https://docs.databricks.com/en/error-messages/error-classes.html';
const SOURCE = 'https://spark.apache.org/docs/latest/sql-error-conditions.html';

/**
 * Spark and Databricks error classes, printed in brackets: `[UNRESOLVED_COLUMN.WITH_SUGGESTION]`.
 * Evidence also records the parent class of a sub-class, so entries name parent classes.
 */
export const sparkErrorClassTable: VendorCodeTable = {
  name: 'spark',
  system: 'spark',
  entries: [
    // --- Spark Connect session handles (error class INVALID_HANDLE, SQLSTATE HY000)
    {
      key: 'INVALID_HANDLE.SESSION_CHANGED',
      code: 'INVALID_HANDLE.SESSION_CHANGED',
      category: 'infrastructure',
      weight: 0.85,
      description:
        'Spark Connect INVALID_HANDLE.SESSION_CHANGED (the server driver behind the session restarted; the client must reconnect)',
      source: SOURCE,
    },
    // --- schema drift: the data or table no longer has the shape the job expects
    {
      key: 'CANNOT_MERGE_SCHEMAS',
      code: 'CANNOT_MERGE_SCHEMAS',
      category: 'schema_drift',
      weight: 0.8,
      description:
        'Spark CANNOT_MERGE_SCHEMAS (files read together carry incompatible schemas)',
      source: SOURCE,
    },
    {
      key: 'UNRESOLVED_COLUMN',
      code: 'UNRESOLVED_COLUMN',
      category: 'schema_drift',
      weight: 0.6,
      description: 'Spark UNRESOLVED_COLUMN (a column cannot be resolved)',
      source: SOURCE,
    },
    {
      key: 'UNRESOLVED_COLUMN-code_error',
      code: 'UNRESOLVED_COLUMN',
      category: 'code_error',
      weight: 0.4,
      description:
        'Spark UNRESOLVED_COLUMN (a column cannot be resolved): also read as code error',
      source: SOURCE,
    },
    {
      key: 'UNRESOLVED_FIELD',
      code: 'UNRESOLVED_FIELD',
      category: 'schema_drift',
      weight: 0.6,
      description: 'Spark UNRESOLVED_FIELD (a nested field cannot be resolved)',
      source: SOURCE,
    },
    {
      key: 'UNRESOLVED_MAP_KEY',
      code: 'UNRESOLVED_MAP_KEY',
      category: 'schema_drift',
      weight: 0.5,
      description:
        'Spark UNRESOLVED_MAP_KEY (a map key cannot be resolved as a column)',
      source: SOURCE,
    },
    {
      key: 'FIELD_NOT_FOUND',
      code: 'FIELD_NOT_FOUND',
      category: 'schema_drift',
      weight: 0.6,
      description: 'Spark FIELD_NOT_FOUND (no such struct field)',
      source: SOURCE,
    },
    {
      key: 'INCOMPATIBLE_DATA_FOR_TABLE',
      code: 'INCOMPATIBLE_DATA_FOR_TABLE',
      category: 'schema_drift',
      weight: 0.7,
      description:
        'Spark INCOMPATIBLE_DATA_FOR_TABLE (cannot write incompatible data for the table)',
      source: SOURCE,
    },
    {
      key: 'INSERT_COLUMN_ARITY_MISMATCH',
      code: 'INSERT_COLUMN_ARITY_MISMATCH',
      category: 'schema_drift',
      weight: 0.65,
      description:
        'Spark INSERT_COLUMN_ARITY_MISMATCH (insert has a different number of columns than the table)',
      source: SOURCE,
    },
    {
      key: 'CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE',
      code: 'CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE',
      category: 'schema_drift',
      weight: 0.75,
      description:
        'Spark CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE (failed to merge incompatible data types)',
      source: SOURCE,
    },
    {
      key: 'DELTA_FAILED_TO_MERGE_FIELDS',
      code: 'DELTA_FAILED_TO_MERGE_FIELDS',
      category: 'schema_drift',
      weight: 0.8,
      description:
        'Spark DELTA_FAILED_TO_MERGE_FIELDS (failed to merge fields)',
      source: DATABRICKS,
    },
    {
      key: 'DELTA_MERGE_INCOMPATIBLE_DATATYPE',
      code: 'DELTA_MERGE_INCOMPATIBLE_DATATYPE',
      category: 'schema_drift',
      weight: 0.8,
      description:
        'Spark DELTA_MERGE_INCOMPATIBLE_DATATYPE (failed to merge incompatible data types)',
      source: DATABRICKS,
    },
    {
      key: 'DELTA_SCHEMA_CHANGED',
      code: 'DELTA_SCHEMA_CHANGED',
      category: 'schema_drift',
      weight: 0.7,
      description: 'Spark DELTA_SCHEMA_CHANGED (detected schema change)',
      source: DATABRICKS,
    },
    {
      key: 'DELTA_METADATA_MISMATCH',
      code: 'DELTA_METADATA_MISMATCH',
      category: 'schema_drift',
      weight: 0.75,
      description:
        'Spark DELTA_METADATA_MISMATCH (a schema mismatch detected when writing to the Delta table)',
      source: DATABRICKS,
    },
    // --- data quality: values the declared types or constraints reject
    {
      key: 'CAST_INVALID_INPUT',
      code: 'CAST_INVALID_INPUT',
      category: 'data_quality',
      weight: 0.8,
      description:
        'Spark CAST_INVALID_INPUT (a value cannot be cast because it is malformed)',
      source: SOURCE,
    },
    {
      key: 'CAST_INVALID_INPUT-code_error',
      code: 'CAST_INVALID_INPUT',
      category: 'code_error',
      weight: 0.3,
      description:
        'Spark CAST_INVALID_INPUT (a value cannot be cast because it is malformed): also read as code error',
      source: SOURCE,
    },
    {
      key: 'CAST_OVERFLOW',
      code: 'CAST_OVERFLOW',
      category: 'data_quality',
      weight: 0.7,
      description:
        'Spark CAST_OVERFLOW (a value overflows the cast target type)',
      source: SOURCE,
    },
    {
      key: 'ARITHMETIC_OVERFLOW',
      code: 'ARITHMETIC_OVERFLOW',
      category: 'data_quality',
      weight: 0.6,
      description: 'Spark ARITHMETIC_OVERFLOW (arithmetic overflow)',
      source: SOURCE,
    },
    {
      key: 'NUMERIC_VALUE_OUT_OF_RANGE',
      code: 'NUMERIC_VALUE_OUT_OF_RANGE',
      category: 'data_quality',
      weight: 0.7,
      description:
        'Spark NUMERIC_VALUE_OUT_OF_RANGE (numeric value out of range)',
      source: SOURCE,
    },
    {
      key: 'DIVIDE_BY_ZERO',
      code: 'DIVIDE_BY_ZERO',
      category: 'data_quality',
      weight: 0.55,
      description: 'Spark DIVIDE_BY_ZERO (division by zero)',
      source: SOURCE,
    },
    {
      key: 'DIVIDE_BY_ZERO-code_error',
      code: 'DIVIDE_BY_ZERO',
      category: 'code_error',
      weight: 0.4,
      description:
        'Spark DIVIDE_BY_ZERO (division by zero): also read as code error',
      source: SOURCE,
    },
    {
      key: 'MALFORMED_RECORD_IN_PARSING',
      code: 'MALFORMED_RECORD_IN_PARSING',
      category: 'data_quality',
      weight: 0.8,
      description:
        'Spark MALFORMED_RECORD_IN_PARSING (malformed records in record parsing)',
      source: SOURCE,
    },
    {
      key: 'NOT_NULL_ASSERT_VIOLATION',
      code: 'NOT_NULL_ASSERT_VIOLATION',
      category: 'data_quality',
      weight: 0.8,
      description:
        'Spark NOT_NULL_ASSERT_VIOLATION (NULL in a non-nullable field)',
      source: SOURCE,
    },
    {
      key: 'DELTA_NOT_NULL_CONSTRAINT_VIOLATED',
      code: 'DELTA_NOT_NULL_CONSTRAINT_VIOLATED',
      category: 'data_quality',
      weight: 0.9,
      description:
        'Spark DELTA_NOT_NULL_CONSTRAINT_VIOLATED (NOT NULL constraint violated)',
      source: DATABRICKS,
    },
    {
      key: 'DELTA_VIOLATE_CONSTRAINT_WITH_VALUES',
      code: 'DELTA_VIOLATE_CONSTRAINT_WITH_VALUES',
      category: 'data_quality',
      weight: 0.9,
      description:
        'Spark DELTA_VIOLATE_CONSTRAINT_WITH_VALUES (CHECK constraint violated by row values)',
      source: DATABRICKS,
    },
    {
      key: 'DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE',
      code: 'DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE',
      category: 'data_quality',
      weight: 0.85,
      description:
        'Spark DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE (several source rows matched one target row in MERGE (duplicate keys))',
      source: DATABRICKS,
    },
    {
      key: 'CANNOT_PARSE_TIMESTAMP',
      code: 'CANNOT_PARSE_TIMESTAMP',
      category: 'data_quality',
      weight: 0.75,
      description:
        'Spark CANNOT_PARSE_TIMESTAMP (a value cannot be parsed as a timestamp)',
      source: SOURCE,
    },
    {
      key: 'CANNOT_READ_FILE_FOOTER',
      code: 'CANNOT_READ_FILE_FOOTER',
      category: 'data_quality',
      weight: 0.6,
      description:
        'Spark CANNOT_READ_FILE_FOOTER (could not read the footer of a file (corrupt or not the declared format))',
      source: SOURCE,
    },
    // --- code errors: the query or program is wrong for the engine
    {
      key: 'PARSE_SYNTAX_ERROR',
      code: 'PARSE_SYNTAX_ERROR',
      category: 'code_error',
      weight: 0.8,
      description: 'Spark PARSE_SYNTAX_ERROR (syntax error)',
      source: SOURCE,
    },
    {
      key: 'UNRESOLVED_ROUTINE',
      code: 'UNRESOLVED_ROUTINE',
      category: 'code_error',
      weight: 0.75,
      description: 'Spark UNRESOLVED_ROUTINE (cannot resolve the function)',
      source: SOURCE,
    },
    {
      key: 'DATATYPE_MISMATCH',
      code: 'DATATYPE_MISMATCH',
      category: 'code_error',
      weight: 0.6,
      description:
        'Spark DATATYPE_MISMATCH (cannot resolve an expression due to data type mismatch)',
      source: SOURCE,
    },
    {
      key: 'MISSING_AGGREGATION',
      code: 'MISSING_AGGREGATION',
      category: 'code_error',
      weight: 0.8,
      description:
        'Spark MISSING_AGGREGATION (non-aggregating expression outside GROUP BY)',
      source: SOURCE,
    },
    {
      key: 'MISSING_GROUP_BY',
      code: 'MISSING_GROUP_BY',
      category: 'code_error',
      weight: 0.8,
      description: 'Spark MISSING_GROUP_BY (missing GROUP BY)',
      source: SOURCE,
    },
    {
      key: 'AMBIGUOUS_REFERENCE',
      code: 'AMBIGUOUS_REFERENCE',
      category: 'code_error',
      weight: 0.75,
      description: 'Spark AMBIGUOUS_REFERENCE (ambiguous reference)',
      source: SOURCE,
    },
    {
      key: 'AMBIGUOUS_COLUMN_OR_FIELD',
      code: 'AMBIGUOUS_COLUMN_OR_FIELD',
      category: 'code_error',
      weight: 0.75,
      description:
        'Spark AMBIGUOUS_COLUMN_OR_FIELD (ambiguous column or field)',
      source: SOURCE,
    },
    {
      key: 'UNSUPPORTED_FEATURE',
      code: 'UNSUPPORTED_FEATURE',
      category: 'code_error',
      weight: 0.5,
      description: 'Spark UNSUPPORTED_FEATURE (the feature is not supported)',
      source: SOURCE,
    },
    {
      key: 'INVALID_ARRAY_INDEX',
      code: 'INVALID_ARRAY_INDEX',
      category: 'code_error',
      weight: 0.5,
      description: 'Spark INVALID_ARRAY_INDEX (array index out of bounds)',
      source: SOURCE,
    },
    {
      key: 'INVALID_ARRAY_INDEX-data_quality',
      code: 'INVALID_ARRAY_INDEX',
      category: 'data_quality',
      weight: 0.35,
      description:
        'Spark INVALID_ARRAY_INDEX (array index out of bounds): also read as data quality',
      source: SOURCE,
    },
    {
      key: 'COLUMN_ALREADY_EXISTS',
      code: 'COLUMN_ALREADY_EXISTS',
      category: 'code_error',
      weight: 0.5,
      description: 'Spark COLUMN_ALREADY_EXISTS (the column already exists)',
      source: SOURCE,
    },
    {
      key: 'INCONSISTENT_BEHAVIOR_CROSS_VERSION',
      code: 'INCONSISTENT_BEHAVIOR_CROSS_VERSION',
      category: 'config_error',
      weight: 0.45,
      description:
        'Spark INCONSISTENT_BEHAVIOR_CROSS_VERSION (behaviour differs from an earlier Spark version (e.g. the datetime parser policy))',
      source: SOURCE,
    },
    {
      key: 'INCONSISTENT_BEHAVIOR_CROSS_VERSION-code_error',
      code: 'INCONSISTENT_BEHAVIOR_CROSS_VERSION',
      category: 'code_error',
      weight: 0.4,
      description:
        'Spark INCONSISTENT_BEHAVIOR_CROSS_VERSION (behaviour differs from an earlier Spark version (e.g. the datetime parser policy)): also read as code error',
      source: SOURCE,
    },
    // --- configuration: names and sources that do not exist where the job looks
    {
      key: 'TABLE_OR_VIEW_NOT_FOUND',
      code: 'TABLE_OR_VIEW_NOT_FOUND',
      category: 'config_error',
      weight: 0.5,
      description: 'Spark TABLE_OR_VIEW_NOT_FOUND (table or view not found)',
      source: SOURCE,
    },
    {
      key: 'TABLE_OR_VIEW_NOT_FOUND-source_delay',
      code: 'TABLE_OR_VIEW_NOT_FOUND',
      category: 'source_delay',
      weight: 0.3,
      description:
        'Spark TABLE_OR_VIEW_NOT_FOUND (table or view not found): also read as source delay',
      source: SOURCE,
    },
    {
      key: 'SCHEMA_NOT_FOUND',
      code: 'SCHEMA_NOT_FOUND',
      category: 'config_error',
      weight: 0.75,
      description: 'Spark SCHEMA_NOT_FOUND (schema not found)',
      source: SOURCE,
    },
    {
      key: 'CATALOG_NOT_FOUND',
      code: 'CATALOG_NOT_FOUND',
      category: 'config_error',
      weight: 0.8,
      description: 'Spark CATALOG_NOT_FOUND (catalog not found)',
      source: SOURCE,
    },
    {
      key: 'DELTA_CONFIGURE_SPARK_SESSION_WITH_EXTENSION_AND_CATALOG',
      code: 'DELTA_CONFIGURE_SPARK_SESSION_WITH_EXTENSION_AND_CATALOG',
      category: 'config_error',
      weight: 0.9,
      description:
        'Delta DELTA_CONFIGURE_SPARK_SESSION_WITH_EXTENSION_AND_CATALOG (the session lacks the Delta SQL extension and catalog)',
      source:
        'Delta Lake error classes (delta-error-classes.json); Delta Lake quickstart',
    },
    {
      key: 'INVALID_CONF_VALUE',
      code: 'INVALID_CONF_VALUE',
      category: 'config_error',
      weight: 0.88,
      description:
        'Spark INVALID_CONF_VALUE (a config value is of the wrong type or out of its allowed set)',
      source: SOURCE,
    },
    {
      key: 'DATA_SOURCE_NOT_FOUND',
      code: 'DATA_SOURCE_NOT_FOUND',
      category: 'config_error',
      weight: 0.8,
      description:
        'Spark DATA_SOURCE_NOT_FOUND (failed to find the data source (package missing))',
      source: SOURCE,
    },
    {
      key: 'PATH_ALREADY_EXISTS',
      code: 'PATH_ALREADY_EXISTS',
      category: 'config_error',
      weight: 0.75,
      description:
        'Spark PATH_ALREADY_EXISTS (the output path exists and the save mode is not overwrite)',
      source: SOURCE,
    },
    {
      key: 'DELTA_TABLE_NOT_FOUND',
      code: 'DELTA_TABLE_NOT_FOUND',
      category: 'config_error',
      weight: 0.5,
      description:
        'Spark DELTA_TABLE_NOT_FOUND (the Delta table does not exist)',
      source: DATABRICKS,
    },
    {
      key: 'DELTA_TABLE_NOT_FOUND-source_delay',
      code: 'DELTA_TABLE_NOT_FOUND',
      category: 'source_delay',
      weight: 0.3,
      description:
        'Spark DELTA_TABLE_NOT_FOUND (the Delta table does not exist): also read as source delay',
      source: DATABRICKS,
    },
    {
      key: 'DELTA_MISSING_TRANSACTION_LOG',
      code: 'DELTA_MISSING_TRANSACTION_LOG',
      category: 'config_error',
      weight: 0.5,
      description:
        'Spark DELTA_MISSING_TRANSACTION_LOG (the path is not a Delta table (no transaction log))',
      source: DATABRICKS,
    },
    // --- permission
    {
      key: 'INSUFFICIENT_PERMISSIONS',
      code: 'INSUFFICIENT_PERMISSIONS',
      category: 'permission',
      weight: 0.9,
      description: 'Spark INSUFFICIENT_PERMISSIONS (insufficient privileges)',
      source: DATABRICKS,
    },
    // --- concurrent writers: Delta's optimistic concurrency says retry
    {
      key: 'DELTA_CONCURRENT_APPEND',
      code: 'DELTA_CONCURRENT_APPEND',
      category: 'dependency_unavailable',
      weight: 0.6,
      transient: true,
      description:
        'Spark DELTA_CONCURRENT_APPEND (files were added by a concurrent update)',
      source: DATABRICKS,
    },
    {
      key: 'DELTA_CONCURRENT_DELETE_READ',
      code: 'DELTA_CONCURRENT_DELETE_READ',
      category: 'dependency_unavailable',
      weight: 0.6,
      transient: true,
      description:
        'Spark DELTA_CONCURRENT_DELETE_READ (a file read was deleted by a concurrent update)',
      source: DATABRICKS,
    },
    {
      key: 'DELTA_CONCURRENT_TRANSACTION',
      code: 'DELTA_CONCURRENT_TRANSACTION',
      category: 'dependency_unavailable',
      weight: 0.55,
      transient: true,
      description:
        'Spark DELTA_CONCURRENT_TRANSACTION (a concurrent transaction wrote the same data)',
      source: DATABRICKS,
    },
    {
      key: 'DELTA_METADATA_CHANGED',
      code: 'DELTA_METADATA_CHANGED',
      category: 'dependency_unavailable',
      weight: 0.5,
      transient: true,
      description:
        'Spark DELTA_METADATA_CHANGED (the table metadata changed under a concurrent update)',
      source: DATABRICKS,
    },
  ],
};
