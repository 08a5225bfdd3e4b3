import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/**
 * How Snowflake, BigQuery, Redshift, Postgres, MySQL, Oracle, SQL Server, Trino / Athena and
 * Hive report failures. The same wording often comes through dbt, Airflow or JDBC wrappers.
 */
export const sqlWarehousePack: RulePack = {
  name: 'sql-warehouse',
  origin: 'built-in',
  rules: [
    {
      // Redshift reports it with the internal SQLSTATE XX000; the message names the cause.
      id: 'copy-into-missing-table',
      category: 'config_error',
      description: 'COPY into a table that does not exist',
      patterns: ['Cannot COPY into nonexistent table'],
      weight: 0.85,
    },
    {
      // Documented per-table or per-job limits: BigQuery's 4,000 partitions per query and
      // 10,000 source URIs per load job, Velox's distinct partitions per writer, ClickHouse's
      // max_partitions_per_insert_block.
      id: 'partition-or-source-limit',
      category: 'resource_exhaustion',
      description: 'a documented limit on partitions or sources per job',
      patterns: [
        ci(
          'Too many partitions produced by query, allowed \\d+|Exceeded limit of \\d+ distinct partitions|Too many sources provided: \\d+\\. Limit is \\d+|Too many partitions for single INSERT block|exceeds? the maximum number of partitions',
        ),
      ],
      weight: 0.85,
    },
    {
      // Trino's HIVE_EXCEEDED_PARTITION_LIMIT, BigQuery's require_partition_filter and Hive's
      // strict mode: the table or catalog demands a partition filter the query does not have.
      id: 'partition-filter-required',
      category: 'config_error',
      description:
        'a table or catalog limit on partitions per scan, or a required partition filter',
      patterns: [
        ci(
          "can potentially read more than \\d+ partitions|Cannot query over table '[^']+' without a filter over column\\(s\\)|partitioned tables without a partition filter are disabled",
        ),
      ],
      weight: 0.8,
      explains: ['code_error'],
    },
    {
      // A query engine's own run-time cap: BigQuery's 6-hour job limit, Trino's
      // query.max-execution-time / max-run-time / max-planning-time (EXCEEDED_TIME_LIMIT).
      id: 'engine-query-time-limit',
      category: 'resource_exhaustion',
      description: "a query engine's limit on a query's run time",
      patterns: [
        ci(
          'Operation timed out after \\d+(?:\\.\\d+)? hours|Query exceeded (?:the )?maximum (?:execution |run |planning )?time limit',
        ),
      ],
      weight: 0.8,
      explains: ['dependency_unavailable'],
    },
    {
      // Redshift error 1023; dbt prints the number alone on its own line, so the message decides.
      id: 'redshift-serializable-isolation',
      category: 'infrastructure',
      description:
        'Redshift serializable isolation violation (a concurrent transaction conflict)',
      patterns: ['Serializable isolation violation on table'],
      weight: 0.8,
      explains: ['code_error'],
    },
    // --- code errors
    {
      // Trino / Presto analysis (TYPE_MISMATCH, error 58): types the SQL compares or passes
      // have no implicit coercion. A value that fails a cast ("Cannot cast '' to BIGINT") is data.
      id: 'sql-operator-type-mismatch',
      category: 'code_error',
      description:
        'an operator or function applied to types it does not accept',
      patterns: [
        'Cannot apply operator: |Unexpected parameters \\(.{0,300}?\\) for function ',
      ],
      weight: 0.8,
    },
    {
      id: 'sql-syntax-error',
      category: 'code_error',
      description: 'SQL syntax error',
      patterns: [
        ci(
          'syntax error|Syntax error: |You have an error in your SQL syntax|unexpected [\'"][^\'"]{1,60}[\'"]\\.?$|at or near "|Incorrect syntax near|ORA-0093[36]|SQL command not properly ended|missing (?:right|left) parenthesis',
        ),
      ],
      weight: 0.85,
    },
    {
      id: 'sql-compilation-error',
      category: 'code_error',
      description: 'SQL compilation error (generic)',
      patterns: ['SQL compilation error'],
      weight: 0.45,
    },
    {
      id: 'sql-function-unknown',
      category: 'code_error',
      description: 'unknown function or operator',
      patterns: [
        'function [\\w.]+\\([^)]*\\) does not exist|No matching signature for (?:function|operator)|Function [\\w.]+ not found|Unknown function [\\w.]+|Invalid function [\\w.]+|operator does not exist|FUNCTION_NOT_FOUND',
      ],
      weight: 0.75,
    },
    {
      id: 'sql-group-by',
      category: 'code_error',
      description: 'invalid GROUP BY',
      patterns: [
        "must appear in the GROUP BY clause|not a valid group by expression|which is neither grouped nor aggregated|ORA-00979|is not in GROUP BY|isn't in GROUP BY|not a GROUP BY expression",
        // the same family as other engines word it: Trino EXPRESSION_NOT_AGGREGATE, SQL Server 8120,
        // Hive 10025, Snowflake, ClickHouse NOT_AN_AGGREGATE, MySQL only_full_group_by
        'must be an aggregate expression or appear in GROUP BY clause|EXPRESSION_NOT_AGGREGATE|is invalid in the select list because it is not contained in either an aggregate function or the GROUP BY clause|Expression not in GROUP BY key|is neither an aggregate nor in the group by clause|not under aggregate function and not in GROUP BY|NOT_AN_AGGREGATE|\\[MISSING_AGGREGATION\\]|nonaggregated column .{0,120} not functionally dependent',
      ],
      weight: 0.85,
    },
    {
      id: 'sql-wrong-arguments',
      category: 'code_error',
      description:
        'a function called with the wrong number or types of arguments',
      patterns: [
        // Spark WRONG_NUM_ARGS, Trino "Unexpected parameters", Snowflake, SQL Server 174, dbt macros
        '\\[WRONG_NUM_ARGS|requires \\[?[\\d, ]+\\]? parameters but the actual number is|Unexpected parameters \\(.{0,300}?\\) for function|Invalid number of arguments for function|[Ww]rong number of arguments|function requires \\d+ argument\\(s\\)|takes (?:not more than|exactly|at least|at most) \\d+ argument',
      ],
      weight: 0.8,
    },
    {
      id: 'sql-ambiguous-column',
      category: 'code_error',
      description: 'ambiguous column',
      patterns: [
        ci(
          'column reference "[^"]+" is ambiguous|ambiguous column|Column name [\\w."]+ is ambiguous|ORA-00918|Ambiguous column name',
        ),
      ],
      weight: 0.8,
    },
    {
      id: 'sql-partition-clause',
      category: 'code_error',
      description: 'invalid partitioning / clustering clause',
      patterns: [
        'PARTITION BY expression must be|Partitioning by expressions of type .{0,60} is not allowed|CLUSTER BY expression must be',
      ],
      weight: 0.75,
    },
    {
      id: 'sql-unsupported',
      category: 'code_error',
      description: 'unsupported SQL feature',
      patterns: [
        ci(
          'Unsupported (?:feature|subquery type|expression)|is not supported(?: in| for| by|\\.?$)|not supported for this (?:type|operation)|cannot be used in (?:a|an|the) ',
        ),
      ],
      weight: 0.5,
    },
    {
      id: 'sql-scalar-subquery',
      category: 'code_error',
      description: 'subquery returned more rows than allowed',
      patterns: [
        'Scalar subquery produced more than one element|more than one row returned by a subquery|single-row subquery returns more than one row|ORA-01427',
      ],
      weight: 0.45,
    },
    {
      id: 'sql-scalar-subquery-data',
      category: 'data_quality',
      description: 'duplicate rows broke a scalar subquery',
      patterns: [
        'Scalar subquery produced more than one element|more than one row returned by a subquery|single-row subquery returns more than one row|ORA-01427',
      ],
      weight: 0.45,
    },

    // --- schema drift
    {
      id: 'sql-column-missing',
      category: 'schema_drift',
      description: 'a referenced column does not exist',
      patterns: [
        'invalid identifier \'"?[^\'"]+"?\'|invalid identifier "[^"]+"|Unrecognized name: |column "[^"]+" does not exist|Column [\'"][^\'"]+[\'"] cannot be resolved|Invalid column reference|Unknown column [\'"][^\'"]+[\'"]|ORA-00904|column [\\w."]+ does not exist|Name [\\w.]+ not found inside|No such field: |COLUMN_NOT_FOUND|Invalid column name [\'"][^\'"]+[\'"]',
      ],
      weight: 0.6,
    },
    {
      // A missing column is the input's, not a typo, when the log itself says the input
      // changed (a column renamed or dropped upstream, a stale view over a changed table).
      id: 'sql-column-missing-input-changed',
      category: 'schema_drift',
      description:
        'a referenced column is missing and the log says the input schema changed',
      where: 'any',
      patterns: [
        ci(
          '(?:was|were|has been|have been) (?:renamed|dropped|removed) (?:in|from|upstream|at the source)|renamed (?:or dropped )?(?:in|at) the (?:source|upstream)|(?:source|upstream|input) schema (?:has )?changed|schema (?:change|drift) (?:detected|in (?:source|upstream))|stale view definition',
        ),
      ],
      requires: [
        ci(
          'invalid identifier|Unrecognized name|does not exist|cannot be resolved|Unknown column|ORA-00904|Invalid column name|COLUMN_NOT_FOUND|NO_SUCH_COLUMN|UNRESOLVED_COLUMN|No such column',
        ),
      ],
      weight: 0.5,
    },
    {
      // A loader that generates its own COPY/INSERT from the incoming frame or file: a column
      // it names that the target lacks is a source/target mismatch, not the job's SQL.
      id: 'load-column-missing-in-target',
      category: 'schema_drift',
      description:
        "a loader's generated statement names a column the target table lacks",
      where: 'any',
      patterns: [
        ci(
          'running query \\[COPY INTO|pandas_tools\\.py|write_pandas\\(|load_table_from_(?:dataframe|json)|to_sql\\(',
        ),
      ],
      requires: [
        ci(
          'invalid identifier|Unknown column|has no column named|Invalid column name|column "[^"]+" of relation',
        ),
      ],
      weight: 0.5,
    },
    {
      // A replication or sync tool selects the columns its catalog of the source lists; one
      // that no longer resolves was dropped or renamed at the source, not mistyped by the job.
      id: 'sync-source-column-missing',
      category: 'schema_drift',
      description:
        'a sync of a source table or stream hits a column that no longer exists',
      where: 'any',
      patterns: [
        ci(
          '\\bsync(?:ing)? (?:failed )?for (?:table|stream|source)\\b|\\b(?:table|stream) sync failed\\b|replication (?:of|for) (?:table|stream) .{0,80}failed',
        ),
      ],
      requires: [
        ci(
          'invalid identifier|Unrecognized name|Unknown column|ORA-00904|Invalid column name|COLUMN_NOT_FOUND|column "[^"]+" does not exist',
        ),
      ],
      weight: 0.5,
    },
    {
      id: 'sql-column-missing-code',
      category: 'code_error',
      description: 'a missing column can be a typo in SQL',
      patterns: [
        'invalid identifier \'"?[^\'"]+"?\'|invalid identifier "[^"]+"|Unrecognized name: |column "[^"]+" does not exist|Unknown column [\'"][^\'"]+[\'"]|ORA-00904|Invalid column name',
      ],
      weight: 0.45,
    },
    {
      id: 'sql-target-column-missing',
      category: 'schema_drift',
      description: 'target table lacks a column the load writes',
      patterns: [
        'column "[^"]+" of relation "[^"]+" does not exist|table .{0,80} has no column named|does not have a column named|Column .{0,80} not found in target|no such column in target',
      ],
      weight: 0.8,
    },
    {
      id: 'sql-column-count',
      category: 'schema_drift',
      description: 'file and table column counts differ',
      patterns: [
        ci(
          "Number of columns in file \\(\\d+\\) does not match|column count (?:mismatch|does not match|doesn't match)|INSERT has more (?:expressions|target columns) than|Inserted row has wrong column count|has \\d+ columns but \\d+ values|Extra column\\(s\\) found|expected \\d+ columns?,? (?:but )?(?:got|found|received) \\d+|wrong number of columns|extra data after last expected column|missing data for column|BadCopyFileFormat",
        ),
      ],
      weight: 0.85,
    },
    {
      // A view stored with a column list whose query now yields another count: a base table
      // gained or lost a column after the view was created (Snowflake 002057).
      id: 'sql-view-column-count-stale',
      category: 'schema_drift',
      description: "a view's declared columns no longer match its query",
      // Snowflake prints the reason on the line after 'SQL compilation error:'.
      where: 'any',
      patterns: [
        ci(
          'declared \\d+ column\\(s\\), but view query produces \\d+ column\\(s\\)',
        ),
      ],
      weight: 0.95,
    },
    {
      id: 'sql-type-changed',
      category: 'schema_drift',
      description: 'column type or mode changed',
      patterns: [
        'has changed type from \\w+ to \\w+|Provided Schema does not match Table|Field [\\w.]+ has changed (?:type|mode)|Cannot (?:add|change) (?:field|column)|Invalid schema update|schema update options|HIVE_PARTITION_SCHEMA_MISMATCH|mismatch between the table and partition schemas|in partition schema does not match',
      ],
      weight: 0.9,
    },
    {
      id: 'sql-type-mismatch-insert',
      category: 'schema_drift',
      description: 'inserted expression has a different type than the column',
      patterns: [
        'is of type \\w+ but expression is of type|cannot be implicitly converted|incompatible types?:|Cannot insert a value of type',
      ],
      weight: 0.55,
    },

    // --- data quality
    {
      id: 'dq-framework-check-failed',
      category: 'data_quality',
      description:
        'a data-quality framework check failed (Deequ, Delta Live Tables expectations)',
      patterns: [
        'Constraint\\(.{0,200}\\): Value: [\\d.Ee-]+ does not meet the (?:constraint )?requirement|EXPECTATION_VIOLATION|Expectation .{1,80} (?:was )?violated by \\d+ rows?',
      ],
      weight: 0.9,
    },
    {
      id: 'sql-value-cast',
      category: 'data_quality',
      description:
        'a value in the data cannot be cast to the column or target type',
      patterns: [
        // Trino/Presto VarcharOperators and INVALID_CAST_ARGUMENT, DuckDB ConversionException
        "Cannot cast '[^']*' to \\w+|Value cannot be cast to \\w+|Conversion Error: Could not convert string '[^']*' to \\w+|ConversionException: .{0,40}Could not convert",
      ],
      weight: 0.8,
    },
    {
      id: 'sql-not-null',
      category: 'data_quality',
      description: 'NULL in a NOT NULL column',
      patterns: [
        'violates not-null constraint|NULL result in a non-nullable column|cannot insert NULL into|Column [\'"][^\'"]+[\'"] cannot be null|null value in column|NOT NULL constraint (?:failed|violated)|Required field .{0,80} (?:is missing|cannot be null)|ORA-01400|Cannot insert the value NULL',
      ],
      weight: 0.95,
    },
    {
      id: 'sql-unique',
      category: 'data_quality',
      description: 'duplicate key',
      patterns: [
        'duplicate key value violates unique constraint|Duplicate entry [\'"][^\'"]*[\'"] for key|UNIQUE constraint failed|Violation of (?:PRIMARY KEY|UNIQUE KEY) constraint|ORA-00001|Duplicate row detected during DML action|must match at most one source row for each target row|attempted to UPDATE or DELETE the same row more than once',
      ],
      weight: 0.92,
    },
    {
      id: 'sql-foreign-key',
      category: 'data_quality',
      description: 'referential integrity violated',
      patterns: [
        'violates foreign key constraint|FOREIGN KEY constraint failed|ORA-02291|a foreign key constraint fails',
      ],
      weight: 0.9,
    },
    {
      id: 'sql-check-constraint',
      category: 'data_quality',
      description: 'check constraint violated',
      patterns: [
        'violates check constraint|CHECK constraint .{0,80}(?:failed|violated)|ORA-02290',
      ],
      weight: 0.9,
    },
    {
      id: 'sql-invalid-value',
      category: 'data_quality',
      description: 'a value does not fit its type',
      patterns: [
        ci(
          "invalid input syntax for (?:type )?[\\w ]+|Numeric value ['\"][^'\"]*['\"] is not recognized|(?:Timestamp|Date|Time) ['\"][^'\"]*['\"] is not recognized|Can(?:'t|not|) parse ['\"][^'\"]*['\"] as|Could not parse ['\"][^'\"]*['\"] as|Invalid (?:date|timestamp|datetime|numeric|number|integer|boolean|decimal) (?:value|format|string|literal)|Invalid digit, Value|Bad (?:int64|double|numeric|date|timestamp|bool) value|(?:CSV|JSON) table encountered too many errors|String ['\"][^'\"]*['\"] is too long|value too long for type|numeric field overflow|out of range for type|Numeric value out of range|ORA-01722|ORA-01843|ORA-01861|ORA-12899|Conversion failed when converting|Failed to parse input string|Unparseable (?:date|number)|Error converting data type|invalid byte sequence for encoding",
        ),
      ],
      weight: 0.85,
    },
    {
      id: 'sql-load-errors',
      category: 'data_quality',
      description: 'bulk load rejected rows',
      patterns: [
        "Check 'stl_load_errors' system table|Load into table ['\"][^'\"]+['\"] failed|Delimiter not found|Missing newline: Unexpected character|rows? rejected|Found \\d+ errors? while (?:loading|parsing)|Error parsing (?:the )?(?:JSON|CSV|record)|HIVE_BAD_DATA|HIVE_CURSOR_ERROR",
      ],
      weight: 0.8,
    },
    {
      id: 'sql-division-by-zero',
      category: 'data_quality',
      description: 'division by zero',
      patterns: [ci('division by zero|divide by zero|ORA-01476')],
      weight: 0.5,
      unless: ['ZeroDivisionError'],
    },
    {
      id: 'sql-division-by-zero-code',
      category: 'code_error',
      description: 'unguarded division in SQL',
      patterns: [ci('division by zero|divide by zero')],
      weight: 0.4,
      unless: ['ZeroDivisionError'],
    },
    {
      id: 'storage-corrupt-file',
      category: 'data_quality',
      description: 'corrupt or unreadable data file',
      patterns: [
        'Malformed ORC file|is not a Parquet file|Can not read value at \\d+ in block|Corrupt(?:ed)? (?:file|record|data|block)|invalid stored block lengths|Unexpected end of (?:file|input stream)|not a valid (?:Parquet|ORC|Avro) file',
      ],
      weight: 0.65,
    },

    // --- permission
    {
      id: 'sql-insufficient-privileges',
      category: 'permission',
      description: 'missing database grant',
      patterns: [
        'Insufficient privileges to operate on|insufficient privilege|permission denied for (?:table|relation|schema|database|sequence|function|view|materialized view)|must be owner of|Access Denied: (?:Table|Dataset|Project|BigQuery|View)|Permission [\\w.]+ denied|User does not have .{0,80}(?:privilege|permission)|does not have [\\w.]+ permission|ORA-01031|command denied to user|SELECT command denied|not authorized to access|The user does not have permission',
      ],
      weight: 0.92,
    },
    {
      id: 'sql-auth-failed',
      category: 'permission',
      description: 'database login rejected',
      patterns: [
        'password authentication failed|Login failed for user|Incorrect username or password|Failed to authenticate|JWT token is invalid|ORA-01017|ORA-28000|ORA-28001|Access denied for user|authentication failed for user|IAM authentication failed|no pg_hba\\.conf entry',
      ],
      weight: 0.88,
    },
    {
      id: 'sql-object-not-authorized',
      category: 'permission',
      description: 'object missing or not granted to this role',
      patterns: ['does not exist or not authorized'],
      weight: 0.5,
    },
    {
      id: 'sql-object-not-authorized-config',
      category: 'config_error',
      description: 'object missing or named wrongly',
      patterns: ['does not exist or not authorized'],
      weight: 0.45,
    },

    // --- configuration
    {
      id: 'sql-relation-missing',
      category: 'config_error',
      description: 'table or view does not exist',
      patterns: [
        'relation "[^"]+" does not exist|Table [\'"][^\'"]+[\'"] doesn\'t exist|Not found: (?:Table|Dataset|View)|Table [\\w.`:-]+ was not found|TABLE_NOT_FOUND|ORA-00942|Invalid object name|Object [\'"][^\'"]+[\'"] does not exist(?! or not authorized)|Table [\\w.\'"`]+ does not exist',
      ],
      weight: 0.5,
      unless: ['does not exist or not authorized'],
    },
    {
      id: 'sql-relation-missing-late',
      category: 'source_delay',
      description: 'a missing table may not be created yet',
      patterns: [
        'relation "[^"]+" does not exist|Not found: Table|Table [\\w.`:-]+ was not found|TABLE_NOT_FOUND|Table [\'"][^\'"]+[\'"] doesn\'t exist',
      ],
      weight: 0.3,
    },
    {
      id: 'sql-database-missing',
      category: 'config_error',
      description: 'database, schema, warehouse or role missing',
      patterns: [
        'database "[^"]+" does not exist|Unknown database|Database [\'"][^\'"]+[\'"] does not exist|schema "[^"]+" does not exist|Schema [\'"][^\'"]+[\'"] does not exist|No active warehouse selected|Warehouse [\'"][^\'"]+[\'"] does not exist|This session does not have a current (?:database|schema|warehouse)|role "[^"]+" does not exist|Cannot perform [A-Z ]+\\. This session does not have',
      ],
      weight: 0.85,
      unless: ['does not exist or not authorized'],
    },

    // --- resource exhaustion
    {
      id: 'sql-resources-exceeded',
      category: 'resource_exhaustion',
      description: 'query exceeded warehouse resources',
      patterns: [
        ci(
          'Resources exceeded during query execution|Not enough resources for query planning|query is too complex|Response too large to return|Query exhausted resources at this scale factor|exceeded resource limits|Query exceeded resource|too many subqueries',
        ),
      ],
      weight: 0.88,
    },
    {
      id: 'sql-memory',
      category: 'resource_exhaustion',
      description: 'warehouse ran out of memory',
      patterns: [
        ci(
          'Compilation memory exhausted|Memory limit exceeded|Query exceeded (?:local|distributed|per-node|maximum) (?:user |total )?memory limit|EXCEEDED_(?:LOCAL|GLOBAL)_MEMORY_LIMIT|could not resize shared memory segment|ran out of memory|ORA-0403[01]|out of shared memory|\\bout of memory\\b',
        ),
      ],
      weight: 0.9,
    },
    {
      id: 'sql-disk-full',
      category: 'resource_exhaustion',
      description: 'warehouse disk or temp space full',
      patterns: [
        ci(
          'Disk Full|could not extend file|temp_file_limit|ORA-0165[234]|tablespace .{0,60} is full|The transaction log for database .{0,60} is full|could not write to (?:file|temporary file)',
        ),
      ],
      weight: 0.9,
    },
    {
      id: 'snowflake-resource-monitor',
      category: 'resource_exhaustion',
      description:
        'a resource monitor suspended the warehouse (credit quota used up)',
      patterns: [
        ci(
          'resource monitor .{0,80}(?:exceeded|reached) its (?:credit )?quota|cannot be resumed because resource monitor',
        ),
      ],
      weight: 0.9,
    },
    {
      id: 'sql-quota',
      category: 'resource_exhaustion',
      description: 'quota or concurrency limit exceeded',
      patterns: [
        ci(
          'Quota exceeded|quotaExceeded|exceeded quota|Exceeded (?:concurrent|maximum) (?:query|slot|queries)|too many (?:concurrent )?queries|concurrent (?:query|queries) (?:limit|quota)|Your project exceeded quota',
        ),
      ],
      weight: 0.8,
      unless: [ci('rate limit|rateLimitExceeded')],
    },
    {
      id: 'sql-statement-timeout',
      category: 'resource_exhaustion',
      description: 'statement ran past its timeout',
      patterns: [
        ci(
          'Statement reached its statement or warehouse timeout|canceling statement due to statement timeout|Query exceeded the maximum execution time|Query exceeded maximum time limit|EXCEEDED_TIME_LIMIT|cancelled by WLM|WLM abort',
        ),
      ],
      weight: 0.55,
    },

    // --- dependency unavailable (transient service errors)
    {
      id: 'sql-connection-failed',
      category: 'dependency_unavailable',
      description: 'database unreachable',
      patterns: [
        ci(
          'could not connect to server|Is the server running|server closed the connection unexpectedly|connection to server at .{0,120} failed|Communications link failure|Could not open (?:a )?connection|Unable to (?:open|acquire|obtain) (?:a )?(?:JDBC )?connection|ORA-1254[1]|ORA-12170|ORA-0311[34]|TNS:|the database system is (?:starting up|shutting down|in recovery mode)|terminating connection due to administrator command|SSL SYSCALL error|Lost connection to MySQL server|MySQL server has gone away|Connection is not available, request timed out|connection (?:was )?(?:closed|reset|terminated) (?:by|unexpectedly)',
        ),
      ],
      weight: 0.8,
      unless: [
        ci(
          'password authentication failed|authentication failed|no pg_hba\\.conf entry|Login failed',
        ),
        'FetchFailedException|MetadataFetchFailedException|ShuffleBlockFetcher|OneForOneBlockFetcher',
      ],
    },
    {
      id: 'warehouse-client-no-response',
      category: 'dependency_unavailable',
      description: 'warehouse endpoint did not answer',
      patterns: [
        'Failed to get the response\\. Hanging\\?|Could not connect to Snowflake backend|250001: |250003: |Failed to execute request: HTTPSConnectionPool',
      ],
      weight: 0.8,
    },
    {
      id: 'sql-too-many-connections',
      category: 'dependency_unavailable',
      description: 'database refuses more connections',
      patterns: [
        ci(
          'too many clients already|remaining connection slots are reserved|Too many connections|connection limit exceeded|max_connections',
        ),
      ],
      weight: 0.65,
    },
    // 'internalError' is BigQuery's reason, matched with its case: psycopg2's InternalError (SQLSTATE XX) is not transient.
    {
      id: 'sql-service-transient',
      category: 'dependency_unavailable',
      description: 'warehouse service error that asks for a retry',
      patterns: [
        '\\binternalError\\b',
        ci(
          'backendError|Retrying (?:the job )?may solve the problem|Please retry|try again later|Please try again|temporarily unavailable|Service Unavailable|Visibility check was unavailable|service is currently unavailable|ServiceUnavailable|Backend Error|Internal error encountered|An internal error occurred|encountered an internal error during execution|The service is currently unavailable',
        ),
      ],
      weight: 0.85,
    },
    {
      id: 'sql-rate-limit',
      category: 'dependency_unavailable',
      description: 'warehouse API rate limit',
      patterns: [
        ci(
          'Exceeded rate limits|rateLimitExceeded|too many (?:table update|api|dml) (?:operations|requests|statements)',
        ),
      ],
      weight: 0.8,
    },
    {
      id: 'sql-lock-conflict',
      category: 'dependency_unavailable',
      description:
        'lock or serialization conflict with a concurrent transaction',
      patterns: [
        ci(
          'this lock has not yet been released|number of waiters for this lock exceeds|deadlock detected|Deadlock found|could not serialize access|serialization failure|Lock wait timeout exceeded|could not obtain lock|ORA-00060|was deadlocked on lock|aborted because of concurrent|SQL execution canceled because of lock|Transaction .{0,60} was aborted|concurrent update|Could not serialize transaction',
        ),
      ],
      weight: 0.65,
    },
    // An internal warehouse error can be a transient fault or an engine bug this query triggers.
    {
      id: 'warehouse-internal-error',
      category: 'infrastructure',
      description: 'internal error inside the warehouse',
      patterns: [
        'SQL execution internal error|Processing aborted due to error \\d+:\\d+; incident \\d+|incident \\d+\\.?$',
      ],
      weight: 0.45,
    },
    {
      id: 'warehouse-internal-error-bug',
      category: 'code_error',
      description:
        'internal errors are often engine bugs triggered by the query',
      patterns: [
        'SQL execution internal error|Processing aborted due to error \\d+:\\d+; incident',
      ],
      weight: 0.4,
    },
    {
      id: 'sql-session-gone',
      category: 'dependency_unavailable',
      description: 'session dropped by the server',
      patterns: [
        ci('Session no longer exists|session (?:was )?(?:terminated|killed)'),
      ],
      weight: 0.5,
    },

    // --- infrastructure
    {
      id: 'trino-worker-failure',
      category: 'infrastructure',
      description: 'query engine worker failed',
      patterns: [
        'Encountered too many errors talking to a worker node|No nodes available to run query|Server is shutting down|REMOTE_TASK_ERROR|NO_NODES_AVAILABLE|PAGE_TRANSPORT_TIMEOUT|PageTransportTimeoutException|TOO_MANY_REQUESTS_FAILED|REMOTE_HOST_GONE|RemoteTaskException',
      ],
      weight: 0.85,
      explains: ['dependency_unavailable'],
    },
    // The metastore is the dependency: its socket and connection timeouts are symptoms.
    {
      id: 'hive-metastore-failure',
      category: 'infrastructure',
      description: 'metastore unavailable',
      patterns: [
        ci(
          'Timeout when executing method: \\w+|MetaStoreClient lost connection|Could not connect to meta ?store|Failed to connect to the MetaStore Server|Unable to instantiate [\\w.]*HiveMetaStoreClient|metastore.{0,60}(?:timed out|unavailable|connection refused)|TTransportException',
        ),
      ],
      weight: 0.75,
      explains: ['dependency_unavailable'],
    },
    {
      id: 'hive-meta-exception',
      category: 'infrastructure',
      description: 'metastore error (unspecific)',
      patterns: ['MetaException'],
      weight: 0.35,
    },
    {
      id: 'metastore-partition-limit',
      category: 'small_file_pressure',
      description: 'too many partitions for the metastore',
      patterns: [
        ci(
          'Number of partitions scanned .{0,40}exceeds limit|metastore\\.limit\\.partition\\.request|exceeds? (?:the )?(?:maximum|limit) (?:number )?of partitions|partition (?:request|count) .{0,40}exceeds',
        ),
      ],
      weight: 0.8,
      explains: ['infrastructure'],
    },
    // A figure of tens of thousands of partitions in one table or metastore request: the
    // metastore call that then times out is slow because of the count, not down
    // (trinodb/trino#19350 listing 1.8M partition names; circus-train#166 altering 40,000 at once).
    {
      id: 'metastore-partition-count-figure',
      category: 'small_file_pressure',
      description:
        'tens of thousands of partitions in one table or metastore request',
      patterns: [
        ci('\\b(?:[1-9]\\d{4,}|[1-9]\\d{0,2}(?:,\\d{3}){1,3}) partitions\\b'),
      ],
      where: 'any',
      requires: [
        ci(
          'metastore|partition ?names|(?:get|alter|add|drop)_?partitions|MSCK|\\bHive\\b|Glue Data Catalog|GetPartitions|:9083\\b|TTransportException',
        ),
      ],
      // Shuffle partition counts are a Spark setting, not metastore partitions.
      unless: [ci('shuffle[. ]partitions')],
      weight: 0.5,
      explains: ['infrastructure', 'dependency_unavailable'],
    },
    // The metastore call times out in a run that reports tens of thousands of partitions: the
    // count is the cause (the figure is an INFO line, the timeout the error that decides).
    {
      id: 'metastore-timeout-on-partition-count',
      category: 'small_file_pressure',
      description:
        'a metastore call timed out over tens of thousands of partitions',
      patterns: [
        ci(
          'Read timed out|SocketTimeoutException|TTransportException|Timeout when executing method|timed out',
        ),
      ],
      requires: [
        ci('\\b(?:[1-9]\\d{4,}|[1-9]\\d{0,2}(?:,\\d{3}){1,3}) partitions\\b'),
      ],
      unless: [ci('shuffle[. ]partitions')],
      weight: 0.9,
      explains: ['infrastructure', 'dependency_unavailable'],
    },
    // Hive refuses a column type change the table's existing columns cannot take (a sync or
    // ALTER after the writer's schema changed): the metastore exception is the messenger.
    {
      id: 'hive-column-types-incompatible',
      category: 'schema_drift',
      description:
        "a column's new type is incompatible with the Hive table's column",
      patterns: [
        ci(
          'columns have types incompatible with the existing columns|incompatible (?:column )?types? (?:with|for) (?:the )?existing columns?',
        ),
      ],
      where: 'chain',
      weight: 0.9,
      explains: ['infrastructure', 'config_error'],
    },
    {
      id: 'athena-open-partitions',
      category: 'small_file_pressure',
      description: 'too many partitions written at once',
      patterns: [
        'HIVE_TOO_MANY_OPEN_PARTITIONS|exceeded the limit of \\d+ open writers for partitions',
      ],
      weight: 0.6,
    },
    {
      id: 'sql-role-no-privileges',
      category: 'permission',
      description: 'the current role has no privileges on the object',
      patterns: [
        ci(
          '(?:current )?role has no privileges on|has no privileges on (?:it|the (?:object|schema|database|table))|not have (?:the )?(?:required )?privileges? (?:on|to)',
        ),
      ],
      weight: 0.85,
    },
    // The warehouse cannot follow a column type change the source made (dbt on_schema_change, ALTER ... TYPE).
    {
      id: 'sql-cannot-change-column-type',
      category: 'schema_drift',
      description:
        'a column type changed upstream and the target cannot follow',
      patterns: [
        ci(
          'cannot change column \\S+ from type|cannot alter (?:column|type of column) \\S+|changing the (?:scale|precision|type) of a \\w+ (?:column )?is not supported|column type change (?:is )?not supported',
        ),
      ],
      weight: 0.8,
    },
    {
      id: 'dbt-schema-change-detected',
      category: 'schema_drift',
      description: 'dbt detected a schema change of the incremental source',
      patterns: [
        'Schema changed: True|New column types: \\[\\{|Source columns not in target: \\[[^\\]]',
      ],
      where: 'any',
      weight: 0.5,
    },
    {
      id: 'sql-option-conflict',
      category: 'config_error',
      description:
        'statement options or object properties contradict each other',
      patterns: [
        ci(
          '\\bproperty is not allowed (?:on|with|within|for)\\b|\\bis not allowed (?:on|with|within|for) (?:stages?|COPY|tables?|external)|Invalid value \\[.{0,80}\\] for (?:parameter|property|option)|(?:option|parameter|property) .{0,60} (?:conflicts with|cannot be used (?:with|together))',
        ),
      ],
      weight: 0.75,
    },
    // Issue 17, partial-write corpus: errors that stop a write part-way, in the vendor's wording.
    // MySQL ER_DATA_TOO_LONG (1406), as Connector/J reports it inside a batch.
    {
      id: 'mysql-data-too-long-for-column',
      category: 'data_quality',
      description: 'a value is longer than its target column (MySQL 1406)',
      patterns: ["Data truncation: Data too long for column '[^']+'"],
      where: 'chain',
      weight: 0.85,
    },
    // BigQuery insertAll row errors as the Kafka Connect BigQuery sink prints them: a value the
    // column type cannot hold (reason "invalid").
    {
      id: 'bigquery-insert-row-invalid-value',
      category: 'data_quality',
      description: 'BigQuery rejected a row value for its column type',
      patterns: [
        'Cannot convert value to (?:floating point|integer|boolean|timestamp|date|numeric)\\b.{0,40}\\(bad value\\)',
      ],
      where: 'any',
      weight: 0.95,
      explains: ['dependency_unavailable'],
    },
    // Impala's analyzer on analytic or aggregate expressions in a clause that cannot hold them.
    {
      id: 'impala-analysis-clause-misuse',
      category: 'code_error',
      description: 'the SQL uses an expression where Impala does not allow it',
      patterns: [
        'AnalysisException: (?:WHERE|GROUP BY|HAVING|ON) clause (?:must not|cannot) contain (?:analytic|aggregate) expressions',
      ],
      where: 'any',
      weight: 0.9,
    },
    // ORA-00955: the statement creates an object whose name is taken.
    {
      id: 'oracle-name-already-used',
      category: 'code_error',
      description:
        'the SQL creates an object whose name is already used (ORA-00955)',
      patterns: ['ORA-00955: name is already used by an existing object'],
      where: 'any',
      weight: 0.75,
    },
    // A migration tool applying a versioned change script (schemachange, Flyway, Liquibase): a
    // compilation error is in the script the team wrote.
    {
      id: 'migration-script-compilation-error',
      category: 'code_error',
      description: 'a change script of a migration does not compile',
      patterns: [
        'SQL compilation error|invalid identifier|syntax error|Syntax error',
      ],
      where: 'chain',
      requires: [
        'Applying change script|Migrating schema \\S+ to version|Running Changeset|Applying migration',
      ],
      weight: 0.8,
      explains: ['schema_drift'],
    },
    // BigQuery's analyzer naming a column the query cannot resolve, reported by a SQL runner's
    // step ("Unrecognized name: x at [41:7]"): the step's SQL, unless the log shows the source
    // changed (schema drift rules weigh that).
    {
      id: 'bigquery-unrecognized-name-in-sql-step',
      category: 'code_error',
      description: 'a SQL step names a column BigQuery cannot resolve',
      patterns: [
        '\\bFAILURE \\S+ \\([^)]+\\.sql\\), ERROR: .{0,80}Unrecognized name: \\w+',
      ],
      where: 'any',
      weight: 0.75,
      explains: ['schema_drift'],
    },
    // Trino/Presto user errors about the statement's own shape (StandardErrorCode, type
    // USER_ERROR): the analyzer or parser overflowed on a deeply nested statement, or the text is
    // over query.max-length. The SQL must change (or the coordinator limit be raised); an
    // unchanged rerun fails the same way. (Too many stages is in the vendor table as a limit.)
    {
      id: 'trino-statement-shape-user-error',
      category: 'code_error',
      description:
        'the statement is too large or too deeply nested for the engine',
      patterns: [
        'statement is too large \\(stack overflow (?:during analysis|while parsing)\\)|QUERY_TEXT_TOO_LARGE|Query text length \\(\\d+\\) exceeds the maximum length',
      ],
      weight: 0.85,
      explains: ['resource_exhaustion', 'config_error'],
    },
  ],
};
