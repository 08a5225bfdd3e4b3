import type { VendorCodeTable } from './types';

const HIVE =
  'https://github.com/trinodb/trino/blob/master/plugin/trino-hive/src/main/java/io/trino/plugin/hive/HiveErrorCode.java';
const ICEBERG =
  'https://github.com/trinodb/trino/blob/master/plugin/trino-iceberg/src/main/java/io/trino/plugin/iceberg/IcebergErrorCode.java';
const SOURCE =
  'https://github.com/trinodb/trino/blob/master/core/trino-spi/src/main/java/io/trino/spi/StandardErrorCode.java';

/**
 * Trino / Presto error names (StandardErrorCode and the connectors' codes, as Athena prints
 * them: `HIVE_BAD_DATA: ...`) and the four error types every name belongs to. A type alone is
 * weak evidence; a name decides.
 */
export const trinoTable: VendorCodeTable = {
  name: 'trino',
  system: 'trino',
  entries: [
    // Error types
    {
      key: 'INSUFFICIENT_RESOURCES',
      code: 'INSUFFICIENT_RESOURCES',
      category: 'resource_exhaustion',
      weight: 0.75,
      description:
        'Trino INSUFFICIENT_RESOURCES (error type: the cluster lacked resources for the query)',
      source: SOURCE,
    },
    {
      key: 'INTERNAL_ERROR',
      code: 'INTERNAL_ERROR',
      category: 'infrastructure',
      weight: 0.35,
      description:
        'Trino INTERNAL_ERROR (error type: internal error of the engine)',
      source: SOURCE,
    },
    {
      key: 'EXTERNAL',
      code: 'EXTERNAL',
      category: 'dependency_unavailable',
      weight: 0.35,
      description: 'Trino EXTERNAL (error type: an external system failed)',
      source: SOURCE,
    },
    {
      key: 'USER_ERROR',
      code: 'USER_ERROR',
      category: 'code_error',
      weight: 0.2,
      description:
        'Trino USER_ERROR (error type: the query or its input is at fault)',
      source: SOURCE,
    },
    // User errors
    {
      key: 'SYNTAX_ERROR',
      code: 'SYNTAX_ERROR',
      category: 'code_error',
      weight: 0.8,
      description: 'Trino SYNTAX_ERROR (syntax error)',
      source: SOURCE,
    },
    {
      key: 'FUNCTION_NOT_FOUND',
      code: 'FUNCTION_NOT_FOUND',
      category: 'code_error',
      weight: 0.75,
      description: 'Trino FUNCTION_NOT_FOUND (function not found)',
      source: SOURCE,
    },
    {
      key: 'TYPE_MISMATCH',
      code: 'TYPE_MISMATCH',
      category: 'code_error',
      weight: 0.6,
      description: 'Trino TYPE_MISMATCH (type mismatch)',
      source: SOURCE,
    },
    {
      key: 'NOT_SUPPORTED',
      code: 'NOT_SUPPORTED',
      category: 'code_error',
      weight: 0.5,
      description: 'Trino NOT_SUPPORTED (not supported)',
      source: SOURCE,
    },
    {
      key: 'COLUMN_NOT_FOUND',
      code: 'COLUMN_NOT_FOUND',
      category: 'schema_drift',
      weight: 0.55,
      description: 'Trino COLUMN_NOT_FOUND (column not found)',
      source: SOURCE,
    },
    {
      key: 'COLUMN_NOT_FOUND-code_error',
      code: 'COLUMN_NOT_FOUND',
      category: 'code_error',
      weight: 0.4,
      description:
        'Trino COLUMN_NOT_FOUND (column not found): also read as code error',
      source: SOURCE,
    },
    {
      key: 'MISSING_COLUMN_NAME',
      code: 'MISSING_COLUMN_NAME',
      category: 'code_error',
      weight: 0.6,
      description: 'Trino MISSING_COLUMN_NAME (missing column name)',
      source: SOURCE,
    },
    {
      key: 'TABLE_NOT_FOUND',
      code: 'TABLE_NOT_FOUND',
      category: 'config_error',
      weight: 0.5,
      description: 'Trino TABLE_NOT_FOUND (table not found)',
      source: SOURCE,
    },
    {
      key: 'TABLE_NOT_FOUND-source_delay',
      code: 'TABLE_NOT_FOUND',
      category: 'source_delay',
      weight: 0.3,
      description:
        'Trino TABLE_NOT_FOUND (table not found): also read as source delay',
      source: SOURCE,
    },
    {
      key: 'SCHEMA_NOT_FOUND',
      code: 'SCHEMA_NOT_FOUND',
      category: 'config_error',
      weight: 0.75,
      description: 'Trino SCHEMA_NOT_FOUND (schema not found)',
      source: SOURCE,
    },
    {
      key: 'CATALOG_NOT_FOUND',
      code: 'CATALOG_NOT_FOUND',
      category: 'config_error',
      weight: 0.8,
      description: 'Trino CATALOG_NOT_FOUND (catalog not found)',
      source: SOURCE,
    },
    {
      key: 'INVALID_SESSION_PROPERTY',
      code: 'INVALID_SESSION_PROPERTY',
      category: 'config_error',
      // A named USER_ERROR about a setting: as decisive as a missing catalog, and its "does not
      // exist" wording is about the property, not about input data.
      weight: 0.88,
      explains: ['source_delay'],
      description: 'Trino INVALID_SESSION_PROPERTY (invalid session property)',
      source: SOURCE,
    },
    {
      key: 'PERMISSION_DENIED',
      code: 'PERMISSION_DENIED',
      category: 'permission',
      weight: 0.9,
      description: 'Trino PERMISSION_DENIED (access denied)',
      source: SOURCE,
    },
    {
      key: 'INVALID_CAST_ARGUMENT',
      code: 'INVALID_CAST_ARGUMENT',
      category: 'data_quality',
      weight: 0.75,
      description: 'Trino INVALID_CAST_ARGUMENT (a value cannot be cast)',
      source: SOURCE,
    },
    {
      key: 'INVALID_CAST_ARGUMENT-code_error',
      code: 'INVALID_CAST_ARGUMENT',
      category: 'code_error',
      weight: 0.3,
      description:
        'Trino INVALID_CAST_ARGUMENT (a value cannot be cast): also read as code error',
      source: SOURCE,
    },
    {
      key: 'NUMERIC_VALUE_OUT_OF_RANGE',
      code: 'NUMERIC_VALUE_OUT_OF_RANGE',
      category: 'data_quality',
      weight: 0.7,
      description:
        'Trino NUMERIC_VALUE_OUT_OF_RANGE (numeric value out of range)',
      source: SOURCE,
    },
    {
      key: 'DIVISION_BY_ZERO',
      code: 'DIVISION_BY_ZERO',
      category: 'data_quality',
      weight: 0.55,
      description: 'Trino DIVISION_BY_ZERO (division by zero)',
      source: SOURCE,
    },
    {
      key: 'DIVISION_BY_ZERO-code_error',
      code: 'DIVISION_BY_ZERO',
      category: 'code_error',
      weight: 0.4,
      description:
        'Trino DIVISION_BY_ZERO (division by zero): also read as code error',
      source: SOURCE,
    },
    {
      key: 'INVALID_FUNCTION_ARGUMENT',
      code: 'INVALID_FUNCTION_ARGUMENT',
      category: 'data_quality',
      weight: 0.45,
      description:
        'Trino INVALID_FUNCTION_ARGUMENT (invalid function argument)',
      source: SOURCE,
    },
    {
      key: 'INVALID_FUNCTION_ARGUMENT-code_error',
      code: 'INVALID_FUNCTION_ARGUMENT',
      category: 'code_error',
      weight: 0.35,
      description:
        'Trino INVALID_FUNCTION_ARGUMENT (invalid function argument): also read as code error',
      source: SOURCE,
    },
    {
      key: 'CONSTRAINT_VIOLATION',
      code: 'CONSTRAINT_VIOLATION',
      category: 'data_quality',
      weight: 0.8,
      description:
        'Trino CONSTRAINT_VIOLATION (a table constraint was violated)',
      source: SOURCE,
    },
    {
      key: 'INVALID_TABLE_PROPERTY',
      code: 'INVALID_TABLE_PROPERTY',
      category: 'config_error',
      weight: 0.7,
      description: 'Trino INVALID_TABLE_PROPERTY (invalid table property)',
      source: SOURCE,
    },
    // Insufficient resources
    {
      key: 'EXCEEDED_LOCAL_MEMORY_LIMIT',
      code: 'EXCEEDED_LOCAL_MEMORY_LIMIT',
      category: 'resource_exhaustion',
      weight: 0.9,
      description:
        'Trino EXCEEDED_LOCAL_MEMORY_LIMIT (query exceeded per-node memory limit)',
      source: SOURCE,
    },
    {
      key: 'EXCEEDED_GLOBAL_MEMORY_LIMIT',
      code: 'EXCEEDED_GLOBAL_MEMORY_LIMIT',
      category: 'resource_exhaustion',
      weight: 0.9,
      description:
        'Trino EXCEEDED_GLOBAL_MEMORY_LIMIT (query exceeded distributed memory limit)',
      source: SOURCE,
    },
    {
      key: 'CLUSTER_OUT_OF_MEMORY',
      code: 'CLUSTER_OUT_OF_MEMORY',
      category: 'resource_exhaustion',
      weight: 0.85,
      description:
        'Trino CLUSTER_OUT_OF_MEMORY (the cluster ran out of memory)',
      source: SOURCE,
    },
    {
      key: 'EXCEEDED_SPILL_LIMIT',
      code: 'EXCEEDED_SPILL_LIMIT',
      category: 'resource_exhaustion',
      weight: 0.8,
      description:
        'Trino EXCEEDED_SPILL_LIMIT (query exceeded its spill limit)',
      source: SOURCE,
    },
    {
      key: 'EXCEEDED_CPU_LIMIT',
      code: 'EXCEEDED_CPU_LIMIT',
      category: 'resource_exhaustion',
      weight: 0.6,
      description: 'Trino EXCEEDED_CPU_LIMIT (query exceeded its CPU limit)',
      source: SOURCE,
    },
    {
      key: 'EXCEEDED_TIME_LIMIT',
      code: 'EXCEEDED_TIME_LIMIT',
      category: 'resource_exhaustion',
      weight: 0.55,
      description: 'Trino EXCEEDED_TIME_LIMIT (query exceeded its time limit)',
      source: SOURCE,
    },
    {
      // The transaction expired (transaction.idle-timeout) or the coordinator forgot it.
      key: 'UNKNOWN_TRANSACTION',
      code: 'UNKNOWN_TRANSACTION',
      category: 'config_error',
      weight: 0.65,
      description:
        'Trino UNKNOWN_TRANSACTION (the transaction id is unknown: expired by transaction.idle-timeout, or the coordinator restarted)',
      source: SOURCE,
    },
    {
      // query.max-stage-count: a planner limit on the query's shape (USER_ERROR type).
      key: 'QUERY_HAS_TOO_MANY_STAGES',
      code: 'QUERY_HAS_TOO_MANY_STAGES',
      category: 'resource_exhaustion',
      weight: 0.8,
      description:
        'Trino QUERY_HAS_TOO_MANY_STAGES (the plan has more stages than query.max-stage-count)',
      source: SOURCE,
      explains: ['code_error'],
    },
    {
      key: 'EXCEEDED_SCAN_LIMIT',
      code: 'EXCEEDED_SCAN_LIMIT',
      category: 'resource_exhaustion',
      weight: 0.8,
      description:
        'Trino EXCEEDED_SCAN_LIMIT (the query read more than query.max-scan-physical-bytes)',
      source: SOURCE,
    },
    {
      key: 'QUERY_TEXT_TOO_LARGE',
      code: 'QUERY_TEXT_TOO_LARGE',
      category: 'code_error',
      weight: 0.75,
      description:
        'Trino QUERY_TEXT_TOO_LARGE (the SQL text exceeds query.max-length)',
      source: SOURCE,
      explains: ['resource_exhaustion'],
    },
    {
      key: 'QUERY_QUEUE_FULL',
      code: 'QUERY_QUEUE_FULL',
      category: 'resource_exhaustion',
      weight: 0.6,
      description: 'Trino QUERY_QUEUE_FULL (the resource group queue is full)',
      source: SOURCE,
    },
    {
      key: 'GENERIC_INSUFFICIENT_RESOURCES',
      code: 'GENERIC_INSUFFICIENT_RESOURCES',
      category: 'resource_exhaustion',
      weight: 0.75,
      description:
        'Trino GENERIC_INSUFFICIENT_RESOURCES (insufficient resources)',
      source: SOURCE,
    },
    // Internal errors of the cluster
    {
      key: 'NO_NODES_AVAILABLE',
      code: 'NO_NODES_AVAILABLE',
      category: 'infrastructure',
      weight: 0.8,
      description: 'Trino NO_NODES_AVAILABLE (no worker nodes available)',
      source: SOURCE,
    },
    {
      key: 'REMOTE_TASK_ERROR',
      code: 'REMOTE_TASK_ERROR',
      category: 'infrastructure',
      weight: 0.75,
      description: 'Trino REMOTE_TASK_ERROR (a remote task failed)',
      source: SOURCE,
    },
    {
      key: 'REMOTE_HOST_GONE',
      code: 'REMOTE_HOST_GONE',
      category: 'infrastructure',
      weight: 0.8,
      description: 'Trino REMOTE_HOST_GONE (a worker went away)',
      source: SOURCE,
    },
    {
      key: 'PAGE_TRANSPORT_TIMEOUT',
      code: 'PAGE_TRANSPORT_TIMEOUT',
      category: 'infrastructure',
      weight: 0.75,
      description:
        'Trino PAGE_TRANSPORT_TIMEOUT (timeout moving pages between workers)',
      source: SOURCE,
    },
    {
      key: 'TOO_MANY_REQUESTS_FAILED',
      code: 'TOO_MANY_REQUESTS_FAILED',
      category: 'infrastructure',
      weight: 0.75,
      description:
        'Trino TOO_MANY_REQUESTS_FAILED (too many requests to a worker failed)',
      source: SOURCE,
    },
    {
      key: 'SERVER_SHUTTING_DOWN',
      code: 'SERVER_SHUTTING_DOWN',
      category: 'infrastructure',
      weight: 0.7,
      description: 'Trino SERVER_SHUTTING_DOWN (the server is shutting down)',
      source: SOURCE,
    },
    {
      key: 'ADMINISTRATIVELY_PREEMPTED',
      code: 'ADMINISTRATIVELY_PREEMPTED',
      category: 'infrastructure',
      weight: 0.6,
      description:
        'Trino ADMINISTRATIVELY_PREEMPTED (the query was pre-empted by the cluster)',
      source: SOURCE,
    },
    {
      key: 'GENERIC_INTERNAL_ERROR',
      code: 'GENERIC_INTERNAL_ERROR',
      category: 'infrastructure',
      weight: 0.3,
      description: 'Trino GENERIC_INTERNAL_ERROR (generic internal error)',
      source: SOURCE,
    },
    // Connector codes
    {
      key: 'HIVE_PARTITION_SCHEMA_MISMATCH',
      code: 'HIVE_PARTITION_SCHEMA_MISMATCH',
      category: 'schema_drift',
      weight: 0.85,
      description:
        'Trino HIVE_PARTITION_SCHEMA_MISMATCH (partition schema does not match the table schema)',
      source: HIVE,
    },
    {
      key: 'HIVE_INVALID_METADATA',
      code: 'HIVE_INVALID_METADATA',
      category: 'schema_drift',
      weight: 0.5,
      description:
        'Trino HIVE_INVALID_METADATA (invalid table or partition metadata)',
      source: HIVE,
    },
    {
      key: 'HIVE_BAD_DATA',
      code: 'HIVE_BAD_DATA',
      category: 'data_quality',
      weight: 0.75,
      description: 'Trino HIVE_BAD_DATA (bad data in a file)',
      source: HIVE,
    },
    {
      key: 'HIVE_CURSOR_ERROR',
      code: 'HIVE_CURSOR_ERROR',
      category: 'data_quality',
      weight: 0.5,
      description: 'Trino HIVE_CURSOR_ERROR (error reading a file)',
      source: HIVE,
    },
    {
      key: 'HIVE_UNSUPPORTED_FORMAT',
      code: 'HIVE_UNSUPPORTED_FORMAT',
      category: 'config_error',
      weight: 0.55,
      description: 'Trino HIVE_UNSUPPORTED_FORMAT (unsupported storage format)',
      source: HIVE,
    },
    {
      key: 'HIVE_METASTORE_ERROR',
      code: 'HIVE_METASTORE_ERROR',
      category: 'infrastructure',
      weight: 0.6,
      description: 'Trino HIVE_METASTORE_ERROR (metastore error)',
      source: HIVE,
    },
    {
      key: 'HIVE_FILESYSTEM_ERROR',
      code: 'HIVE_FILESYSTEM_ERROR',
      category: 'dependency_unavailable',
      weight: 0.4,
      description: 'Trino HIVE_FILESYSTEM_ERROR (file system error)',
      source: HIVE,
    },
    {
      key: 'HIVE_TOO_MANY_OPEN_PARTITIONS',
      code: 'HIVE_TOO_MANY_OPEN_PARTITIONS',
      category: 'small_file_pressure',
      weight: 0.6,
      description:
        'Trino HIVE_TOO_MANY_OPEN_PARTITIONS (too many partitions written at once)',
      source: HIVE,
    },
    {
      key: 'HIVE_EXCEEDED_PARTITION_LIMIT',
      code: 'HIVE_EXCEEDED_PARTITION_LIMIT',
      category: 'resource_exhaustion',
      weight: 0.75,
      description:
        'Trino HIVE_EXCEEDED_PARTITION_LIMIT (query reads more partitions than allowed)',
      source: HIVE,
    },
    {
      key: 'HIVE_WRITER_DATA_ERROR',
      code: 'HIVE_WRITER_DATA_ERROR',
      category: 'data_quality',
      weight: 0.6,
      description: 'Trino HIVE_WRITER_DATA_ERROR (the writer rejected a value)',
      source: HIVE,
    },
    {
      key: 'HIVE_INVALID_PARTITION_VALUE',
      code: 'HIVE_INVALID_PARTITION_VALUE',
      category: 'data_quality',
      weight: 0.7,
      description:
        'Trino HIVE_INVALID_PARTITION_VALUE (a partition value is invalid for its type)',
      source: HIVE,
    },
    {
      key: 'ICEBERG_BAD_DATA',
      code: 'ICEBERG_BAD_DATA',
      category: 'data_quality',
      weight: 0.7,
      description: 'Trino ICEBERG_BAD_DATA (bad data in an Iceberg file)',
      source: ICEBERG,
    },
    {
      key: 'ICEBERG_COMMIT_ERROR',
      code: 'ICEBERG_COMMIT_ERROR',
      category: 'dependency_unavailable',
      weight: 0.5,
      description:
        'Trino ICEBERG_COMMIT_ERROR (Iceberg commit failed (often a concurrent commit))',
      source: ICEBERG,
    },
    {
      key: 'ICEBERG_FILESYSTEM_ERROR',
      code: 'ICEBERG_FILESYSTEM_ERROR',
      category: 'dependency_unavailable',
      weight: 0.4,
      description: 'Trino ICEBERG_FILESYSTEM_ERROR (file system error)',
      source: ICEBERG,
    },
  ],
};
