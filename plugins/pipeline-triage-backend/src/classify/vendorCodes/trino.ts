import type { VendorCodeTable } from './types';

const HIVE = 'https://github.com/trinodb/trino/blob/master/plugin/trino-hive/src/main/java/io/trino/plugin/hive/HiveErrorCode.java';
const ICEBERG = 'https://github.com/trinodb/trino/blob/master/plugin/trino-iceberg/src/main/java/io/trino/plugin/iceberg/IcebergErrorCode.java';

/**
 * Trino / Presto error names (StandardErrorCode and the connectors' codes, as Athena prints
 * them: `HIVE_BAD_DATA: ...`) and the four error types every name belongs to. A type alone is
 * weak evidence; a name decides.
 */
export const trinoErrors: VendorCodeTable = {
  system: 'trino',
  vendor: 'Trino',
  source: 'https://github.com/trinodb/trino/blob/master/core/trino-spi/src/main/java/io/trino/spi/StandardErrorCode.java',
  codes: [
    // Error types
    { code: 'INSUFFICIENT_RESOURCES', category: 'resource_exhaustion', weight: 0.75, meaning: 'error type: the cluster lacked resources for the query' },
    { code: 'INTERNAL_ERROR', category: 'infrastructure', weight: 0.35, meaning: 'error type: internal error of the engine' },
    { code: 'EXTERNAL', category: 'dependency_unavailable', weight: 0.35, meaning: 'error type: an external system failed' },
    { code: 'USER_ERROR', category: 'code_error', weight: 0.2, meaning: 'error type: the query or its input is at fault' },
    // User errors
    { code: 'SYNTAX_ERROR', category: 'code_error', weight: 0.8, meaning: 'syntax error' },
    { code: 'FUNCTION_NOT_FOUND', category: 'code_error', weight: 0.75, meaning: 'function not found' },
    { code: 'TYPE_MISMATCH', category: 'code_error', weight: 0.6, meaning: 'type mismatch' },
    { code: 'NOT_SUPPORTED', category: 'code_error', weight: 0.5, meaning: 'not supported' },
    { code: 'COLUMN_NOT_FOUND', category: 'schema_drift', weight: 0.55, meaning: 'column not found', also: { category: 'code_error', weight: 0.4 } },
    { code: 'MISSING_COLUMN_NAME', category: 'code_error', weight: 0.6, meaning: 'missing column name' },
    { code: 'TABLE_NOT_FOUND', category: 'config_error', weight: 0.5, meaning: 'table not found', also: { category: 'source_delay', weight: 0.3 } },
    { code: 'SCHEMA_NOT_FOUND', category: 'config_error', weight: 0.75, meaning: 'schema not found' },
    { code: 'CATALOG_NOT_FOUND', category: 'config_error', weight: 0.8, meaning: 'catalog not found' },
    { code: 'INVALID_SESSION_PROPERTY', category: 'config_error', weight: 0.7, meaning: 'invalid session property' },
    { code: 'PERMISSION_DENIED', category: 'permission', weight: 0.9, meaning: 'access denied' },
    { code: 'INVALID_CAST_ARGUMENT', category: 'data_quality', weight: 0.75, meaning: 'a value cannot be cast', also: { category: 'code_error', weight: 0.3 } },
    { code: 'NUMERIC_VALUE_OUT_OF_RANGE', category: 'data_quality', weight: 0.7, meaning: 'numeric value out of range' },
    { code: 'DIVISION_BY_ZERO', category: 'data_quality', weight: 0.55, meaning: 'division by zero', also: { category: 'code_error', weight: 0.4 } },
    { code: 'INVALID_FUNCTION_ARGUMENT', category: 'data_quality', weight: 0.45, meaning: 'invalid function argument', also: { category: 'code_error', weight: 0.35 } },
    { code: 'CONSTRAINT_VIOLATION', category: 'data_quality', weight: 0.8, meaning: 'a table constraint was violated' },
    { code: 'INVALID_TABLE_PROPERTY', category: 'config_error', weight: 0.7, meaning: 'invalid table property' },
    // Insufficient resources
    { code: 'EXCEEDED_LOCAL_MEMORY_LIMIT', category: 'resource_exhaustion', weight: 0.9, meaning: 'query exceeded per-node memory limit' },
    { code: 'EXCEEDED_GLOBAL_MEMORY_LIMIT', category: 'resource_exhaustion', weight: 0.9, meaning: 'query exceeded distributed memory limit' },
    { code: 'CLUSTER_OUT_OF_MEMORY', category: 'resource_exhaustion', weight: 0.85, meaning: 'the cluster ran out of memory' },
    { code: 'EXCEEDED_SPILL_LIMIT', category: 'resource_exhaustion', weight: 0.8, meaning: 'query exceeded its spill limit' },
    { code: 'EXCEEDED_CPU_LIMIT', category: 'resource_exhaustion', weight: 0.6, meaning: 'query exceeded its CPU limit' },
    { code: 'EXCEEDED_TIME_LIMIT', category: 'resource_exhaustion', weight: 0.55, meaning: 'query exceeded its time limit' },
    { code: 'QUERY_QUEUE_FULL', category: 'resource_exhaustion', weight: 0.6, meaning: 'the resource group queue is full' },
    { code: 'GENERIC_INSUFFICIENT_RESOURCES', category: 'resource_exhaustion', weight: 0.75, meaning: 'insufficient resources' },
    // Internal errors of the cluster
    { code: 'NO_NODES_AVAILABLE', category: 'infrastructure', weight: 0.8, meaning: 'no worker nodes available' },
    { code: 'REMOTE_TASK_ERROR', category: 'infrastructure', weight: 0.75, meaning: 'a remote task failed' },
    { code: 'REMOTE_HOST_GONE', category: 'infrastructure', weight: 0.8, meaning: 'a worker went away' },
    { code: 'PAGE_TRANSPORT_TIMEOUT', category: 'infrastructure', weight: 0.75, meaning: 'timeout moving pages between workers' },
    { code: 'TOO_MANY_REQUESTS_FAILED', category: 'infrastructure', weight: 0.75, meaning: 'too many requests to a worker failed' },
    { code: 'SERVER_SHUTTING_DOWN', category: 'infrastructure', weight: 0.7, meaning: 'the server is shutting down' },
    { code: 'ADMINISTRATIVELY_PREEMPTED', category: 'infrastructure', weight: 0.6, meaning: 'the query was pre-empted by the cluster' },
    { code: 'GENERIC_INTERNAL_ERROR', category: 'infrastructure', weight: 0.3, meaning: 'generic internal error' },
    // Connector codes
    { code: 'HIVE_PARTITION_SCHEMA_MISMATCH', category: 'schema_drift', weight: 0.85, meaning: 'partition schema does not match the table schema', source: HIVE },
    { code: 'HIVE_INVALID_METADATA', category: 'schema_drift', weight: 0.5, meaning: 'invalid table or partition metadata', source: HIVE },
    { code: 'HIVE_BAD_DATA', category: 'data_quality', weight: 0.75, meaning: 'bad data in a file', source: HIVE },
    { code: 'HIVE_CURSOR_ERROR', category: 'data_quality', weight: 0.5, meaning: 'error reading a file', source: HIVE },
    { code: 'HIVE_UNSUPPORTED_FORMAT', category: 'config_error', weight: 0.55, meaning: 'unsupported storage format', source: HIVE },
    { code: 'HIVE_METASTORE_ERROR', category: 'infrastructure', weight: 0.6, meaning: 'metastore error', source: HIVE },
    { code: 'HIVE_FILESYSTEM_ERROR', category: 'dependency_unavailable', weight: 0.4, meaning: 'file system error', source: HIVE },
    { code: 'HIVE_TOO_MANY_OPEN_PARTITIONS', category: 'small_file_pressure', weight: 0.6, meaning: 'too many partitions written at once', source: HIVE },
    { code: 'HIVE_EXCEEDED_PARTITION_LIMIT', category: 'small_file_pressure', weight: 0.75, meaning: 'query reads more partitions than allowed', source: HIVE },
    { code: 'HIVE_WRITER_DATA_ERROR', category: 'data_quality', weight: 0.6, meaning: 'the writer rejected a value', source: HIVE },
    { code: 'HIVE_INVALID_PARTITION_VALUE', category: 'data_quality', weight: 0.7, meaning: 'a partition value is invalid for its type', source: HIVE },
    { code: 'ICEBERG_BAD_DATA', category: 'data_quality', weight: 0.7, meaning: 'bad data in an Iceberg file', source: ICEBERG },
    { code: 'ICEBERG_COMMIT_ERROR', category: 'dependency_unavailable', weight: 0.5, meaning: 'Iceberg commit failed (often a concurrent commit)', source: ICEBERG },
    { code: 'ICEBERG_FILESYSTEM_ERROR', category: 'dependency_unavailable', weight: 0.4, meaning: 'file system error', source: ICEBERG },
  ],
};
