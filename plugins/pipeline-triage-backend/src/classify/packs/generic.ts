import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

// A date or partition key in a path: missing dated input is usually late input.
const DATED =
  '(?:[12]\\d{3}-[01]\\d-[0-3]\\d|[12]\\d{3}/[01]\\d/[0-3]\\d|\\b(?:dt|ds|date|day|hour|run_date|load_date|partition_date|event_date)=[\\w-]+|_[12]\\d{3}[01]\\d[0-3]\\d\\b)';
// A run date inside a path: /2024-05-07/, /2024/05/07/, dt=..., _20240507.
const DATED_PATH =
  '(?:[/=_](?:[12]\\d{3}-[01]\\d-[0-3]\\d|[12]\\d{3}/[01]\\d/[0-3]\\d|[12]\\d{3}[01]\\d[0-3]\\d)(?=[/._\\s\'"]|$)|\\b(?:dt|ds|date|day|hour|run_date|load_date|partition_date|event_date)=[\\w-]+)';
const MISSING =
  "(?:not found|does not exist|doesn't exist|No such file|NoSuchKey|FileNotFound|PATH_NOT_FOUND|matches 0 files|is missing|not available|not yet available)";

/**
 * Platform-neutral evidence: OS errors, generic wording (weak on purpose), error codes,
 * exit codes and structured run signals, and priors.
 */
