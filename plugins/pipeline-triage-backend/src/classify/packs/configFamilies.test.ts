import { createTriageEngine } from '../../engine';
import { extractEvidence } from '../../evidence';
import { classify } from '../classify';
import { lookupVendorCode } from '../vendorCodes';
import { awsTable } from '../vendorCodes/aws';
import { jvmExceptionTable } from '../vendorCodes/jvmExceptions';
import { pythonExceptionTable } from '../vendorCodes/pythonExceptions';

const verdictOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log }));
const categoryOf = (log: string) => verdictOf(log).category;

/**
 * Configuration errors are reported in families (issue 17, point 3): messages below are worded
 * unlike any corpus case, and each must classify by its family, never as unknown.
 */
describe('configuration-error families', () => {
  it.each([
    // command-line arguments and job parameters
    'usage: backfill.py [-h] --start START --end END\nbackfill.py: error: the following arguments are required: --end',
    'awsglue.utils.GlueArgumentError: the following arguments are required: --RUN_DATE',
    'Exception in thread "main" org.apache.commons.cli.UnrecognizedOptionException: Unrecognized option: --outptu',
    'joptsimple.MissingRequiredOptionsException: Missing required option(s) [table]',
    "picocli.CommandLine$MissingParameterException: Missing required option: '--catalog=<catalog>'",
    // pw7: a Python job rejecting an empty parameter; Data Pump into the wrong container or file
    'Traceback (most recent call last):\n  File "run.py", line 12, in main\nValueError: target_bucket must be provided',
    'ORA-39083: Object type USER:"ETL_OWNER" failed to create with error:\nORA-65096: invalid common user or role name',
    'ORA-39001: invalid argument value\nORA-39000: bad dump file specification\nORA-39143: dump file "/u01/dp/exp_full.dmp" may be an original export dump file',
    // settings without a value
    'Caused by: java.lang.IllegalArgumentException: Could not resolve placeholder \'sftp.host\' in value "${sftp.host}"',
    'com.typesafe.config.ConfigException$WrongType: application.conf @ file:/opt/app/application.conf: 14: ingest.batch-size has type STRING rather than NUMBER',
    'org.apache.kafka.common.config.ConfigException: Missing required configuration "key.converter" which has no default value.',
    'pydantic_core._pydantic_core.ValidationError: 1 validation error for WarehouseConfig\nDSN\n  Field required [type=missing, input_value={}, input_type=dict]',
    // configuration files
    'yaml.parser.ParserError: while parsing a block mapping\n  in "/srv/jobs/conf/pipeline.yml", line 3, column 1',
    "configparser.NoSectionError: No section: 'warehouse'",
    // drivers, dialects, connector plugins
    'java.sql.SQLException: No suitable driver found for jdbc:sqlserver://db-7:1433;databaseName=ods',
    "sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:redshift.redshift_connector",
    "org.apache.flink.table.api.ValidationException: Could not find any factory for identifier 'jdbc' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.",
    'org.apache.kafka.connect.errors.ConnectException: Failed to find any class that implements Connector and which name matches io.acme.HttpSource, available connectors are: PluginDesc{}',
    "ModuleNotFoundError: No module named 'airflow.providers.microsoft.mssql'",
    // endpoints, regions, buckets
    'botocore.exceptions.ClientError: An error occurred (PermanentRedirect) when calling the HeadObject operation: The bucket you are attempting to access must be addressed using the specified endpoint.',
    'An error occurred (InvalidBucketName) when calling the PutObject operation: The specified bucket is not valid.',
    "<Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'ap-south-1'</Message>",
    // connection settings and cluster specifications
    'psycopg2.ProgrammingError: invalid dsn: invalid connection option "sslmodee"',
    'snowflake.connector.errors.ProgrammingError: 251001: Account must be specified',
    'INVALID_PARAMETER_VALUE: Instance type r9x.large is not supported. Supported node types: i3.xlarge',
    // runtime options and versions
    "Unrecognized VM option 'UseConcMarkSweepGC'\nError: Could not create the Java Virtual Machine.",
    '[CANNOT_MODIFY_CONFIG] Cannot modify the value of the Spark config: "spark.executor.cores".',
    'Exception in thread "main" org.apache.spark.SparkException: A master URL must be set in your configuration',
    'java.lang.IllegalArgumentException: Wrong FS: abfss://raw@acct.dfs.core.windows.net/x, expected: hdfs://nn:8020',
    "ERROR: Package 'acme-etl' requires a different Python: 3.8.18 not in '>=3.10'",
    'ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/',
    // runtimes, session defaults, URLs from unset settings, project contracts
    '/usr/lib/spark/bin/spark-class: line 71: JAVA_HOME is not set',
    "org.apache.flink.core.fs.UnsupportedFileSystemSchemeException: Could not find a file system implementation for scheme 'oss'.",
    'io.trino.spi.TrinoException: line 1:22: Catalog must be specified when session catalog is not set',
    "requests.exceptions.MissingSchema: Invalid URL 'None/v3/accounts': No scheme supplied. Perhaps you meant https://None/v3/accounts?",
    'Encountered an error while reading the project:\n  ERROR: Runtime Error\n  Invalid config version: 1, expected 2',
    'org.apache.kafka.common.errors.InvalidConfigurationException: Unknown topic config name: retention.msx',
  ])('classifies %s', log => {
    expect(categoryOf(log)).toBe('config_error');
  });

  it('never says safe to retry on a configuration family, even on a later attempt', () => {
    const v = createTriageEngine().triage({
      source: 'generic',
      job: { namespace: 'x', name: 'j', type: 'spark' },
      runId: 'r',
      eventTime: '2026-01-01T00:00:00Z',
      logExcerpt:
        'org.apache.hadoop.fs.s3a.AWSRedirectException: getFileStatus on s3a://lake-eu/x: PermanentRedirect',
      signals: { attempt: 2, maxAttempts: 3 },
    } as never).verdict;
    expect(v.classification.category).toBe('config_error');
    expect(v.retry.safeToRetry).toBe(false);
  });

  it('keeps bad records, bad CSV and access denials out of the configuration families', () => {
    // pydantic on a record class is data, not settings
    expect(
      categoryOf(
        'pydantic.error_wrappers.ValidationError: 2 validation errors for OrderRecord\namount\n  field required (type=value_error.missing)',
      ),
    ).not.toBe('config_error');
    // pandas' ParserError is a data file, not a YAML configuration
    expect(
      categoryOf(
        'pandas.errors.ParserError: Error tokenizing data. C error: Expected 12 fields in line 4411, saw 13',
      ),
    ).not.toBe('config_error');
    // an access denial stays a permission problem
    expect(
      categoryOf(
        'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
      ),
    ).toBe('permission');
  });

  it('knows the vendor families by class and code', () => {
    expect(
      lookupVendorCode(
        jvmExceptionTable,
        'org.apache.commons.cli.AmbiguousOptionException',
      )?.category,
    ).toBe('config_error');
    expect(
      lookupVendorCode(
        jvmExceptionTable,
        'com.typesafe.config.ConfigException$UnresolvedSubstitution',
      )?.category,
    ).toBe('config_error');
    expect(
      lookupVendorCode(
        pythonExceptionTable,
        'configparser.InterpolationMissingOptionError',
      )?.category,
    ).toBe('config_error');
    expect(
      lookupVendorCode(pythonExceptionTable, 'awsglue.utils.GlueArgumentError')
        ?.category,
    ).toBe('config_error');
    expect(lookupVendorCode(awsTable, 'PermanentRedirect')?.category).toBe(
      'config_error',
    );
    expect(lookupVendorCode(awsTable, 'InvalidBucketName')?.category).toBe(
      'config_error',
    );
  });
});

