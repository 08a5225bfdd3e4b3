import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/**
 * How tools report their own configuration errors (issue 17): the wording each tool uses when
 * a setting, a connection string, a session option, a plugin declaration or a run parameter is
 * wrong or missing. Each rule is a family of messages from one kind of tool, so that a message
 * of the same family the corpus has never seen classifies. Configuration errors are
 * deterministic: nothing here is ever evidence for a retry.
 *
 * Sources of the wording (vendor documentation and source):
 * - SQLAlchemy `engine/url.py` (make_url), pgjdbc `Driver.parseURL`, Oracle JDBC ORA-17067;
 * - Google BigQuery "Dataset locations" and error messages reference;
 * - Amazon Athena "Working with query results" (workgroup result location);
 * - Delta Lake "Quickstart: set up Apache Spark with Delta Lake" (DeltaErrors);
 * - Apache Spark `SparkConf`/`ConfigBuilder` and the HotSpot launcher (`-Xmx` parsing);
 * - Apache Hive `ObjectStore.checkSchema` (metastore schema verification);
 * - Trino `SessionPropertyManager` (INVALID_SESSION_PROPERTY);
 * - Meltano `PluginNotFoundError`, Kedro `DataCatalog._get_credentials`, dbt `parse_cli_vars`;
 * - Hadoop `Configuration.getClassByName` (class-valued options such as
 *   `fs.s3a.aws.credentials.provider`).
 */