export const genericPack: RulePack = {
  name: 'generic',
  origin: 'built-in',
  rules: [
    // --- OS level
    {
      id: 'os-no-space',
      category: 'resource_exhaustion',
      description: 'disk full',
      patterns: [
        ci(
          'No space left on device|ENOSPC|Disk quota exceeded|disk (?:is )?full|not enough (?:disk )?space|insufficient disk space|There is not enough space on the disk',
        ),
      ],
      weight: 0.95,
    },
    {
      id: 'os-too-many-open-files',
      category: 'resource_exhaustion',
      description: 'too many open files',
      patterns: ['Too many open files|EMFILE'],
      weight: 0.9,
    },
    {
      id: 'os-cannot-allocate',
      category: 'resource_exhaustion',
      description: 'memory allocation failed',
      patterns: [
        'Cannot allocate memory|ENOMEM|failed to allocate \\d+|OutOfMemory|out of memory|not enough memory|DefaultCPUAllocator|you tried to allocate \\d+ bytes|MemoryError\\b',
      ],
      weight: 0.85,
    },
    {
      id: 'os-segfault',
      category: 'code_error',
      description: 'process crashed (segmentation fault)',
      patterns: ['Segmentation fault|SIGSEGV|core dumped|Fatal Python error'],
      weight: 0.4,
    },
    {
      id: 'os-command-not-found',
      category: 'config_error',
      description: 'executable not found',
      patterns: [
        'command not found|executable file not found in \\$PATH|not recognized as an internal or external command',
      ],
      weight: 0.85,
    },
    {
      id: 'os-missing-config-file',
      category: 'config_error',
      description: 'configuration, script or library file missing',
      patterns: [
        '(?:No such file or directory|FileNotFoundException|FileNotFoundError)\\b.{0,200}\\.(?:ya?ml|json|conf|cfg|ini|properties|toml|env|jar|py|sql|sh|whl|zip)\\b[\'"]?\\)?\\s*$',
      ],
      weight: 0.6,
    },
    {
      id: 'os-no-such-file',
      category: 'config_error',
      description: 'file not found',
      patterns: [
        'No such file or directory|FileNotFoundError|FileNotFoundException',
      ],
      weight: 0.45,
    },

    // --- configuration families: how tools report a setting, argument or file they cannot use.
    // Each fails before any work and repeats until the configuration changes.
    {
      // argparse/awsglue ("the following arguments are required"), Apache Commons CLI,
      // jopt-simple, picocli, case-app, "--X is required" wording, and a Python job's own
      // ValueError for a parameter it was given empty.
      id: 'cli-required-argument',
      category: 'config_error',
      description:
        'a required command-line argument or job parameter is missing or unknown',
      patterns: [
        'the following arguments are required:|Missing required (?:option|argument|parameter)s?(?:\\(s\\))?\\b|Missing argument for option|Unrecognized option:? [\'"]?-|MissingOptionException|MissingArgumentException|UnrecognizedOptionException|MissingParameterException|Required option [\'"`]?--?[\\w-]+[\'"`]? (?:is )?(?:missing|not specified)|(?:^|\\s)--?[A-Za-z][\\w-]* (?:is a required (?:argument|parameter|option)|is required)\\b',
        // Python jobs reject a parameter left empty with ValueError("<name> is required") (pw7).
        'ValueError: [\\w.]+ (?:is required|must be (?:set|provided|specified))\\b',
      ],
      where: 'chain',
      weight: 0.88,
      explains: ['code_error'],
    },
    {
      // Spring placeholders, Typesafe Config (HOCON), Kafka's ConfigDef: a key the job needs
      // has no value in any configuration source.
      id: 'setting-unresolved',
      category: 'config_error',
      description: 'a setting the job reads has no value in its configuration',
      patterns: [
        'Could not resolve placeholder [\'"]|Cannot bind to placeholder|No configuration setting found for key|ConfigException\\$(?:Missing|WrongType|BadValue|BadPath|Parse|IO|UnresolvedSubstitution)|Missing required configuration [\'"][\\w.-]+[\'"] which has no default value|Invalid value .{0,120} for configuration [\\w.-]+|Could not resolve substitution to a value',
      ],
      where: 'chain',
      weight: 0.92,
      explains: ['code_error'],
    },
    {
      // pydantic BaseSettings (v1 and v2) read the environment: a missing field of a settings
      // class is a missing environment variable, not a bad record.
      id: 'settings-model-missing-field',
      category: 'config_error',
      description:
        'a settings class lacks required values (environment or .env)',
      patterns: [
        '\\d+ validation errors? for \\w*(?:Settings|Config|Configuration|Conf|Env|Environment|Secrets)\\b|SettingsError: error (?:parsing|getting) value for field',
      ],
      weight: 0.88,
      explains: ['data_quality', 'code_error'],
    },
    {
      // A configuration file that does not parse: PyYAML marks name the file; configparser and
      // TOML errors are configuration by construction.
      id: 'config-file-unparseable',
      category: 'config_error',
      description: 'a configuration file does not parse',
      patterns: [
        'yaml\\.(?:scanner|parser|composer|constructor)\\.\\w+Error|in "[^"]+\\.ya?ml", line \\d+, column \\d+|configparser\\.\\w+Error|MissingSectionHeaderError|DuplicateSectionError|TOMLDecodeError|TomlDecodeError|Invalid (?:YAML|JSON|TOML|HOCON) in (?:config(?:uration)?|settings|profile)',
      ],
      where: 'any',
      weight: 0.8,
      explains: ['code_error'],
    },
    {
      // A JDBC driver, SQLAlchemy dialect or table/connector factory the configuration names is
      // not installed or not on the classpath.
      id: 'driver-or-plugin-missing',
      category: 'config_error',
      description:
        'a driver, dialect or connector plugin named by configuration is not installed',
      patterns: [
        "No suitable driver(?: found)?|Failed to find any class that implements Connector|connector class [\\w.'\"]+ could not be found|Can't load plugin: [\\w.:]+|NoMatchingTableFactoryException|Could not find a suitable table factory|Could not find any factory for identifier|Cannot load JDBC driver class|Failed to load (?:JDBC )?driver class|Driver class [\\w.]+ (?:not found|could not be loaded)|No (?:JDBC )?driver (?:found|registered) for",
      ],
      where: 'chain',
      weight: 0.92,
      explains: ['code_error', 'dependency_unavailable'],
    },
    {
      // Connection settings a client rejects before it opens a socket: an option libpq does not
      // know, an empty account, a malformed endpoint or region. A retry builds the same settings.
      id: 'connection-settings-invalid',
      category: 'config_error',
      description: 'connection settings rejected before connecting',
      patterns: [
        ci(
          'invalid dsn|invalid connection option [\'"]|missing "=" after .{0,60} in connection info string|invalid connection string|Invalid endpoint: |account (?:is empty|must be specified|parameter is missing)|\\b(?:user|password|warehouse|database|role) (?:is empty|must be specified)\\b|Unable to find a valid warehouse|invalid value:? [\'"]?[\\w-]+[\'"]? for (?:region|endpoint|account)\\b',
        ),
      ],
      where: 'chain',
      weight: 0.88,
      explains: ['code_error', 'dependency_unavailable', 'data_quality'],
    },
    {
      // A platform rejects a resource specification (node or instance type, missing required
      // field): the cluster or job definition must change.
      id: 'resource-spec-invalid',
      category: 'config_error',
      description: 'cluster or job specification rejected by the platform',
      patterns: [
        ci(
          '(?:Node|Instance) type [\\w.-]+ is not supported|Supported (?:node|instance) types:|Invalid (?:node|instance) type:? [\\w.-]+|must be attached for clusters created with node type|Missing required field [\'"]\\w+[\'"]',
        ),
      ],
      where: 'chain',
      weight: 0.85,
      explains: ['resource_exhaustion', 'infrastructure'],
    },
    {
      // A JSON configuration file that does not parse (the file named in the log is a config).
      id: 'config-json-unparseable',
      category: 'config_error',
      description: 'a JSON configuration file does not parse',
      patterns: [
        'JSONDecodeError|json\\.decoder\\.|Unexpected token .{0,40} in JSON',
      ],
      requires: [
        ci(
          '(?:config|settings|conf|profile|credentials|secrets?)[\\w.-]*\\.json\\b',
        ),
      ],
      where: 'any',
      weight: 0.8,
      explains: ['data_quality', 'code_error'],
    },
    {
      // The runtime the job needs is not configured on the worker: no Java for Spark, no main
      // class in the artifact.
      id: 'runtime-not-configured',
      category: 'config_error',
      description:
        'the job runtime (Java, Spark home, main class) is not configured',
      patterns: [
        'JAVA_HOME is not set|JAVA_GATEWAY_EXITED|Java gateway process exited before sending (?:the driver )?its port number|SPARK_HOME (?:is not set|not found)|Could not find or load main class|Cannot load main class from JAR|Please specify (?:a|one) (?:class )?(?:through|with) --class',
      ],
      where: 'any',
      weight: 0.85,
      explains: ['code_error'],
    },
    {
      // A URL built from a setting that was never given ("None/path", no scheme).
      id: 'url-from-unset-setting',
      category: 'config_error',
      description: 'a URL built from a missing setting',
      patterns: [
        "Invalid URL '(?:None|null|undefined)?[/']|No scheme supplied|MissingSchema|No connection adapters were found for '(?:None|null)|MalformedURLException: no protocol",
      ],
      where: 'chain',
      weight: 0.8,
    },
    {
      // The session has no default catalog, schema, database or warehouse, or names one that
      // does not exist: the connection's configuration is incomplete.
      id: 'session-default-unset',
      category: 'config_error',
      description:
        'the connection sets no (or a missing) default catalog, schema or warehouse',
      patterns: [
        ci(
          '(?:Schema|Catalog) must be specified when session (?:schema|catalog) is not set|Session (?:catalog|schema) must be set|requested warehouse does not exist|No active warehouse selected|Unable to find a valid warehouse|no (?:current|default) (?:database|schema|warehouse)(?: (?:is )?(?:set|selected))?',
        ),
      ],
      where: 'chain',
      weight: 0.85,
      explains: ['code_error', 'dependency_unavailable'],
    },
    {
      // JVM and Spark options that do not exist or cannot be changed where they were set.
      id: 'runtime-option-invalid',
      category: 'config_error',
      description: 'a JVM or engine option is unknown or cannot be set',
      patterns: [
        'Unrecognized VM option|Could not create the Java Virtual Machine|CANNOT_MODIFY_CONFIG|Cannot modify the value of a (?:Spark|static) config|\\[CONFIG_NOT_AVAILABLE\\]|Unknown configuration (?:key|property|option|parameter)|Unrecognized (?:configuration|config) (?:key|property|option)|is not a valid (?:Spark |Hadoop |Flink )?config(?:uration)?(?: key| property)?\\b',
      ],
      where: 'chain',
      weight: 0.85,
    },

    // --- source delay wording
    {
      id: 'missing-dated-input',
      category: 'source_delay',
      description: 'input for the run date is missing',
      patterns: [
        ci(`${MISSING}.{0,300}${DATED}`),
        ci(`${DATED}.{0,300}${MISSING}`),
      ],
      weight: 0.6,
      // An output committer's staging path is not input the job waits for.
      unless: ['/_temporary/\\d+/'],
    },
    {
      id: 'missing-dated-path',
      category: 'source_delay',
      description: 'the file or partition for the run date is missing',
      patterns: [
        ci(`${MISSING}.{0,200}${DATED_PATH}`),
        ci(`${DATED_PATH}.{0,200}${MISSING}`),
      ],
      weight: 0.75,
      // An output committer's staging path is not input the job waits for.
      unless: ['/_temporary/\\d+/'],
    },
    // A waiter that gave up on an input after repeated checks ("partition 2026-07-02 not found
    // after 24 attempts"): the wording of sensors and readiness checks, not of a lookup typo.
    {
      id: 'input-not-found-after-waiting',
      category: 'source_delay',
      description: 'an input was still missing after repeated checks',
      patterns: [
        ci(
          '\\b(?:partition|file|key|object|table|path|prefix|marker)\\b.{0,80}\\bnot (?:found|available|present)\\b.{0,20}\\bafter \\d+ (?:attempts|pokes|retries|tries|checks)\\b',
        ),
      ],
      weight: 0.7,
    },
    // A bare "No such file" right after the job asked for a dated file: the file is late.
    {
      id: 'missing-after-dated-request',
      category: 'source_delay',
      description: 'the dated file the job asked for is not there',
      patterns: [
        ci(
          'No such file|FileNotFound|ENOENT|NoSuchKey|does not exist|\\b404\\b|not found',
        ),
      ],
      where: 'chain',
      requires: [
        ci(
          `(?:Downloading|Fetching|Retrieving|Reading|Opening|Getting|Copying|Loading|Looking for|Checking for|Requesting) .{0,200}${DATED_PATH}`,
        ),
      ],
      weight: 0.7,
    },
    {
      id: 'empty-source',
      category: 'source_delay',
      description: 'source is empty or has no new data',
      patterns: [
        ci(
          '(?:source|input|upstream|file|table|partition|dataset|directory|folder|prefix) (?:is )?empty\\b|no (?:new )?(?:data|rows|records|files) (?:found|available|to (?:process|load)|for|in)\\b|\\b0 (?:rows|records|files|objects) (?:found|loaded|returned|available|extracted|read)|(?:extracted|read|fetched|returned|received|found|got|selected) 0 (?:rows|records|files|objects)\\b|\\(0 rows\\)|empty (?:dataframe|result set|source|input|extract|export|file|feed|batch|response|partition|snapshot|delivery)|returned no (?:rows|data)|No data available',
        ),
      ],
      weight: 0.6,
      where: 'any',
    },
    {
      id: 'upstream-not-ready',
      category: 'source_delay',
      description: 'upstream data not there yet',
      patterns: [
        ci(
          "upstream (?:job|task|dag|pipeline|data|table|model|dependency|run)s? (?:has |have )?(?:not|hasn't|haven't|did not|didn't) (?:yet )?(?:finish|complete|succeed|run|land|arrive)|(?:not yet|hasn't been|has not been) (?:available|arrived|landed|published|delivered|loaded)|(?:waiting|waited) (?:for|on) (?:upstream|data|input|the file|the partition|partition|file)|(?:partition|file|input|data|export|manifest|delivery) .{0,80}(?:not arrived|did not arrive|has not arrived|not (?:yet )?landed)|late (?:arriving )?(?:data|arrival|file|delivery)|SLA (?:missed|miss)\\b|data (?:is )?not (?:yet )?(?:ready|available) for",
        ),
      ],
      weight: 0.75,
    },

    // --- data checks (Great Expectations, Soda, custom)
    {
      id: 'data-checks-failed',
      category: 'data_quality',
      description: 'data quality checks failed',
      patterns: [
        ci(
          'expectations? (?:failed|were not met|not met)|ExpectationSuite .{0,80}failed|Validation (?:failed|result.{0,40}"success":\\s*false)|great_expectations.{0,120}(?:failed|ValidationError)|Soda.{0,60}(?:checks? failed|fail)|\\b\\d+ checks? failed|DataQuality(?:Error|Exception|CheckFailed)|data quality (?:check|test|validation)s? (?:failed|error)|quality check .{0,80} failed|expect_\\w+ .{0,80}(?:failed|unsuccessful)|unexpected_percent|row count (?:check )?(?:failed|below|above|out of range)|duplicates? (?:found|detected) in|found \\d+ duplicates?|null values? (?:found|detected) in|referential integrity',
        ),
      ],
      weight: 0.85,
      unless: ['SQL validation failed'],
    },
    {
      id: 'pydantic-validation',
      category: 'data_quality',
      description: 'records failed schema validation',
      patterns: [
        '\\d+ validation errors? for \\w+|jsonschema\\.exceptions\\.ValidationError|Failed validating [\'"]\\w+[\'"] in schema',
      ],
      weight: 0.6,
    },

    // --- generic wording (weak on purpose: it only decides when nothing specific matched)
    {
      id: 'generic-timeout',
      category: 'dependency_unavailable',
      description: 'a timeout',
      patterns: [ci('\\btimed? ?out\\b|\\btimeout\\b|deadline exceeded')],
      weight: 0.35,
      // A job running past its own time budget says the work took too long, not that a dependency failed.
      unless: [
        ci(
          'Task timed out after \\d|Job run exceeded the timeout|TIMEOUT after \\d|step timeout|exceeded its maximum duration',
        ),
      ],
    },
    {
      id: 'generic-connection-problem',
      category: 'dependency_unavailable',
      description: 'connection problem wording',
      patterns: [
        ci(
          '\\bconnection\\b.{0,40}\\b(?:closed|lost|error|failed|refused|dropped|broken)\\b|\\b(?:unable|failed|could not) (?:to )?connect\\b',
        ),
      ],
      weight: 0.45,
    },
    {
      id: 'generic-unavailable',
      category: 'dependency_unavailable',
      description: 'service unavailable wording',
      patterns: [
        ci(
          '\\b(?:service|server|endpoint|api|host|database) (?:is )?(?:temporarily |currently )?(?:unavailable|unreachable|down)\\b|\\bunavailable\\b',
        ),
      ],
      weight: 0.45,
    },
    {
      id: 'generic-memory',
      category: 'resource_exhaustion',
      description: 'memory wording',
      patterns: [
        ci(
          '\\bmemory\\b.{0,40}\\b(?:exceeded|exhausted|limit|insufficient|not enough|pressure)\\b|\\binsufficient memory\\b',
        ),
      ],
      weight: 0.55,
      unless: [
        ci('FailedScheduling|nodes are available|above the max threshold'),
      ],
    },
    {
      id: 'generic-quota',
      category: 'resource_exhaustion',
      description: 'quota or limit exceeded',
      patterns: [
        ci(
          '\\bquota\\b.{0,40}\\bexceeded\\b|\\bexceeded\\b.{0,40}\\bquota\\b|\\blimit exceeded\\b',
        ),
      ],
      weight: 0.5,
      unless: [ci('rate limit|rateLimitExceeded|requests per')],
    },
    {
      id: 'generic-killed',
      category: 'resource_exhaustion',
      description: 'process killed',
      patterns: [ci('\\bkilled\\b')],
      weight: 0.3,
      // Kafka Connect's wording for a task that failed, not a kill signal.
      unless: ['Task is being killed and will not recover'],
    },
    {
      id: 'generic-schema',
      category: 'schema_drift',
      description: 'schema wording',
      patterns: [
        ci(
          '\\bschema\\b.{0,60}\\b(?:mismatch|changed|differ|incompatible|evolution|not match)|\\b(?:unexpected|unknown|new|missing|extra) (?:column|field)s?\\b|\\bcolumn\\b.{0,60}\\b(?:missing|not found|renamed|dropped|removed)\\b|\\btype mismatch\\b',
        ),
      ],
      weight: 0.5,
    },
    {
      id: 'generic-null-violation',
      category: 'data_quality',
      description: 'null where not allowed',
      patterns: [
        ci(
          '\\bnull\\b.{0,60}\\b(?:not allowed|violat|constraint|non-nullable|must not be|cannot be)\\b|\\bmust not be null\\b',
        ),
      ],
      weight: 0.6,
    },
    {
      id: 'generic-duplicate',
      category: 'data_quality',
      description: 'duplicate keys or rows',
      patterns: [
        ci('\\bduplicate (?:key|row|entry|record|primary key|id)s?\\b'),
      ],
      weight: 0.6,
    },
    {
      id: 'generic-invalid-value',
      category: 'data_quality',
      description: 'invalid value wording',
      patterns: [
        ci(
          '\\binvalid (?:value|input|date|timestamp|number|format|record|row|character|encoding)s?\\b|\\bmalformed\\b|\\bunparseable\\b|\\bcorrupt(?:ed)?\\b',
        ),
      ],
      weight: 0.45,
    },
    {
      id: 'generic-not-found',
      category: 'config_error',
      description: 'something not found',
      patterns: [
        ci(
          "\\bnot found\\b|\\bdoes not exist\\b|\\bdoesn't exist\\b|\\bno such\\b",
        ),
      ],
      weight: 0.3,
    },
    {
      id: 'generic-config-wording',
      category: 'config_error',
      description: 'configuration wording',
      patterns: [
        ci(
          '\\b(?:config(?:uration)?|setting|parameter|variable|property|option|secret|connection string)\\b.{0,60}\\b(?:missing|invalid|not set|not found|not defined|required|unknown|malformed|wrong)\\b',
        ),
      ],
      weight: 0.45,
    },
    {
      // A feature that needs a server or client setting the deployment does not have
      // (Debezium: "Read only connection requires GTID_MODE to be ON").
      id: 'generic-requires-setting',
      category: 'config_error',
      description: 'a mode or feature needs a setting that is not on',
      patterns: [
        '\\brequires [A-Za-z_][\\w.]* to be (?:ON|OFF|on|off|enabled|disabled|true|false|set)\\b',
      ],
      weight: 0.8,
    },
    {
      id: 'generic-credentials-wording',
      category: 'permission',
      description: 'credentials wording',
      patterns: [
        ci(
          '\\bcredentials?\\b.{0,40}\\b(?:invalid|expired|rejected|denied|wrong)\\b|\\bauthentication (?:failed|error|required)\\b',
        ),
      ],
      weight: 0.6,
    },
    {
      id: 'generic-syntax',
      category: 'code_error',
      description: 'syntax error wording',
      patterns: [ci('\\bsyntax error\\b|\\bparse error\\b')],
      weight: 0.6,
    },
    {
      id: 'generic-bug-wording',
      category: 'code_error',
      description: 'unhandled exception in user code',
      patterns: [
        ci(
          '\\bunhandled exception\\b|\\buncaught exception\\b|\\bbug\\b|\\bassertion failed\\b',
        ),
      ],
      weight: 0.35,
    },

    // --- error codes
    // HTTP, SQLSTATE, BigQuery reasons and AWS codes: see ../vendorCodes (the vendor-codes pack).

    // --- exit codes and kill signals (from the event or the log)
    {
      id: 'signal-oom-killed',
      category: 'resource_exhaustion',
      description: 'process OOM-killed',
      signals: [{ signal: 'killSignal', equals: 'OOMKilled' }],
      weight: 0.95,
    },

    // --- structured run signals
    {
      id: 'signal-source-delay',
      category: 'source_delay',
      description: 'the sender reports the input as late',
      signals: [{ signal: 'delaySeconds', gt: 0 }],
      weight: 0.75,
    },
    {
      id: 'signal-task-duration-skew',
      category: 'data_skew',
      description: 'slowest task far above the median (straggler)',
      signals: [
        { signal: 'taskDurationRatio', gt: 5 },
        { signal: 'taskCount', gte: 10 },
      ],
      weight: 0.75,
      explains: [
        'resource_exhaustion',
        'infrastructure',
        'dependency_unavailable',
      ],
    },
    {
      id: 'signal-task-input-skew',
      category: 'data_skew',
      description: 'largest task input far above the median',
      signals: [
        { signal: 'taskInputRatio', gt: 5 },
        { signal: 'taskCount', gte: 10 },
        { signal: 'maxTaskInputBytes', gte: 134217728 },
      ],
      weight: 0.8,
      explains: [
        'resource_exhaustion',
        'infrastructure',
        'dependency_unavailable',
      ],
    },
    {
      id: 'signal-tiny-tasks',
      category: 'small_file_pressure',
      description: 'a very large number of tiny tasks (one per small file)',
      signals: [
        { signal: 'taskCount', gte: 10000 },
        { signal: 'medianTaskInputBytes', lt: 4194304 },
      ],
      weight: 0.75,
      explains: ['resource_exhaustion'],
    },
    {
      id: 'signal-task-skew-extreme',
      category: 'data_skew',
      description: 'one task over 20x the median',
      signals: [
        { signal: 'taskDurationRatio', gt: 20 },
        { signal: 'taskCount', gte: 10 },
      ],
      weight: 0.5,
    },

    // --- priors: only raise a category that the evidence already supports
    {
      id: 'prior-recent-deploy-code',
      category: 'code_error',
      description: 'a deploy just before the failure',
      signals: [{ signal: 'recentDeploy', equals: true }],
      weight: 0.15,
      prior: true,
    },
    {
      id: 'prior-recent-deploy-config',
      category: 'config_error',
      description: 'a deploy just before the failure',
      signals: [{ signal: 'recentDeploy', equals: true }],
      weight: 0.1,
      prior: true,
    },

    // --- small files, from the figures engines print about them
    {
      id: 'many-files-figure',
      category: 'small_file_pressure',
      description: 'tens of thousands of files or objects in one read or table',
      patterns: [
        ci(
          '\\b(?:\\d{5,}|\\d{2,3},\\d{3}|\\d{1,3}(?:,\\d{3}){2,3}) (?:small |tiny |data |input |parquet |avro |json )?(?:files|objects)\\b',
        ),
      ],
      weight: 0.4,
      where: 'any',
    },
    {
      id: 'tiny-average-file-size',
      category: 'small_file_pressure',
      description: 'files average a few bytes or kilobytes',
      patterns: [
        ci(
          '(?:average|avg)(?: file)? size(?: of)? \\d+(?:\\.\\d+)? ?(?:bytes|B|KB|KiB)\\b|\\(avg \\d+(?:\\.\\d+)? ?(?:bytes|B|KB|KiB)\\)|\\d+% under 1 ?MB|files? of (?:one|1) to \\d+ records',
        ),
      ],
      weight: 0.55,
      where: 'any',
    },
    {
      id: 'connection-closed-by-server',
      category: 'dependency_unavailable',
      description: 'the server closed the connection',
      patterns: [
        ci(
          '(?:DB |database )?server closed (?:the )?connection|connection (?:was )?closed by (?:the )?(?:remote |foreign )?(?:server|peer|host)',
        ),
      ],
      weight: 0.65,
    },
    // Schedulers and loaders that say the input has not arrived for the period they run for.
    {
      id: 'generic-no-data-yet',
      category: 'source_delay',
      description: "no input data for the run's date yet",
      patterns: [
        ci(
          'No data (?:at the source |available )?for .{0,80}(?:information|info|partition|business|processing|run) date|(?:data|files?|input|partition)s? (?:may )?(?:has |have )?not (?:yet )?(?:arrived|landed|been delivered)|NoDataException',
        ),
      ],
      weight: 0.8,
    },
    {
      id: 'generic-insufficient-permission',
      category: 'permission',
      description: 'the user lacks a permission (wording)',
      patterns: [
        ci(
          'does not have (?:sufficient|enough|the (?:required|necessary)) (?:permissions?|privileges?)|insufficient permissions? (?:to|for|on)|not have permission to',
        ),
      ],
      where: 'any',
      weight: 0.8,
    },
    // An account or organization policy forbids the kind of object or operation: the setup must change.
    {
      id: 'generic-policy-forbidden',
      category: 'config_error',
      description: 'a policy forbids this kind of setup',
      patterns: [
        ci(
          'has been forbidden\\. See your account administrator|(?:is|are|has been) (?:forbidden|disallowed|prohibited) by (?:an? )?(?:account|organization|org) policy',
        ),
      ],
      weight: 0.65,
    },
  ],
};
