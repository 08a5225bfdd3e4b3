import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/** How Airflow, Python, Dagster, Prefect and Airbyte report failures. */
export const pythonAirflowPack: RulePack = {
  name: 'python-airflow',
  origin: 'built-in',
  rules: [
    // --- source delay
    {
      id: 'airflow-sensor-timeout',
      category: 'source_delay',
      description: 'sensor timed out waiting for upstream data',
      patterns: [
        'AirflowSensorTimeout|Sensor has timed out|Snap\\. Time is OUT|[Ss]ensor .{0,80}timed out',
      ],
      weight: 0.95,
    },
    {
      id: 'airflow-poking',
      category: 'source_delay',
      description: 'sensor was poking for input',
      patterns: ['Poking for|poke_interval|Poking: '],
      weight: 0.3,
      where: 'any',
    },
    {
      id: 'airflow-upstream-failed',
      category: 'source_delay',
      description: 'upstream task or DAG failed or did not finish',
      patterns: [
        'upstream_failed|External task .{0,120}(?:failed|did not)|The external (?:DAG|task) .{0,120}(?:failed|has failed)|ExternalTaskSensor.{0,120}(?:failed|timed out)|Dependencies not met for .{0,200}upstream',
      ],
      weight: 0.6,
    },

    // --- configuration
    {
      id: 'airflow-conn-not-defined',
      category: 'config_error',
      description: 'Airflow connection not defined',
      patterns: [
        "conn_id [`'\"]?[\\w.-]+[`'\"]? isn't defined|The conn_id .{0,80} isn't defined",
      ],
      weight: 0.95,
    },
    {
      id: 'airflow-variable-missing',
      category: 'config_error',
      description: 'Airflow variable not defined',
      patterns: ["Variable [\\w.-]+ does not exist|KeyError: 'Variable "],
      weight: 0.95,
    },
    // Kombu resolves the Celery transport from the broker URL's scheme; an empty or unknown
    // name means the executor's broker_url setting is missing or wrong.
    {
      id: 'celery-broker-transport-unset',
      category: 'config_error',
      description: 'Celery broker URL missing or naming an unknown transport',
      patterns: ["No such transport: |KeyError: 'No such transport"],
      weight: 0.9,
      where: 'chain',
      explains: ['code_error'],
    },
    {
      id: 'airflow-not-found',
      category: 'config_error',
      description: 'Airflow object not found',
      patterns: ['AirflowNotFoundException'],
      weight: 0.6,
    },
    {
      id: 'airflow-dag-not-found',
      category: 'config_error',
      description: 'DAG not found',
      patterns: [
        'DagNotFound|Dag id [\\w.-]+ not found|DAG [\\w.-]+ could not be found',
      ],
      weight: 0.7,
    },
    {
      id: 'python-module-missing',
      category: 'config_error',
      description: 'Python package missing from the environment',
      patterns: [
        'ModuleNotFoundError: No module named|ImportError: No module named|No module named [\'"]',
      ],
      weight: 0.55,
    },
    // A missing third-party package (a provider, driver or client library) is an environment
    // problem, not the job's own import. Deliberately a list of outside packages.
    {
      id: 'python-third-party-package-missing',
      category: 'config_error',
      description:
        'a provider, driver or client package is not installed in the environment',
      patterns: [
        "No module named '(?:airflow\\.providers\\.|apache_airflow_providers|psycopg2|psycopg\\b|pymysql|MySQLdb|mysql\\.connector|cx_Oracle|oracledb|pyodbc|pymssql|snowflake|google\\.cloud|googleapiclient|boto3|botocore|s3fs|gcsfs|adlfs|azure\\.|pyspark|pyarrow|fastparquet|dbt\\.adapters|databricks|great_expectations|confluent_kafka|kafka\\b|clickhouse|redshift_connector|trino|pyhive|sqlalchemy|pandas_gbq|deltalake|pyiceberg)",
        ci(
          '(?:Could not|Unable to) import provider|provider package .{0,80}(?:is )?not installed|Install (?:the )?(?:apache-airflow-providers-|extra)[\\w\\[\\]-]+',
        ),
      ],
      where: 'chain',
      weight: 0.93,
      explains: ['code_error'],
    },
    {
      id: 'python-module-missing-code',
      category: 'code_error',
      description: 'import error can be a wrong import in code',
      patterns: [
        'ModuleNotFoundError: No module named|ImportError: cannot import name',
      ],
      weight: 0.45,
    },
    {
      id: 'python-import-name',
      category: 'config_error',
      description: 'installed package version lacks a name',
      patterns: ['ImportError: cannot import name'],
      weight: 0.55,
    },
    {
      id: 'python-version-conflict',
      category: 'config_error',
      description: 'incompatible package versions',
      patterns: [
        "VersionConflict|DistributionNotFound|ContextualVersionConflict|pip's dependency resolver|requires [\\w.-]+[<>=!~]+[\\w.]+, but you have|ResolutionImpossible|because these package versions have conflicting dependencies|requires a different Python|Requires-Python|requires Python [<>=!~]|No matching distribution found for [\\w.-]+.{0,40}Requires-Python|incompatible with (?:this|the current) (?:Python|Spark|Scala) version",
      ],
      weight: 0.8,
    },
    {
      id: 'python-module-no-attribute',
      category: 'config_error',
      description: 'module lacks an attribute (version mismatch)',
      patterns: ["module '[\\w.]+' has no attribute"],
      weight: 0.45,
    },
    {
      id: 'python-env-var-missing',
      category: 'config_error',
      description: 'required environment variable not set',
      patterns: [
        ci(
          'environment variable [\\w\'"`$]+ (?:is )?not (?:set|defined|found)|missing (?:required )?environment variable|must be set in the environment|env(?:ironment)? var(?:iable)? .{0,60}(?:not set|not provided|required but)',
        ),
        "KeyError: '[A-Z][A-Z0-9_]{2,}'",
      ],
      weight: 0.8,
    },
    {
      id: 'cli-invalid-option',
      category: 'config_error',
      description: 'invalid command-line option or argument',
      patterns: [
        'Invalid value for [\'"]?--?[\\w-]+|Error: No such option: --?[\\w-]+|Error: Missing (?:option|argument) [\'"]?-?-?[\\w-]+|unrecognized (?:option|argument)s?:? [\'"]?--',
      ],
      weight: 0.85,
    },
    {
      id: 'unsupported-option',
      category: 'config_error',
      description: 'unsupported format or option requested',
      patterns: [
        ci(
          'Unsupported (?:format|file format|compression(?: codec)?|codec|option|connection type)[:=]? [\'"]?[\\w.-]+|Supported (?:formats|values|options|types) are',
        ),
      ],
      weight: 0.75,
    },
    {
      id: 'python-argparse',
      category: 'config_error',
      description: 'invalid command-line arguments',
      patterns: [
        'error: the following arguments are required|error: unrecognized arguments|error: argument [-\\w]+: invalid',
      ],
      weight: 0.85,
    },
    {
      id: 'connector-config-validation',
      category: 'config_error',
      description: 'connector or job configuration failed validation',
      patterns: [
        ci(
          'config(?:uration)? validation (?:error|failed)|invalid (?:connector |source |destination )?config(?:uration)?\\b',
        ),
      ],
      weight: 0.8,
    },
    {
      id: 'airbyte-failure-type-config',
      category: 'config_error',
      description: 'the connector tagged the failure as a configuration error',
      patterns: ['"failureType" ?: ?"config_error"'],
      weight: 0.4,
      where: 'any',
    },
    {
      id: 'library-install-failed',
      category: 'config_error',
      description: 'a library could not be installed in the environment',
      patterns: [
        ci(
          'Library installation failed|Failed to install (?:library|package)|No matching distribution found for|Could not find a version that satisfies the requirement|pip install .{0,80} failed',
        ),
      ],
      weight: 0.8,
    },
    {
      id: 'python-invalid-config',
      category: 'config_error',
      description: 'invalid or missing configuration',
      patterns: [
        ci(
          '(?:missing|invalid|unknown) (?:required )?(?:config(?:uration)?|setting|parameter|option|property)(?: key| value)?\\b',
        ),
      ],
      weight: 0.5,
    },

    // --- code errors
    {
      id: 'airflow-broken-dag',
      category: 'code_error',
      description: 'DAG file does not import',
      patterns: [
        'Broken DAG|DagImportError|Failed to import: |ImportError while loading the DAG',
      ],
      weight: 0.8,
    },
    {
      id: 'python-call-signature',
      category: 'code_error',
      description: 'function called with wrong arguments',
      patterns: [
        'Invalid arguments were passed to|got an unexpected keyword argument|missing \\d+ required (?:positional|keyword-only) arguments?|takes \\d+ positional arguments? but \\d+ (?:were|was) given',
      ],
      weight: 0.85,
    },
    {
      id: 'python-name-error',
      category: 'code_error',
      description: 'undefined name in code',
      patterns: ['\\bNameError: |\\bUnboundLocalError: '],
      weight: 0.85,
    },
    {
      id: 'python-type-error',
      category: 'code_error',
      description: 'type error in code',
      patterns: ['\\bTypeError: '],
      weight: 0.7,
    },
    {
      id: 'python-attribute-error',
      category: 'code_error',
      description: 'attribute error in code',
      patterns: ['\\bAttributeError: '],
      weight: 0.65,
    },
    {
      id: 'python-key-error',
      category: 'code_error',
      description: 'missing key in code',
      patterns: ['\\bKeyError: '],
      weight: 0.45,
    },
    {
      id: 'python-index-error',
      category: 'code_error',
      description: 'index error in code',
      patterns: ['\\bIndexError: '],
      weight: 0.6,
    },
    {
      id: 'python-value-error',
      category: 'code_error',
      description: 'value error (raised for bad data as often as for bugs)',
      patterns: ['\\bValueError: '],
      weight: 0.3,
    },
    {
      id: 'python-syntax-error',
      category: 'code_error',
      description: 'Python syntax error',
      patterns: ['\\bSyntaxError: |\\bIndentationError: |\\bTabError: '],
      weight: 0.9,
    },
    {
      id: 'python-recursion',
      category: 'code_error',
      description: 'infinite recursion',
      patterns: ['RecursionError|maximum recursion depth exceeded'],
      weight: 0.8,
    },
    {
      id: 'python-not-implemented',
      category: 'code_error',
      description: 'not implemented',
      patterns: ['NotImplementedError'],
      weight: 0.75,
    },
    {
      id: 'python-assertion',
      category: 'code_error',
      description: 'assertion failed',
      patterns: ['\\bAssertionError\\b'],
      weight: 0.4,
    },
    {
      id: 'python-zero-division',
      category: 'code_error',
      description: 'unguarded division in code',
      patterns: ['ZeroDivisionError'],
      weight: 0.6,
    },
    {
      id: 'javascript-error',
      category: 'code_error',
      description: 'JavaScript error in a stored procedure or UDF',
      patterns: [
        'JavaScript execution error|Uncaught (?:ReferenceError|TypeError|SyntaxError|RangeError)|ReferenceError: [\\w$]+ is not defined',
      ],
      weight: 0.85,
    },
    {
      id: 'pandas-length-mismatch',
      category: 'code_error',
      description: 'frame shape mismatch',
      patterns: [
        'Length mismatch: Expected axis has \\d+ elements|Length of values \\(\\d+\\) does not match length of index',
      ],
      weight: 0.5,
    },

    // --- data quality
    {
      id: 'python-value-parse',
      category: 'data_quality',
      description: 'a value does not parse',
      patterns: [
        'could not convert string to (?:float|int)|invalid literal for int\\(\\) with base|time data [\'"][^\'"]*[\'"] does not match format|Unknown string format|day is out of range for month|month must be in 1\\.\\.12|Out of bounds nanosecond timestamp|Unable to parse string|Invalid isoformat string',
      ],
      weight: 0.75,
    },
    {
      id: 'dataframe-value-parse',
      category: 'data_quality',
      description:
        'a dataframe reader cannot parse a value or a line of the input',
      patterns: [
        // pandas C parser, pyarrow conversion, polars CSV reader and casts, decimal and java.time
        "Error tokenizing data\\. C error: Expected \\d+ fields|Could not convert .{1,80} with type \\w+: tried to convert to|could not parse `[^`]*` as dtype|[Cc]ould not parse .{1,60} as dtype|conversion from `\\w+` to `\\w+` failed in column|decimal\\.ConversionSyntax|DateTimeParseException: Text '[^']*' could not be parsed",
      ],
      weight: 0.8,
    },
    {
      id: 'user-code-data-check',
      category: 'data_quality',
      description:
        'a data check in the job code (assert/raise) or a dataframe validation library reports bad rows',
      patterns: [
        // the exception names a count of rows, nulls, duplicates or a row count: data wording, not code wording;
        // an empty extract (0 rows) is late or missing input, left to the source-delay rules
        '(?:AssertionError|ValueError|\\w*(?:Validation|Quality|Check)\\w*(?:Error|Exception|Failure)):(?!.*\\b(?:[Ee]mpty|no rows|0 rows)\\b).{0,200}?(?:\\b(?:[1-9]\\d*|\\d+\\.\\d+) (?:of the )?(?:rows?|records?)\\b|\\bfailed for \\d+ rows|\\brow[ _]?counts?\\b|contains? only NULL values|\\bnull (?:\\w+ )?(?:values|ids?|keys?)\\b|\\bduplicate (?:rows?|keys?|records?|\\w+_ids?)\\b|\\b[Ff]ound \\d+ (?:null|duplicate))',
        '\\d+ rules? failed validation|[Rr]ow count mismatch',
      ],
      weight: 0.75,
    },
    {
      id: 'python-unicode',
      category: 'data_quality',
      description: 'text in an unexpected encoding',
      patterns: ["UnicodeDecodeError|UnicodeEncodeError|codec can't decode"],
      weight: 0.7,
    },
    {
      id: 'python-json-decode',
      category: 'data_quality',
      description: 'input is not valid JSON',
      patterns: [
        'JSONDecodeError|Expecting value: line \\d+ column \\d+|Unterminated string starting at|Invalid control character at',
      ],
      weight: 0.45,
      // A tool's own machine output that is not JSON (a Singer tap's discovery catalog that
      // came back empty) is not input data: the tool failed, its cause is elsewhere.
      unless: ['Catalog discovery failed'],
    },
    {
      id: 'pandas-missing-columns',
      category: 'schema_drift',
      description: 'expected columns missing from the input',
      patterns: [
        'not in index|None of \\[Index\\(.{0,200}\\)\\] are in the \\[columns\\]|[Cc]olumns? .{0,80}(?:are|is) missing|missing columns?:',
      ],
      weight: 0.6,
    },

    // --- data checks run by the orchestrator
    {
      id: 'airflow-sql-check-failed',
      category: 'data_quality',
      description: 'SQL data check returned false',
      patterns: [
        'AirflowException: Test failed\\.|The following tests have failed|Threshold Check: .{0,80}(?:failed|not within)|Tolerance:.{0,80}|SQL check(?:s)? failed|Check .{0,60} failed\\. Query',
      ],
      weight: 0.8,
    },
    {
      id: 'airflow-sql-check-operator',
      category: 'data_quality',
      description: 'a SQL check operator ran',
      patterns: [
        'Executing SQL check|SQL(?:Column|Table|Value|Threshold|Interval)?CheckOperator',
      ],
      weight: 0.45,
      where: 'any',
    },
    {
      id: 'pandera-validation',
      category: 'data_quality',
      description: 'dataframe validation failed',
      patterns: [
        'pandera\\.errors\\.SchemaErrors?|failed element-wise validator|failed series or dataframe validator|failure cases: ',
      ],
      weight: 0.85,
    },
    {
      id: 'pandera-missing-column',
      category: 'schema_drift',
      description: 'dataframe lacks a declared column',
      patterns: [
        'column [\'"][^\'"]+[\'"] not in dataframe|column [\'"][^\'"]+[\'"] not in DataFrame',
      ],
      weight: 0.8,
    },

    // --- infrastructure
    {
      id: 'airflow-zombie',
      category: 'infrastructure',
      description: 'task became a zombie or was killed externally',
      patterns: [
        ci(
          "zombie|killed externally|was killed externally|finished \\(failed\\) although the task says (?:it's|its) (?:queued|running)|Executor reports task instance .{0,200} finished",
        ),
      ],
      // The Celery worker says the forked `airflow tasks run` itself exited non-zero
      // (celery_executor.py): the task process ran and failed, it was not lost or killed.
      unless: ['Celery command failed on host'],
      weight: 0.8,
    },
    {
      id: 'airflow-heartbeat',
      category: 'infrastructure',
      description: 'task or scheduler heartbeat lost',
      patterns: [
        ci(
          '(?:no|missed|lost) heartbeat|heartbeat (?:timed out|expired|failed)|scheduler does not appear to be running|Scheduler heartbeat',
        ),
      ],
      weight: 0.7,
    },
    {
      id: 'airflow-sigterm',
      category: 'infrastructure',
      description: 'task received SIGTERM from the platform',
      patterns: [
        'Received SIGTERM|received SIGTERM|SIGTERM signal received|Killing subprocess',
      ],
      weight: 0.5,
    },
    {
      id: 'airflow-stuck-queued',
      category: 'infrastructure',
      description: 'task never left the queue',
      patterns: [
        ci(
          "stuck in queued|was queued .{0,80} but never started|Task is in the 'queued' state|queued for longer than",
        ),
      ],
      weight: 0.7,
    },
    {
      id: 'celery-worker-lost',
      category: 'infrastructure',
      description: 'worker process lost',
      // "Celery command failed on host" is not here: Airflow raises it for any non-zero exit
      // of the forked `airflow tasks run` (celery_executor.py), so it is a wrapper.
      patterns: ['WorkerLostError|Worker exited prematurely'],
      weight: 0.75,
    },
    {
      id: 'airflow-negsignal-kill',
      category: 'resource_exhaustion',
      description: 'task process killed with SIGKILL (typically OOM)',
      patterns: [
        'Negsignal\\.SIGKILL|return code -9\\b|died with signal 9|exited with (?:return )?code -9\\b',
      ],
      weight: 0.75,
    },
    {
      id: 'python-memory-error',
      category: 'resource_exhaustion',
      description: 'Python out of memory',
      patterns: [
        '\\bMemoryError\\b|Unable to allocate [\\d.]+ [KMGT]?i?B for an array|std::bad_alloc',
      ],
      weight: 0.9,
    },
    {
      id: 'airflow-task-timeout',
      category: 'dependency_unavailable',
      description: 'task hit its execution timeout',
      patterns: ['AirflowTaskTimeout|Timeout, PID: \\d+'],
      weight: 0.35,
    },
    {
      id: 'airflow-task-timeout-resource',
      category: 'resource_exhaustion',
      description: 'a timeout can be work growing beyond its budget',
      patterns: ['AirflowTaskTimeout'],
      weight: 0.3,
    },

    // --- dependencies
    {
      id: 'python-connection-error',
      category: 'dependency_unavailable',
      description: 'remote service unreachable',
      patterns: [
        'NewConnectionError|Max retries exceeded with url|ConnectTimeout|ReadTimeout|RemoteDisconnected|Remote end closed connection without response|ConnectionResetError|ConnectionRefusedError|ConnectionAbortedError|ChunkedEncodingError|IncompleteRead|Connection aborted|requests\\.exceptions\\.ConnectionError|aiohttp\\.client_exceptions\\.\\w*Connect',
      ],
      weight: 0.75,
    },
    {
      id: 'ssh-sftp-unavailable',
      category: 'dependency_unavailable',
      description: 'SSH / SFTP server dropped the connection',
      patterns: [
        'Error reading SSH protocol banner|SSHException: (?:No existing session|Unable to connect|Error reading)|Server connection dropped|paramiko\\.ssh_exception\\.(?:SSHException|NoValidConnectionsError)',
      ],
      weight: 0.8,
    },
    {
      id: 'python-timeout',
      category: 'dependency_unavailable',
      description: 'remote call timed out',
      patterns: [
        'socket\\.timeout|\\bTimeoutError\\b|asyncio\\.TimeoutError|Read timed out|timed out while waiting for|ReadTimeoutError',
      ],
      weight: 0.55,
    },
    // Python string formatting errors are code defects: the same input fails the same way.
    {
      id: 'python-format-string',
      category: 'code_error',
      description: 'invalid format string in the code',
      patterns: [
        "Invalid format string|unsupported format character|not enough arguments for format string|Single '[{}]' encountered in format string|Unknown format code '\\w' for object|ValueError: unconverted data remains",
      ],
      weight: 0.8,
    },
    // Dagster names the kind of mistake in its error classes (dagster._core.errors).
    {
      id: 'dagster-invalid-config',
      category: 'config_error',
      description: 'Dagster run or resource config is invalid',
      patterns: [
        'Dagster(?:InvalidConfig|InvalidConfigDefinition|UnknownResource|InvalidSubset)Error',
      ],
      weight: 0.8,
    },
    {
      id: 'dagster-invalid-definition',
      category: 'config_error',
      description:
        'Dagster definitions are wired wrongly (a resource, asset or job binding)',
      patterns: ['DagsterInvalidDefinitionError|DagsterResourceFunctionError'],
      weight: 0.6,
    },
    {
      id: 'dagster-invalid-definition-code',
      category: 'code_error',
      description: 'a wrong Dagster definition can be a code mistake',
      patterns: ['DagsterInvalidDefinitionError'],
      weight: 0.4,
    },
    {
      id: 'dagster-invalid-invocation',
      category: 'code_error',
      description: 'Dagster API used wrongly by the code',
      patterns: ['DagsterInvalidInvocationError'],
      weight: 0.7,
    },
    {
      id: 'dagster-type-check',
      category: 'data_quality',
      description: 'a Dagster type check rejected an output',
      patterns: ['DagsterTypeCheckDidNotPass|DagsterTypeCheckError'],
      weight: 0.75,
    },
    // Great Expectations' own error classes for a project or checkpoint set up wrongly (not a failed expectation).
    {
      id: 'gx-config-error',
      category: 'config_error',
      description: 'Great Expectations project or checkpoint misconfigured',
      patterns: [
        'great_expectations\\.exceptions\\.(?:exceptions\\.)?(?:CheckpointError|CheckpointNotFoundError|DataContextError|InvalidConfigError|InvalidConfigurationYamlError|ConfigNotFoundError|DatasourceError|DatasourceInitializationError|ExpectationSuiteNotFoundError|StoreBackendError)',
      ],
      weight: 0.75,
    },
  ],
};
