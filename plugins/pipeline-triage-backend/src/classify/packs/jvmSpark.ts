import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/** How the JVM, Spark, Hadoop and PySpark report failures. */
export const jvmSparkPack: RulePack = {
  name: 'jvm-spark',
  origin: 'built-in',
  rules: [
    // --- resource exhaustion
    {
      id: 'jvm-out-of-memory',
      category: 'resource_exhaustion',
      description: 'JVM out of memory',
      patterns: [
        'java\\.lang\\.OutOfMemoryError|OutOfMemoryError: (?:Java heap space|GC overhead|Metaspace|Direct buffer memory|unable to create (?:new )?native thread|Requested array size)',
      ],
      weight: 0.95,
    },
    {
      id: 'jvm-gc-overhead',
      category: 'resource_exhaustion',
      description: 'GC overhead limit exceeded',
      patterns: ['GC overhead limit exceeded'],
      weight: 0.95,
    },
    {
      id: 'yarn-memory-limit-kill',
      category: 'resource_exhaustion',
      description: 'container killed for exceeding memory limits',
      patterns: [
        '(?:Container killed by YARN|killed) for exceeding (?:physical |virtual )?memory limits|exceeding (?:physical |virtual )?memory limits|(?:physical|virtual) memory used\\. Killing container',
      ],
      weight: 0.95,
    },
    {
      id: 'spark-memory-overhead-hint',
      category: 'resource_exhaustion',
      description: 'Spark suggests more memory overhead',
      patterns: ['Consider boosting spark\\.[\\w.]*memoryOverhead'],
      weight: 0.8,
    },
    {
      id: 'spark-unable-to-acquire-memory',
      category: 'resource_exhaustion',
      description: 'task memory manager out of memory',
      patterns: [
        'Unable to acquire \\d+ bytes of memory|SparkOutOfMemoryError|UNABLE_TO_ACQUIRE_MEMORY',
      ],
      weight: 0.9,
    },
    {
      id: 'spark-max-result-size',
      category: 'resource_exhaustion',
      description: 'results larger than spark.driver.maxResultSize',
      patterns: [
        'is bigger than (?:spark\\.driver\\.maxResultSize|local result size limit)',
      ],
      weight: 0.85,
    },
    {
      id: 'spark-broadcast-too-large',
      category: 'resource_exhaustion',
      description: 'broadcast table too large for memory',
      patterns: [
        'Not enough memory to build and broadcast the table|Cannot broadcast the table that is larger than|Cannot broadcast the table over \\d+ rows',
      ],
      weight: 0.8,
    },
    {
      id: 'spark-broadcast-timeout',
      category: 'resource_exhaustion',
      description: 'broadcast timed out',
      patterns: ['Could not execute broadcast in \\d+ secs'],
      weight: 0.55,
    },
    {
      id: 'spark-driver-restarting',
      category: 'infrastructure',
      description: 'Spark driver stopped unexpectedly',
      patterns: [
        'The spark driver has stopped unexpectedly and is restarting|Driver is temporarily unavailable|The spark context has stopped and the driver is restarting',
      ],
      weight: 0.6,
    },
    {
      id: 'spark-driver-gc-unresponsive',
      category: 'resource_exhaustion',
      description: 'driver unresponsive from garbage collection',
      patterns: [
        'not responsive, likely due to GC|likely due to GC|GC overhead|spent \\d+% of (?:its )?time in GC',
      ],
      weight: 0.85,
      explains: ['infrastructure'],
    },
    {
      id: 'spark-driver-restarting-memory',
      category: 'resource_exhaustion',
      description: 'driver restarts are usually driver memory pressure',
      patterns: ['The spark driver has stopped unexpectedly and is restarting'],
      weight: 0.35,
    },

    // --- data skew
    {
      id: 'spark-shuffle-frame-too-large',
      category: 'data_skew',
      description: 'a single shuffle block exceeds 2 GB',
      patterns: [
        '(?:Adjusted frame length|Too large frame|frame length) exceeds|Too large frame: \\d+|Size exceeds Integer\\.MAX_VALUE|Cannot grow BufferHolder by size|exceeds size limitation',
      ],
      weight: 0.75,
      explains: ['resource_exhaustion', 'infrastructure'],
    },
    {
      id: 'spark-skew-words',
      category: 'data_skew',
      description: 'the log names skew',
      patterns: [
        // AQE's skew-join rule says "partition 7 (12.1 GB) is skewed, split it into 96 parts".
        ci(
          '\\bskew(?:ed)? (?:partition|key|join|data)|data skew|straggler|\\bis skewed\\b|OptimizeSkewedJoin|number of skewed partitions',
        ),
      ],
      weight: 0.6,
      where: 'any',
    },
    // A memory kill in a run whose own log reports skew (AQE's skew-join split, a hot key):
    // the skewed partition is the cause, the memory error its symptom.
    {
      id: 'memory-kill-with-skew-report',
      category: 'data_skew',
      description:
        'a memory kill in a run that reports a skewed partition or hot key',
      patterns: [
        ci(
          'exceeding (?:physical )?memory limits|beyond physical memory limits|OutOfMemoryError|GC overhead limit exceeded|OOMKilled|exit code 137',
        ),
      ],
      requires: [
        ci(
          '\\bis skewed\\b|OptimizeSkewedJoin|\\bskewed (?:partition|key)|\\bhot key\\b|data skew',
        ),
      ],
      where: 'any',
      weight: 0.9,
      explains: ['resource_exhaustion', 'infrastructure'],
    },
    {
      id: 'task-far-above-median',
      category: 'data_skew',
      description: 'one task far slower or larger than the median',
      patterns: [
        ci(
          '(?:while|but) the median (?:task )?(?:took|was|read)|\\d+x (?:longer|slower|larger) than (?:the )?median|(?:longer|slower|larger) than the median|max(?:imum)? task .{0,60} median',
        ),
      ],
      weight: 0.6,
      where: 'any',
    },
    {
      id: 'spark-speculation',
      category: 'data_skew',
      description: 'tasks far slower than the median',
      patterns: ['as speculatable because it ran more than'],
      weight: 0.45,
      where: 'any',
    },

    // --- infrastructure
    {
      id: 'spark-bad-node',
      category: 'infrastructure',
      description: 'executor lost with its node',
      patterns: [
        'Container from a bad node|Container released on a \\*lost\\* node|Container marked as failed: .{0,200} on a lost node|Node .{0,120} (?:is lost|decommission)|decommissioned|Executor .{0,80} lost because .{0,120} decommission',
      ],
      weight: 0.85,
    },
    {
      id: 'spark-executor-deleted',
      category: 'infrastructure',
      description: 'executor removed by the platform, not by its task',
      patterns: [
        'was deleted by a user or the framework|exited unrelated to the running tasks|Executor .{0,40} (?:was )?decommissioned|worker decommission',
      ],
      weight: 0.8,
      explains: ['dependency_unavailable'],
    },
    {
      id: 'spark-heartbeat-timeout',
      category: 'infrastructure',
      description: 'executor heartbeat timed out',
      patterns: ['Executor heartbeat timed out|heartbeat timed out after \\d+'],
      weight: 0.7,
    },
    {
      id: 'spark-executor-lost',
      category: 'infrastructure',
      description: 'executor lost',
      patterns: [
        'ExecutorLostFailure|Lost executor \\d+|executor lost|Executor lost',
      ],
      weight: 0.5,
    },
    {
      id: 'spark-rpc-disassociated',
      category: 'infrastructure',
      description: 'executor disconnected',
      patterns: ['Remote RPC client disassociated'],
      weight: 0.5,
    },
    {
      id: 'spark-rpc-disassociated-memory',
      category: 'resource_exhaustion',
      description: 'disconnects are often containers over their limits',
      patterns: ['Likely due to containers exceeding thresholds'],
      weight: 0.35,
    },
    {
      id: 'spark-container-launch',
      category: 'infrastructure',
      description: 'container failed to launch',
      patterns: ['Exception from container-launch'],
      weight: 0.55,
    },
    // Losing shuffle output means an executor or its node went away: specific to the cluster.
    {
      id: 'spark-fetch-failed',
      category: 'infrastructure',
      description: 'shuffle output lost with its executor',
      patterns: [
        'FetchFailedException|MetadataFetchFailedException|Missing an output location for shuffle',
      ],
      weight: 0.65,
    },
    {
      id: 'spark-peer-unreachable',
      category: 'infrastructure',
      description: 'could not reach another node',
      patterns: ['Failed to connect to [\\w.-]+/?[\\d.]*:\\d+'],
      weight: 0.55,
    },
    {
      id: 'spark-context-shut-down',
      category: 'infrastructure',
      description: 'SparkContext shut down under the job',
      patterns: [
        'cancelled because SparkContext was shut down|SparkContext has been shutdown|SparkContext was shut down',
      ],
      weight: 0.5,
    },
    {
      id: 'spark-python-worker-crash',
      category: 'infrastructure',
      description: 'Python worker crashed',
      patterns: [
        // A worker that never connected back is a setup error (generalReports.ts).
        'Python worker exited unexpectedly',
      ],
      // Alone it is an abstention: the worker dies the same way from the OS OOM killer, a native
      // segfault in user code or a lost node (PySpark "Debugging": spark.python.worker.
      // faulthandler.enabled prints the cause). It only leans when other evidence agrees.
      weight: 0.25,
    },
    {
      id: 'spark-stale-file-listing',
      category: 'infrastructure',
      description: 'files changed under a running job',
      patterns: ['It is possible the underlying files have been updated'],
      weight: 0.5,
    },

    // --- schema drift
    {
      id: 'spark-unresolved-column',
      category: 'schema_drift',
      description: 'a column the job reads is not in the data',
      patterns: [
        '\\[UNRESOLVED_COLUMN|cannot resolve [\'`"]{1,2}[^\'`"]+[\'`"]{1,2} given input columns|A column(?: or function parameter)? with name [`\'"][^`\'"]+[`\'"] cannot be resolved|\\[FIELD_NOT_FOUND\\]|No such struct field',
      ],
      weight: 0.8,
    },
    {
      id: 'spark-unresolved-column-code',
      category: 'code_error',
      description: 'unresolved column can also be a typo in the job',
      patterns: [
        '\\[UNRESOLVED_COLUMN|cannot resolve [\'`"]{1,2}[^\'`"]+[\'`"]{1,2} given input columns|cannot be resolved\\. Did you mean',
      ],
      weight: 0.4,
    },
    {
      id: 'spark-parquet-type-mismatch',
      category: 'schema_drift',
      description: 'file column type differs from the table schema',
      patterns: [
        'Parquet column cannot be converted|SchemaColumnConvertNotSupportedException|UnsupportedOperationException: org\\.apache\\.parquet\\.column\\.values\\.dictionary\\.PlainValuesDictionary|PARQUET_COLUMN_DATA_TYPE_MISMATCH|Expected: \\w+, Found: \\w+|column .{0,80} has (?:a )?type .{0,80} but .{0,80} expected',
      ],
      weight: 0.9,
    },
    {
      id: 'spark-merge-incompatible',
      category: 'schema_drift',
      description: 'incompatible schemas cannot be merged',
      patterns: [
        'Failed to merge incompatible data types|CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE|Failed to merge fields|incompatible (?:schema|data types?)|CANNOT_UP_CAST_DATATYPE|Cannot up cast',
      ],
      weight: 0.85,
    },
    {
      id: 'spark-write-schema-mismatch',
      category: 'schema_drift',
      description: 'data written does not fit the target table',
      patterns: [
        'INSERT_COLUMN_ARITY_MISMATCH|INCOMPATIBLE_DATA_(?:FOR|TO)_TABLE|too many data columns|not enough data columns|Cannot write incompatible data|Cannot safely cast',
      ],
      weight: 0.85,
    },
    {
      id: 'spark-schema-mismatch-words',
      category: 'schema_drift',
      description: 'schema mismatch wording',
      patterns: [
        ci(
          'schema (?:mismatch|changed|has changed|does not match|is not compatible)|mismatch(?:ed)? schema|column count mismatch',
        ),
      ],
      weight: 0.6,
    },
    {
      id: 'spark-state-schema',
      category: 'schema_drift',
      description: 'streaming state schema changed',
      patterns: [
        "StateSchemaNotCompatible|Provided schema doesn't match to the schema for existing state|STATE_STORE_\\w*SCHEMA",
      ],
      weight: 0.7,
    },

    // --- data quality
    {
      id: 'spark-cast-invalid',
      category: 'data_quality',
      description: 'a value cannot be cast',
      patterns: [
        '\\[CAST_INVALID_INPUT\\]|\\[CAST_OVERFLOW\\]|cannot be cast to .{0,80} because it is malformed|\\[ARITHMETIC_OVERFLOW\\]',
      ],
      weight: 0.85,
    },
    {
      id: 'spark-malformed-records',
      category: 'data_quality',
      description: 'malformed input records',
      patterns: [
        'MALFORMED_RECORD_IN_PARSING|Malformed records are detected|BadRecordException|Malformed (?:CSV|JSON|line)|\\[MALFORMED_\\w+|Malformed input|FAILED_PARSE_\\w+',
      ],
      weight: 0.88,
    },
    {
      id: 'spark-value-error-classes',
      category: 'data_quality',
      description: 'a value does not parse or fit',
      patterns: [
        '\\[(?:CANNOT_PARSE_TIMESTAMP|NUMERIC_VALUE_OUT_OF_RANGE|CONVERSION_INVALID_INPUT|INVALID_FORMAT|BINARY_ARITHMETIC_OVERFLOW|DATETIME_OVERFLOW)',
      ],
      weight: 0.8,
    },
    {
      id: 'jvm-number-format',
      category: 'data_quality',
      description: 'a value is not a number',
      patterns: ['NumberFormatException'],
      weight: 0.55,
    },
    {
      id: 'spark-divide-by-zero',
      category: 'data_quality',
      description: 'division by zero on a value',
      patterns: ['\\[DIVIDE_BY_ZERO\\]|ArithmeticException: / by zero'],
      weight: 0.5,
    },

    // --- code errors
    {
      id: 'scala-empty-option-or-collection',
      category: 'code_error',
      description:
        'Option.get on None or head/reduce of an empty collection in the job code',
      patterns: [
        'NoSuchElementException: None\\.get|NoSuchElementException: key not found|UnsupportedOperationException: empty\\.(?:reduceLeft|reduce|head|max|min|tail)|NoSuchElementException: head of empty list',
      ],
      weight: 0.75,
    },
    {
      id: 'spark-parse-error',
      category: 'code_error',
      description: 'SQL does not parse',
      // \b keeps value parsers (DateTimeParseException, JsonParseException) out: those read data
      patterns: [
        '\\[PARSE_SYNTAX_ERROR\\]|\\bParseException|mismatched input|extraneous input|no viable alternative at input',
      ],
      weight: 0.85,
    },
    {
      id: 'spark-unresolved-routine',
      category: 'code_error',
      description: 'unknown function',
      patterns: [
        '\\[UNRESOLVED_ROUTINE\\]|Undefined function:|Unknown function|\\[ROUTINE_NOT_FOUND\\]',
      ],
      weight: 0.75,
    },
    {
      id: 'spark-ambiguous-reference',
      category: 'code_error',
      description: 'ambiguous column reference',
      patterns: [
        "\\[AMBIGUOUS_REFERENCE\\]|Reference ['`][^'`]+['`] is ambiguous|\\[AMBIGUOUS_COLUMN_OR_FIELD\\]",
      ],
      weight: 0.8,
    },
    {
      id: 'spark-missing-aggregation',
      category: 'code_error',
      description: 'invalid aggregation',
      patterns: [
        '\\[MISSING_AGGREGATION\\]|is neither present in the group by, nor is it an aggregate function|\\[MISSING_GROUP_BY\\]',
      ],
      weight: 0.85,
    },
    {
      id: 'spark-datatype-mismatch',
      category: 'code_error',
      description: 'expression type mismatch',
      patterns: ['\\[DATATYPE_MISMATCH|due to data type mismatch'],
      weight: 0.5,
    },
    {
      id: 'spark-datatype-mismatch-schema',
      category: 'schema_drift',
      description: 'type mismatch can follow an upstream type change',
      patterns: ['\\[DATATYPE_MISMATCH|due to data type mismatch'],
      weight: 0.35,
    },
    {
      id: 'spark-udf-failure',
      category: 'code_error',
      description: 'user function failed',
      patterns: [
        '\\[FAILED_EXECUTE_UDF\\]|Failed to execute user defined function|An exception was thrown from (?:the )?Python worker|PythonException',
      ],
      weight: 0.6,
    },
    {
      id: 'spark-task-not-serializable',
      category: 'code_error',
      description: 'closure not serializable',
      patterns: ['Task not serializable|NotSerializableException'],
      weight: 0.9,
    },
    {
      // Serializers refusing an object the job emits, checkpoints or persists (issue 17,
      // random5): Kryo's KryoException with its "Serialization trace" (esotericsoftware/kryo),
      // Jackson's "No serializer found for class" (InvalidDefinitionException), and the
      // "Failed to serialize"/"Could not serialize" wrappers Flink and Beam put over them. The
      // type of the object decides it, so every attempt fails the same way.
      id: 'jvm-object-serialization-failed',
      category: 'code_error',
      description: 'an object the job emits or persists cannot be serialized',
      patterns: [
        '\\bFailed to serialize\\b|\\bCould not serialize\\b|\\bUnable to serialize\\b',
        '\\bNo serializer found for class\\b|\\bKryoException\\b.{0,200}\\bSerialization trace\\b',
      ],
      unless: ['\\bError serializing (?:Avro|JSON|Protobuf) message\\b'],
      weight: 0.7,
    },
    {
      id: 'jvm-null-pointer',
      category: 'code_error',
      description: 'null pointer in job code',
      patterns: ['NullPointerException'],
      weight: 0.6,
    },
    {
      id: 'jvm-class-cast',
      category: 'code_error',
      description: 'wrong type cast in job code',
      patterns: ['ClassCastException'],
      weight: 0.6,
    },
    {
      id: 'jvm-index-out-of-bounds',
      category: 'code_error',
      description: 'index out of bounds',
      patterns: ['(?:ArrayIndex|StringIndex|Index)OutOfBoundsException'],
      weight: 0.6,
    },
    {
      id: 'jvm-illegal-argument',
      category: 'code_error',
      description: 'illegal argument or state',
      patterns: [
        'IllegalArgumentException|IllegalStateException|UnsupportedOperationException',
      ],
      weight: 0.45,
    },
    {
      id: 'scala-match-error',
      category: 'code_error',
      description: 'unhandled case in Scala code',
      patterns: ['scala\\.MatchError'],
      weight: 0.75,
    },
    {
      id: 'jvm-stack-overflow',
      category: 'code_error',
      description: 'stack overflow (recursion or huge plan)',
      patterns: ['StackOverflowError'],
      weight: 0.6,
    },

    // --- configuration
    {
      id: 'spark-resources-above-cluster-max',
      category: 'config_error',
      description: 'requested resources exceed what the cluster allows',
      patterns: [
        'is above the max threshold \\(\\d+ MB\\) of this cluster|Required (?:executor|AM) memory .{0,200}is above the max threshold|exceeds? the maximum (?:allowed )?(?:container|allocation) (?:size|memory)',
      ],
      weight: 0.9,
      explains: ['resource_exhaustion'],
    },
    {
      id: 'hadoop-no-filesystem',
      category: 'config_error',
      description: 'no filesystem for the URI scheme',
      patterns: [
        'No FileSystem for scheme|UnsupportedFileSystemException|UnsupportedFileSystemSchemeException|Could not find a file system implementation for scheme',
      ],
      weight: 0.92,
    },
    {
      id: 'spark-data-source-missing',
      category: 'config_error',
      description: 'data source package missing',
      patterns: [
        'Failed to find data source|DATA_SOURCE_NOT_FOUND|ClassNotFoundException: [\\w.]*DefaultSource',
      ],
      weight: 0.9,
    },
    {
      id: 'jvm-linkage-error',
      category: 'config_error',
      description: 'incompatible library versions on the classpath',
      patterns: [
        'NoSuchMethodError|NoSuchFieldError|NoClassDefFoundError|AbstractMethodError|IncompatibleClassChangeError|UnsupportedClassVersionError|Unsupported class file major version|java\\.lang\\.LinkageError|local class incompatible',
      ],
      weight: 0.85,
    },
    {
      id: 'jvm-class-not-found',
      category: 'config_error',
      description: 'class missing from the classpath',
      patterns: ['ClassNotFoundException'],
      weight: 0.75,
    },
    {
      id: 'py4j-missing-jvm-member',
      category: 'config_error',
      description: 'JVM class missing for PySpark',
      patterns: ['does not exist in the JVM'],
      weight: 0.8,
    },
    {
      id: 'spark-master-url',
      category: 'config_error',
      description: 'invalid master URL',
      patterns: [
        'Could not parse Master URL|Master must either be yarn or start with spark|A master URL must be set in your configuration|Missing application resource|Failed to get main class in JAR',
      ],
      weight: 0.9,
    },
    {
      // A path of one filesystem given to another's client: fs.defaultFS or a base path in the
      // configuration disagrees with where the data lives.
      id: 'hadoop-wrong-fs',
      category: 'config_error',
      description: 'a path on another filesystem than the configured one',
      patterns: ['Wrong FS: \\S+,? -?expected:? \\S+'],
      where: 'chain',
      weight: 0.85,
      explains: ['code_error'],
    },
    {
      id: 'spark-invalid-conf',
      category: 'config_error',
      description: 'invalid Spark configuration',
      patterns: [
        '\\[INVALID_CONF_VALUE|Invalid value for config|spark\\.[\\w.]+ (?:should|must) be',
      ],
      weight: 0.65,
    },
    {
      id: 'spark-catalog-missing',
      category: 'config_error',
      description: 'catalog or database not found',
      patterns: [
        "\\[SCHEMA_NOT_FOUND\\]|NoSuchDatabaseException|Database ['`][^'`]+['`] not found|Cannot find catalog plugin class|Catalog ['`][^'`]+['`] not found",
      ],
      weight: 0.75,
    },
    {
      id: 'spark-table-not-found',
      category: 'config_error',
      description: 'table or view not found',
      patterns: [
        '\\[TABLE_OR_VIEW_NOT_FOUND\\]|Table or view not found|NoSuchTableException',
      ],
      weight: 0.5,
    },
    {
      id: 'spark-table-not-found-late',
      category: 'source_delay',
      description: 'missing table may not be created yet',
      patterns: [
        '\\[TABLE_OR_VIEW_NOT_FOUND\\]|Table or view not found|NoSuchTableException',
      ],
      weight: 0.3,
    },

    // --- source delay / missing input
    {
      id: 'hadoop-path-not-found',
      category: 'source_delay',
      description: 'input path does not exist',
      patterns: [
        '\\[PATH_NOT_FOUND\\]|Path does not exist:|Input path does not exist|InvalidInputException|Input Pattern .{0,300} matches 0 files',
      ],
      weight: 0.65,
    },
    {
      id: 'hadoop-path-not-found-config',
      category: 'config_error',
      description: 'a missing path can be a wrong path',
      patterns: [
        '\\[PATH_NOT_FOUND\\]|Path does not exist:|Input path does not exist',
      ],
      weight: 0.35,
    },
    {
      id: 'spark-infer-schema-empty',
      category: 'source_delay',
      description: 'no files to infer a schema from (empty input)',
      patterns: [
        'Unable to infer schema for (?:Parquet|ORC|JSON|CSV|Avro)|\\[UNABLE_TO_INFER_SCHEMA\\]',
      ],
      weight: 0.6,
    },

    // --- small files
    {
      // The limit is a setting the message names (hive.exec.max.dynamic.partitions).
      id: 'spark-dynamic-partitions',
      category: 'config_error',
      description: 'more dynamic partitions than the configured maximum',
      patterns: [
        'Number of dynamic partitions created is \\d+, which is more than|Too many dynamic partitions|hive\\.exec\\.max\\.dynamic\\.partitions',
      ],
      weight: 0.8,
    },
    {
      // Save mode "error if exists" (Spark's default) meeting output an earlier run left.
      id: 'spark-path-already-exists',
      category: 'config_error',
      description:
        'the output path already exists and the save mode forbids overwriting',
      patterns: [
        'AnalysisException: .{0,20}path \\S+ already exists|\\[PATH_ALREADY_EXISTS\\]',
      ],
      weight: 0.8,
    },
    // commitJob finds the job's _temporary directory or a task's committed output gone: another
    // job writing the same output path committed (and cleaned up) first (SPARK-24238,
    // databricks/spark-avro#127). The FileNotFound is the symptom, not a missing input.
    {
      id: 'committer-temporary-vanished',
      category: 'config_error',
      description:
        "the output committer's _temporary directory vanished during the commit (another job writes the same output path)",
      patterns: [
        '(?:FileNotFoundException|No such file or directory|does not exist).{0,300}/_temporary/\\d+\\b|/_temporary/\\d+\\b.{0,300}(?:does not exist|No such file)',
      ],
      requires: ['FileOutputCommitter|Aborting job|Job \\S+ aborted'],
      weight: 0.85,
      explains: ['source_delay', 'code_error'],
    },
    // The driver listing millions of input paths: the file count, not the data volume, is
    // what exhausts it (awslabs/athena-glue-service-logs#19, 12.8M objects of ~1 KB).
    {
      id: 'listing-millions-of-paths',
      category: 'small_file_pressure',
      description: 'the driver lists millions of input files',
      patterns: [
        ci(
          '\\blist(?:ing|ed)?\\b.{0,80}\\b(?:\\d{1,3}(?:,\\d{3}){2,}|[1-9]\\d{6,}) (?:paths|files|objects|keys)\\b',
        ),
      ],
      where: 'any',
      weight: 0.85,
      explains: ['resource_exhaustion'],
    },
    // The driver killed for memory in a run that lists millions of files: the file index, not
    // the data, filled it.
    {
      id: 'memory-kill-while-listing-millions',
      category: 'small_file_pressure',
      description:
        'the driver ran out of memory in a run listing millions of files',
      patterns: [
        ci(
          'beyond physical memory limits|exceeding memory limits|OutOfMemoryError|GC overhead limit exceeded|OOMKilled',
        ),
      ],
      requires: [
        ci(
          '\\blist(?:ing|ed)?\\b.{0,80}\\b(?:\\d{1,3}(?:,\\d{3}){2,}|[1-9]\\d{6,}) (?:paths|files|objects|keys)\\b',
        ),
      ],
      // YARN's container diagnostics often arrive as a plain (context) line.
      where: 'any',
      weight: 0.9,
      explains: ['resource_exhaustion'],
    },
    {
      id: 'spark-listing-many-files',
      category: 'small_file_pressure',
      description: 'listing a very large number of files',
      patterns: [
        'Listing leaf files and directories for \\d{4,} paths|Listing files .{0,200} took \\d{4,} ?ms',
      ],
      weight: 0.3,
      where: 'any',
    },
    {
      id: 'spark-slow-listing',
      category: 'small_file_pressure',
      description: 'listing input files took minutes',
      patterns: ['It took \\d{5,} ms to list leaf files'],
      weight: 0.6,
      where: 'any',
    },

    // One thread spilling the same buffer dozens of times: its task's data never fits (skew).
    {
      id: 'repeated-spills',
      category: 'data_skew',
      description: 'one task spilled to disk dozens of times',
      patterns: [
        ci('spilling .{0,80} to disk \\((?:[2-9]\\d|\\d{3,}) +times so far\\)'),
      ],
      weight: 0.45,
      where: 'any',
    },
    {
      id: 'hot-key',
      category: 'data_skew',
      description: 'the engine reports a hot key',
      patterns: [
        ci('\\bhot key\\b|hot ?spot key|key with significantly more elements'),
      ],
      weight: 0.7,
      where: 'any',
    },
    {
      id: 'reduce-stuck-at-99',
      category: 'data_skew',
      description: 'reducers stuck at 99% (one reducer left)',
      patterns: ['map = 100%,\\s+reduce = 99%'],
      weight: 0.4,
      where: 'any',
    },
    // Flink Table API: the connector, format or catalog named in the DDL is not on the classpath.
    {
      id: 'flink-factory-missing',
      category: 'config_error',
      description:
        'no connector/format/catalog factory for the identifier (jar missing or name wrong)',
      patterns: [
        "Could not find any factory for identifier '[^']+' that implements|NoMatchingTableFactoryException|Could not find a suitable table factory",
      ],
      weight: 0.85,
    },
    // Calcite-based SQL engines (Flink SQL, SeaTunnel, Druid): the validator names what it cannot resolve.
    {
      id: 'calcite-object-not-found',
      category: 'config_error',
      description: 'the SQL names a table or catalog that is not registered',
      patterns: [
        "Object '[^']+' not found(?: within '[^']+')?|Table '[^']+' not found",
      ],
      weight: 0.7,
    },
    {
      id: 'calcite-column-not-found',
      category: 'schema_drift',
      description: 'the SQL names a column the table does not have',
      patterns: ["Column '[^']+' not found in (?:any table|table '[^']+')"],
      weight: 0.55,
    },
    {
      id: 'calcite-column-not-found-code',
      category: 'code_error',
      description: 'a missing column can be a typo in the SQL',
      patterns: ["Column '[^']+' not found in (?:any table|table '[^']+')"],
      weight: 0.45,
    },
    // Issue 17, partial-write corpus: errors that stop a write part-way, in the vendor's wording.
    // Spark's UnsupportedOperationChecker: a batch action on a streaming Dataset (API misuse).
    {
      id: 'spark-streaming-source-batch-action',
      category: 'code_error',
      description: 'a batch action was run on a streaming Dataset',
      patterns: [
        'Queries with streaming sources must be executed with writeStream\\.start\\(\\)',
      ],
      where: 'chain',
      weight: 0.9,
    },
    // DataStax Java driver: the coordinator gave up waiting for replica acknowledgements
    // (WriteTimeoutException), or the Spark connector's writer timed out its statements.
    {
      id: 'cassandra-write-timeout',
      category: 'dependency_unavailable',
      description:
        'the Cassandra-compatible cluster did not acknowledge writes in time',
      patterns: [
        'WriteTimeoutException: Cassandra timeout during write query at consistency',
        // driver 4.x DriverTimeoutException under the connector's "Failed to write statements"
        'Query timed out after PT\\d+(?:\\.\\d+)?[MS]\\b',
      ],
      requires: ['Failed to write statements to |com\\.datastax\\.'],
      where: 'any',
      weight: 0.8,
      explains: ['resource_exhaustion', 'infrastructure'],
    },
    // A retried attempt of a write task (Lost task N.1, N.2, ...) meets keys its first attempt
    // had already written, after that attempt's executor was lost: Spark re-runs the partition
    // and non-transactional JDBC/bulk-copy writers insert it again (apache/spark#54449). The
    // lost executor is the cause; the duplicate is its symptom.
    {
      id: 'spark-retried-write-task-duplicate-after-executor-loss',
      category: 'infrastructure',
      description:
        'a write task retried after its executor was lost collides with its own earlier rows',
      patterns: [
        'Lost task \\d+\\.[1-9]\\d* in stage .{0,300}(?:duplicate key|PRIMARY KEY constraint|UNIQUE KEY constraint|Duplicate entry)',
      ],
      where: 'any',
      requires: [
        'ExecutorLostFailure|Container released on a \\*lost\\* node|Lost executor \\d+',
      ],
      weight: 0.9,
      explains: ['data_quality'],
    },
    // Issue 17, exception-name words: java.util.Formatter's exceptions (JDK javadoc,
    // java.util.IllegalFormatException and subclasses) mean a bad format string in the code,
    // although their names say Format and Conversion.
    {
      id: 'jdk-formatter-bad-pattern',
      category: 'code_error',
      description: 'a String.format pattern in the code is invalid',
      patterns: [
        '\\bjava\\.util\\.(?:UnknownFormatConversion|IllegalFormat\\w*|MissingFormat\\w*|UnknownFormatFlags|DuplicateFormatFlags|FormatFlagsConversionMismatch)Exception\\b',
      ],
      weight: 0.75,
    },
  ],
};