/**
 * How tools report their own configuration errors (configReporting pack and vendor entries):
 * each message is worded unlike any corpus case and must classify by its family.
 */
describe('configuration errors as tools report them', () => {
  it.each([
    // connection strings the client cannot parse
    "sqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from string 'mssql+pyodbc//etl@dw-3/ods'",
    'org.postgresql.util.PSQLException: Unable to parse URL jdbc:postgresql://pg-ledger-1:6432',
    'ValueError: Connection string is either blank or malformed.',
    // locations and result settings of cloud services
    'google.api_core.exceptions.BadRequest: 400 Cannot read and write in different locations: source: asia-northeast1, destination: US',
    'An error occurred (InvalidRequestException) when calling the StartQueryExecution operation: No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.',
    // session setup and setting formats of engines
    '[DELTA_CONFIGURE_SPARK_SESSION_WITH_EXTENSION_AND_CATALOG] This Delta operation requires the SparkSession to be configured with the DeltaSparkSessionExtension and the DeltaCatalog.',
    'Invalid initial heap size: -Xms2gb\nError: Could not create the Java Virtual Machine.',
    'java.lang.NumberFormatException: Size must be specified as bytes (b), kibibytes (k), mebibytes (m), gibibytes (g), tebibytes (t), or pebibytes(p). E.g. 50b, 100k, or 250m.',
    'Caused by: org.apache.flink.configuration.IllegalConfigurationException: JobManager memory configuration failed: Sum of configured JVM Metaspace (256.000mb) and JVM Overhead (192.000mb) exceed configured Total Process Memory (400.000mb).',
    'MetaException(message:Version information not found in metastore. )',
    "io.trino.spi.TrinoException: line 1:1: Session property 'hive.insert_existing_partitions_behavior' does not exist",
    // settings libraries, run parameters and schedules
    'omegaconf.errors.MissingMandatoryValue: Missing mandatory value: sink.bucket',
    "dlt.common.configuration.exceptions.ConfigFieldMissingException: Following fields are missing: ['password'] in configuration with spec PostgresCredentials",
    'botocore.exceptions.ProfileNotFound: The config profile (lake-writer) could not be found',
    "airflow.exceptions.ParamValidationError: Invalid input for param region: 'mars' is not one of ['eu', 'us']",
    'croniter.croniter.CroniterBadCronError: Exactly 5, 6 or 7 columns has to be specified for iterator expression.',
    // ingestion and orchestration tools validating their own configuration
    "Loader 'target-bigquery' is not known to Meltano. Try running `meltano lock --update --all` to ensure your plugins are up to date.",
    'KeyError: "Unable to find credentials \'s3_landing\': check your data catalog and credentials configuration."',
    "Encountered an error while running operation: Compilation Error\n  The --vars argument must be a YAML dictionary, but was of type 'NoneType'",
    "singer_sdk.exceptions.ConfigValidationError: Config validation failed: 'api_token' is a required property",
    'ValueError: Unable to find block document named warehouse-dsn for block type secret',
    'io.debezium.DebeziumException: The MySQL server is not configured to use a ROW binlog_format, which is required for this connector to work properly.',
    'The CronJob "orders-export" is invalid: spec.schedule: Invalid value: "*/90 * * *": expected exactly 5 fields, found 4',
    'Error: UPGRADE FAILED: execution error at (airflow/templates/secrets.yaml:7:12): you must set values.webserverSecretKey',
    'java.lang.RuntimeException: java.io.IOException: From option fs.s3a.aws.credentials.provider java.lang.ClassNotFoundException: Class com.example.StsProvider not found',
    "snowflake.connector.errors.DatabaseError: 390189 (08004): Role 'TRANSFORMER' specified in the connect string does not exist or not authorized.",
  ])('classifies %s', log => {
    expect(categoryOf(log)).toBe('config_error');
  });

  it('keeps look-alikes in their own categories', () => {
    // BigQuery names the location of every missing table: a daily table not landed yet is late
    // input, not a location setting.
    expect(
      categoryOf(
        'google.api_core.exceptions.NotFound: 404 Not found: Table acme-web:analytics_301.events_20261201 was not found in location US',
      ),
    ).not.toBe('config_error');
    // SQLAlchemy 2 refusing a raw string is the job's code, though the class is ArgumentError
    expect(
      categoryOf(
        "sqlalchemy.exc.ArgumentError: Textual SQL expression 'TRUNCATE stage.orders' should be explicitly declared as text('TRUNCATE stage.orders')",
      ),
    ).toBe('code_error');
    // a number that fails to parse in a record, with no SparkContext starting, is data
    expect(
      categoryOf(
        'org.apache.spark.SparkException: Job aborted due to stage failure: Task 3 in stage 7.0 failed 4 times\nCaused by: java.lang.NumberFormatException: For input string: "12,5"',
      ),
    ).toBe('data_quality');
    // a wrong password at login stays a permission problem
    expect(
      categoryOf(
        'snowflake.connector.errors.DatabaseError: 390100 (08004): Incorrect username or password was specified.',
      ),
    ).toBe('permission');
  });

  it('knows the configuration families of vendor classes and codes', () => {
    expect(
      lookupVendorCode(
        jvmExceptionTable,
        'org.apache.flink.shaded.IllegalConfigurationException',
      )?.category,
    ).toBe('config_error');
    expect(
      lookupVendorCode(
        pythonExceptionTable,
        'dlt.common.configuration.exceptions.ConfigValueCannotBeCoercedException',
      )?.category,
    ).toBe('config_error');
    expect(
      lookupVendorCode(
        pythonExceptionTable,
        'croniter.croniter.CroniterNotAlphaError',
      )?.category,
    ).toBe('config_error');
    expect(
      lookupVendorCode(
        pythonExceptionTable,
        'botocore.exceptions.ProfileNotFound',
      )?.key,
    ).toBe('botocore-config');
  });

  it('never says safe to retry on a login that names a missing role, even on a later attempt', () => {
    const v = createTriageEngine().triage({
      source: 'generic',
      job: { namespace: 'x', name: 'j', type: 'dbt' },
      runId: 'r',
      eventTime: '2026-01-01T00:00:00Z',
      logExcerpt:
        "snowflake.connector.errors.DatabaseError: 390189 (08004): Role 'LOADER_RO' specified in the connect string does not exist or not authorized.",
      signals: { attempt: 2, maxAttempts: 3 },
    } as never).verdict;
    expect(v.classification.category).toBe('config_error');
    expect(v.retry.safeToRetry).toBe(false);
  });
});
