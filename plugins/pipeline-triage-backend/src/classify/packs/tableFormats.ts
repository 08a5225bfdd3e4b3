import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/** How Delta Lake, Apache Iceberg and Apache Hudi report failures. */
export const tableFormatsPack: RulePack = {
  name: 'table-formats',
  origin: 'built-in',
  rules: [
    {
      // Hudi validates write options against hoodie.properties before writing.
      id: 'hudi-config-conflict',
      category: 'config_error',
      description:
        "Hudi write options conflict with the table's stored configuration",
      patterns: ['HoodieException: Config conflict|Config conflict\\(key\\s'],
      weight: 0.9,
    },
    {
      id: 'table-commit-conflict',
      category: 'infrastructure',
      description:
        'optimistic commit lost to a concurrent writer (Iceberg metadata swap, Hudi write conflict)',
      patterns: [
        'CommitFailedException: (?:Cannot commit: )?Base metadata location \\S+ is not same as the current table metadata location|CommitFailedException: Cannot commit \\S+: metadata location \\S+ has changed from|HoodieWriteConflictException',
      ],
      weight: 0.8,
    },
    {
      id: 'table-commit-state-unknown',
      category: 'infrastructure',
      description:
        'the commit may or may not have happened (Iceberg CommitStateUnknownException)',
      patterns: ['CommitStateUnknownException'],
      weight: 0.75,
    },
    {
      id: 'delta-schema-mismatch',
      category: 'schema_drift',
      description: 'write schema differs from the Delta table',
      patterns: [
        'A schema mismatch detected when writing to the Delta table|DELTA_FAILED_TO_MERGE_FIELDS|\\[DELTA_SCHEMA_CHANGED|DELTA_METADATA_CHANGED|The specified schema does not match the existing schema|Detected (?:a )?(?:schema|incompatible) change|DELTA_COLUMN_MAPPING_\\w*|DELTA_\\w*SCHEMA_MISMATCH',
      ],
      weight: 0.92,
    },
    {
      // The files' physical schema and the table's declared schema disagree, as readers of
      // Parquet word it: BigQuery external tables, parquet-mr, Hive/Trino readers, Spark mergeSchema.
      id: 'parquet-file-vs-table-schema',
      category: 'schema_drift',
      description:
        "a data file's column type does not match the table's (or another file's) schema",
      patterns: [
        ci(
          'has type \\w+ which does not match the target cpp_type|requested schema is not compatible with the file schema|type \\w+ in parquet file .{0,300}? is incompatible with type .{0,60}? defined in table schema|Parquet file schema does not match table schema|\\[CANNOT_MERGE_SCHEMAS\\]|Failed merging schemas?(?: of file|:)',
        ),
      ],
      weight: 0.92,
    },
    {
      id: 'delta-not-null',
      category: 'data_quality',
      description: 'NULL in a NOT NULL column',
      patterns: [
        'NOT NULL constraint violated for column|DELTA_NOT_NULL_CONSTRAINT_VIOLATED|InvariantViolationException',
      ],
      weight: 0.95,
    },
    {
      id: 'delta-check-constraint',
      category: 'data_quality',
      description: 'CHECK constraint violated',
      patterns: [
        'CHECK constraint [\\w.`]+ .{0,200}violated|DELTA_VIOLATE_CONSTRAINT|DELTA_CHECK_CONSTRAINT',
      ],
      weight: 0.92,
    },
    {
      id: 'merge-duplicate-source',
      category: 'data_quality',
      description: 'duplicate keys in the MERGE source',
      patterns: [
        'multiple source rows matched and attempted to (?:modify|update|delete) the same target row|DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE',
      ],
      weight: 0.93,
    },
    {
      id: 'delta-concurrent-write',
      category: 'dependency_unavailable',
      description: 'conflicting concurrent transaction',
      patterns: [
        'ConcurrentAppendException|ConcurrentDeleteReadException|ConcurrentDeleteDeleteException|ConcurrentTransactionException|MetadataChangedException|ProtocolChangedException|DELTA_CONCURRENT_\\w+|added to .{0,80} by a concurrent update',
      ],
      weight: 0.6,
    },
    {
      id: 'delta-protocol-version',
      category: 'config_error',
      description: 'reader / writer too old for the table protocol',
      patterns: [
        'DELTA_INVALID_PROTOCOL_VERSION|Delta protocol version .{0,80} is too new|DELTA_UNSUPPORTED_FEATURES|Unsupported Delta (?:reader|writer|table) features?',
      ],
      weight: 0.85,
    },
    {
      id: 'delta-missing-files',
      category: 'config_error',
      description: 'files referenced by the log were deleted',
      patterns: [
        'DELTA_FILE_NOT_FOUND|file referenced in the transaction log cannot be found|data has been manually deleted from the file system',
      ],
      weight: 0.45,
    },
    {
      id: 'iceberg-commit-conflict',
      category: 'dependency_unavailable',
      description: 'commit conflict with a concurrent writer',
      patterns: [
        'CommitFailedException: (?:Cannot commit|Commit failed|Version \\d+ already exists)|Cannot commit changes based on stale table metadata|Found conflicting files|Found new conflicting|ConcurrentModificationException',
      ],
      weight: 0.6,
    },
    {
      id: 'iceberg-schema',
      category: 'schema_drift',
      description: 'dataset incompatible with the Iceberg schema',
      patterns: [
        'Cannot write incompatible dataset to table with schema|Cannot write nullable values to non-null|Cannot find field [\'"][^\'"]+[\'"] in struct|not found in source schema|Cannot safely cast [\'"][^\'"]+[\'"]|Cannot (?:add|rename|update|delete) (?:column|field)',
      ],
      weight: 0.85,
    },
    {
      id: 'iceberg-table-missing',
      category: 'config_error',
      description: 'table or namespace does not exist',
      patterns: [
        'NoSuchNamespaceException|Namespace does not exist|Table does not exist: ',
      ],
      weight: 0.6,
    },
    {
      id: 'hudi-schema',
      category: 'schema_drift',
      description: 'incoming batch schema incompatible with the Hudi table',
      patterns: [
        'HoodieSchemaException|SchemaCompatibilityException|Incoming batch schema is not compatible|HoodieIncompatibleSchemaException|Unable to validate the rewritten record|AvroTypeException: Found .{0,80}, expecting',
      ],
      weight: 0.9,
    },
    {
      id: 'hudi-record-key-null',
      category: 'data_quality',
      description: 'record key or partition path missing in data',
      patterns: [
        'HoodieKeyException|cannot be null or empty|record key .{0,60} cannot be null|partition path .{0,60} cannot be null',
      ],
      weight: 0.85,
    },
    {
      id: 'hudi-lock-conflict',
      category: 'dependency_unavailable',
      description: 'write lock or conflict between writers',
      patterns: [
        'HoodieLockException|Unable to acquire lock|Lock acquisition failed|HoodieWriteConflictException|Cannot resolve conflicts for overlapping writes',
      ],
      weight: 0.6,
    },
    {
      id: 'hudi-hive-sync',
      category: 'infrastructure',
      description: 'metastore sync failed after the commit',
      patterns: [
        'HoodieHiveSyncException|Got runtime exception when hive syncing|Failed to sync partitions|HoodieMetaSyncException',
      ],
      weight: 0.5,
    },
    {
      id: 'hudi-timeline',
      category: 'infrastructure',
      description: 'table timeline inconsistent',
      patterns: [
        'HoodieRollbackException|Found commits after time|HoodieCommitException|Failed to archive commits|HoodieMetadataException',
      ],
      weight: 0.4,
    },

    {
      id: 'open-writers-limit',
      category: 'small_file_pressure',
      description: 'too many partitions written by one statement',
      patterns: [
        ci(
          '(?:HIVE|ICEBERG|DELTA_LAKE)_TOO_MANY_OPEN_PARTITIONS|exceeded (?:the )?limit of \\d+ open writers',
        ),
      ],
      weight: 0.65,
    },
    {
      id: 'hudi-tiny-insert-buckets',
      category: 'small_file_pressure',
      description: 'Hudi sizes inserts into thousands of tiny files',
      patterns: [
        'hoodie\\.parquet\\.small\\.file\\.limit=0|Total insert buckets for partition path .{0,80}=> \\d{4,}',
      ],
      weight: 0.55,
      where: 'any',
    },
  ],
};