export const configReportingPack: RulePack = {
  name: 'config-reporting',
  origin: 'built-in',
  rules: [
    {
      // A connection URL or DSN the client cannot parse: the setting is malformed, so no
      // connection was attempted (the pool's "connection error" wrapper is not an outage).
      id: 'connection-url-malformed',
      category: 'config_error',
      description: 'a connection URL or connection string cannot be parsed',
      patterns: [
        ci(
          'Could not parse \\w+ URL from string|Unable to parse URL jdbc:|JDBC URL must contain|Invalid Oracle URL specified|The url cannot be null|Invalid connection string(?: format)?\\b|Connection string is (?:either blank or )?malformed',
        ),
      ],
      where: 'any',
      weight: 0.9,
      explains: ['dependency_unavailable', 'code_error'],
    },
    {
      // Cloud data services refuse to move data across regions or locations: the dataset,
      // bucket or job location settings disagree (BigQuery "Dataset locations"). BigQuery's
      // "Not found: Table ... was not found in location US" is left out on purpose: it names the
      // location of every missing table, including a daily table that has not landed yet.
      id: 'cloud-location-mismatch',
      category: 'config_error',
      description:
        'source and destination are configured in different locations or regions',
      patterns: [
        ci(
          'Cannot read and write in different locations|must be (?:in|co-located in) the same (?:location|region)|Invalid project ID [\'"][^\'"]+[\'"]',
        ),
      ],
      where: 'chain',
      weight: 0.9,
      explains: ['code_error'],
    },
    {
      // Athena needs a result location from the workgroup or the call.
      id: 'athena-result-location-unset',
      category: 'config_error',
      description:
        'the Athena workgroup or call names no query result location',
      patterns: [
        'No output location provided|An output location is required either through the Workgroup|WorkGroup is not found',
      ],
      where: 'chain',
      weight: 0.9,
      explains: ['code_error'],
    },
    {
      // Table-format extensions that must be set when the session is built (Delta's SQL
      // extension and catalog, an Iceberg catalog plugin class).
      id: 'spark-session-extension-unset',
      category: 'config_error',
      description:
        'the Spark session lacks the table format extension or catalog it needs',
      patterns: [
        'This Delta operation requires the SparkSession to be configured|DELTA_CONFIGURE_SPARK_SESSION_WITH_EXTENSION_AND_CATALOG|Cannot find catalog plugin class for catalog',
      ],
      where: 'any',
      weight: 0.9,
      explains: ['code_error'],
    },
    {
      // A size, duration or number setting in a format the runtime does not accept
      // (spark.driver.memory=512mb becomes -Xmx512mb; "should be int, but was ...").
      id: 'runtime-setting-value-format',
      category: 'config_error',
      description:
        'a memory, size or duration setting is in a format the runtime rejects',
      patterns: [
        'Invalid (?:maximum|initial|minimum) heap size|Invalid thread stack size|Size must be specified as bytes|Time must be specified as|should be (?:int|long|double|boolean), but was',
      ],
      where: 'any',
      weight: 0.88,
      explains: ['data_quality', 'resource_exhaustion'],
      // The JVM could not get the memory it asked for: a host limit, not a malformed flag.
      unless: ['Could not reserve enough space'],
    },
    {
      // A number that fails to parse while the SparkContext starts comes from a setting, not
      // from a record: no data has been read yet.
      id: 'spark-context-setting-unparseable',
      category: 'config_error',
      description: 'a setting failed to parse while the SparkContext started',
      patterns: ['Error initializing SparkContext'],
      requires: ['NumberFormatException|IllegalArgumentException'],
      where: 'any',
      weight: 0.8,
      explains: ['data_quality'],
    },
    {
      // Hive's metastore schema check: the metastore database was never initialised or the
      // client expects another schema version.
      id: 'hive-metastore-schema-unverified',
      category: 'config_error',
      description: 'the Hive metastore schema is missing or of another version',
      patterns: ['Version information not found in metastore'],
      where: 'any',
      weight: 0.88,
      explains: ['infrastructure', 'dependency_unavailable'],
    },
    {
      // A session property the engine does not know (often one from a newer release).
      id: 'session-property-unknown',
      category: 'config_error',
      description:
        'the session sets a property this engine version does not have',
      patterns: [
        ci(
          'Session property [\\w.\'"`]+ does not exist|Unknown session property|Invalid session property',
        ),
      ],
      where: 'chain',
      weight: 0.88,
      explains: ['source_delay', 'code_error'],
    },
    {
      // Meltano resolves every plugin from the project file and its lock files.
      id: 'meltano-plugin-unknown',
      category: 'config_error',
      description:
        'a Meltano plugin or environment is not declared in the project',
      patterns: [
        "(?:Extractor|Loader|Transformer|Orchestrator|Utility|Mapper|Mapping|File bundle) '[^']+' is not known to Meltano|PluginNotFoundError|Environment '[^']+' was not found",
      ],
      where: 'any',
      weight: 0.9,
    },
    {
      // Kedro's catalog names credentials the environment's configuration does not define.
      id: 'kedro-credentials-unresolved',
      category: 'config_error',
      description: 'a catalog entry names credentials that are not configured',
      patterns: [
        "Unable to find credentials '[^']+'|check your data catalog and credentials configuration|No credentials found with key",
      ],
      where: 'any',
      weight: 0.9,
      explains: ['code_error'],
    },
    {
      // dbt parses --vars/--args as a YAML mapping before compiling anything; its wording
      // says "Compilation Error" although the project is not at fault.
      id: 'dbt-cli-vars-invalid',
      category: 'config_error',
      description: 'dbt --vars or --args is not a YAML mapping',
      patterns: [
        'The --(?:vars|args) argument must be a YAML dictionary|The YAML provided in the --(?:vars|args) argument is not valid',
      ],
      where: 'any',
      weight: 0.92,
      explains: ['code_error'],
    },
    {
      // A class-valued Hadoop option (credentials provider, filesystem, committer factory)
      // names a class the classpath does not have.
      id: 'hadoop-class-option-unloadable',
      category: 'config_error',
      description: 'a Hadoop option names a class that cannot be loaded',
      patterns: ['From option [\\w.-]+ java\\.lang\\.ClassNotFoundException'],
      where: 'any',
      weight: 0.9,
      explains: ['code_error'],
    },
    {
      // Settings libraries whose exception names carry no Error suffix (OmegaConf/Hydra
      // MissingMandatoryValue, botocore ProfileNotFound), so only their wording identifies them.
      id: 'settings-value-unset',
      category: 'config_error',
      description:
        'a settings library reports a mandatory value or profile that is not set',
      patterns: [
        "MissingMandatoryValue|Missing mandatory value: [\\w.$]+|Interpolation key '[^']+' not found|Could not find '[^']+' in config group|botocore\\.exceptions\\.(?:ProfileNotFound|NoRegionError|InvalidConfigError|ConfigParseError|ConfigNotFound|InvalidRegionError)|The config profile \\([^)]*\\) could not be found",
      ],
      where: 'any',
      weight: 0.9,
      explains: ['source_delay', 'code_error'],
    },
    {
      // A schedule that is not a valid cron expression or timetable: the DAG cannot be built.
      id: 'schedule-expression-invalid',
      category: 'config_error',
      description: 'a schedule is not a valid cron expression or timetable',
      patterns: [
        ci(
          'AirflowTimetableInvalid|Croniter\\w*Error|Exactly \\d(?:, \\d)* or \\d columns has to be specified for iterator expression|is not a valid cron expression|Invalid cron expression',
        ),
      ],
      where: 'any',
      weight: 0.88,
      explains: ['code_error'],
    },
    {
      // A run triggered with parameters that fail the DAG's declared param schema: the
      // jsonschema wording below it is about the run's input, not about records.
      id: 'run-parameter-invalid',
      category: 'config_error',
      description:
        'the run was triggered with a parameter that fails its schema',
      patterns: ['ParamValidationError|Invalid input for param [\\w.-]+'],
      where: 'any',
      weight: 0.9,
      explains: ['data_quality'],
    },
    {
      // Ingestion and orchestration tools that validate their own configuration before any
      // data moves: Singer taps (singer-python check_config, the Meltano SDK's
      // ConfigValidationError), Soda data sources, Prefect blocks, Iceberg catalogs. The
      // jsonschema wording under them ("is a required property") is about settings, not records.
      id: 'tool-config-validation',
      category: 'config_error',
      description:
        'an ingestion or orchestration tool rejected its own configuration',
      patterns: [
        ci(
          'Config is missing required keys|ConfigValidationError|Data source ["\'`]?[\\w.-]+["\'`]? (?:is )?not (?:present|found|configured) in (?:the )?configuration|Unable to find block document named|Cannot initialize Catalog implementation|Unknown catalog type',
        ),
      ],
      where: 'any',
      weight: 0.88,
      explains: ['data_quality', 'code_error'],
    },
    {
      // The Kubernetes API rejects an object whose fields fail validation ("Invalid value",
      // "Required value", "Unsupported value"; apimachinery field.ErrorType), and Spark on
      // Kubernetes needs its container images named.
      id: 'k8s-spec-field-invalid',
      category: 'config_error',
      description:
        'a Kubernetes object or Spark-on-Kubernetes setting fails validation',
      patterns: [
        'is invalid: (?:spec|metadata)\\.[\\w.\\[\\]-]+: (?:Invalid value|Required value|Unsupported value)|Must specify the (?:driver|executor) container image',
      ],
      where: 'any',
      weight: 0.88,
      explains: ['data_quality', 'infrastructure'],
    },
    {
      // Airbyte tags a failure's type in its plain-text attempt summary as well as in JSON
      // ("failureType: config_error"). As weak as the JSON form: the tag is the connector's
      // guess and a revoked token also arrives tagged this way.
      id: 'airbyte-failure-type-config-text',
      category: 'config_error',
      description: 'the connector tagged the failure as a configuration error',
      patterns: ['failureType["\']?\\s*[:=]\\s*config_error\\b'],
      where: 'any',
      weight: 0.4,
    },
    {
      // A CDC source database not set up for change capture (MySQL binlog format, PostgreSQL
      // wal_level): the database's configuration, per the Debezium connector documentation.
      id: 'cdc-source-not-configured',
      category: 'config_error',
      description:
        'the source database is not configured for change data capture',
      patterns: [
        ci(
          'is not configured to use a ROW binlog_format|binlog_format .{0,40}(?:is )?required|wal_level (?:must|should) be (?:set to )?logical|logical decoding requires wal_level',
        ),
      ],
      where: 'any',
      weight: 0.88,
    },
    {
      // Helm refuses to render a release: a required value is unset or the values file fails
      // the chart's schema (Helm "required" function, values.schema.json).
      id: 'helm-values-invalid',
      category: 'config_error',
      description: 'a Helm release fails on its values',
      patterns: [
        "(?:INSTALLATION|UPGRADE) FAILED: (?:execution error at|values don't meet the specifications|YAML parse error)|did not find expected (?:key|node content|'-' indicator)",
      ],
      where: 'any',
      weight: 0.85,
    },
    {
      // SQLAlchemy 2 refuses raw SQL strings: the job's code must wrap them in text(). Same
      // ArgumentError class as a malformed URL, but a code change, not a setting.
      id: 'sqlalchemy2-raw-sql-string',
      category: 'code_error',
      description:
        'code passes a raw SQL string that SQLAlchemy 2 no longer accepts',
      patterns: [
        "Textual SQL expression .{0,200}should be explicitly declared as text|Not an executable object: '|ObjectNotExecutableError",
      ],
      where: 'chain',
      weight: 0.85,
    },
  ],
};
