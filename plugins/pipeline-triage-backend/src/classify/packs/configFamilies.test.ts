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
