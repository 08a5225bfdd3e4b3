import type { VendorCodeTable } from './types';

const PY =
  'Python docs, Built-in Exceptions (docs.python.org/3/library/exceptions.html)';
const PEP249 = 'PEP 249 (DB-API 2.0) exception hierarchy';

/**
 * Python exception classes (system `exception`). OSError subclasses follow the errno they wrap;
 * DB-API drivers (psycopg2, pymysql, snowflake-connector, ...) share PEP 249 class names, so the
 * families match any module's `OperationalError` or `ProgrammingError`.
 */
export const pythonExceptionTable: VendorCodeTable = {
  name: 'python',
  system: 'exception',
  entries: [
    // Configuration, arguments and installed plugins: the job's setup is wrong.
    {
      key: 'glue-arguments',
      suffix: 'GlueArgumentError',
      category: 'config_error',
      weight: 0.88,
      description: 'AWS Glue job parameters missing or unknown (awsglue.utils)',
      source:
        'AWS Glue docs, getResolvedOptions (docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-get-resolved-options.html)',
    },
    {
      key: 'sqlalchemy-no-such-module',
      code: 'sqlalchemy.exc.NoSuchModuleError',
      category: 'config_error',
      weight: 0.88,
      description:
        'the SQLAlchemy dialect or driver named by the URL is not installed or not registered',
      source: 'SQLAlchemy docs, Core Exceptions: NoSuchModuleError',
    },
    {
      key: 'configparser',
      prefix: 'configparser.',
      suffix: 'Error',
      category: 'config_error',
      weight: 0.85,
      description:
        'INI configuration missing a section/option or unparseable (configparser)',
      source:
        'Python docs, configparser (docs.python.org/3/library/configparser.html): Exceptions',
    },
    {
      key: 'yaml-syntax',
      prefix: 'yaml.',
      suffix: 'Error',
      category: 'config_error',
      weight: 0.6,
      description:
        'a YAML document does not parse (PyYAML ScannerError, ParserError ...): usually a configuration file',
      source: 'PyYAML docs, Errors (pyyaml.org/wiki/PyYAMLDocumentation)',
    },
    {
      key: 'pydantic-settings',
      code: 'pydantic_settings.sources.SettingsError',
      category: 'config_error',
      weight: 0.85,
      description: 'pydantic-settings could not read a setting from its source',
      source: 'pydantic-settings docs, Settings Management',
    },
    {
      key: 'dlt-configuration',
      prefix: 'dlt.common.configuration.exceptions.',
      suffix: 'Exception',
      category: 'config_error',
      weight: 0.88,
      description:
        'dlt could not resolve or coerce a config value or secret (ConfigFieldMissingException, ConfigValueCannotBeCoercedException ...)',
      source:
        'dlt docs, Configuration and secrets (dlthub.com/docs/general-usage/credentials): dlt.common.configuration.exceptions',
    },
    {
      key: 'omegaconf',
      prefix: 'omegaconf.errors.',
      suffix: 'Error',
      category: 'config_error',
      weight: 0.8,
      description:
        'OmegaConf configuration key, interpolation or type error (ConfigKeyError, InterpolationKeyError, ValidationError ...)',
      source: 'OmegaConf docs, omegaconf.errors (omegaconf.readthedocs.io)',
    },
    {
      key: 'hydra',
      prefix: 'hydra.errors.',
      suffix: 'Exception',
      category: 'config_error',
      weight: 0.85,
      description:
        'Hydra could not compose the job configuration (MissingConfigException, ConfigCompositionException)',
      source: 'Hydra docs, hydra.errors (hydra.cc/docs)',
    },
    {
      key: 'airflow-config',
      codes: [
        'airflow.exceptions.ParamValidationError',
        'airflow.exceptions.AirflowConfigException',
      ],
      category: 'config_error',
      weight: 0.88,
      description:
        'an Airflow run parameter fails its schema, or an Airflow setting is missing or invalid',
      source:
        'Apache Airflow docs, airflow.exceptions (ParamValidationError, AirflowConfigException) and Params',
      explains: ['data_quality'],
    },
    {
      key: 'singer-sdk-config',
      code: 'singer_sdk.exceptions.ConfigValidationError',
      category: 'config_error',
      weight: 0.9,
      description:
        'a Singer tap or target built on the Meltano SDK rejected its config against the settings schema',
      source:
        'Meltano Singer SDK docs, singer_sdk.exceptions.ConfigValidationError',
      explains: ['data_quality'],
    },
    {
      key: 'croniter',
      prefix: 'croniter.',
      suffix: 'Error',
      category: 'config_error',
      weight: 0.85,
      description:
        'a cron schedule expression does not parse (CroniterBadCronError, CroniterBadDateError ...)',
      source: 'croniter docs (pypi.org/project/croniter): exceptions',
    },
    // OSError subclasses and the ConnectionError family
    {
      key: 'connection-refused',
      suffix: 'ConnectionRefusedError',
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description:
        'connection refused (ConnectionRefusedError, errno ECONNREFUSED)',
      source: `${PY}: ConnectionRefusedError`,
    },
    {
      key: 'connection-reset',
      suffix: 'ConnectionResetError',
      category: 'dependency_unavailable',
      weight: 0.65,
      transient: true,
      description: 'connection reset by peer',
      source: `${PY}: ConnectionResetError`,
    },
    {
      key: 'connection-aborted',
      suffix: 'ConnectionAbortedError',
      category: 'dependency_unavailable',
      weight: 0.55,
      transient: true,
      description: 'connection aborted by peer',
      source: `${PY}: ConnectionAbortedError`,
    },
    {
      key: 'broken-pipe',
      suffix: 'BrokenPipeError',
      category: 'dependency_unavailable',
      weight: 0.45,
      description: 'broken pipe (the other end went away)',
      source: `${PY}: BrokenPipeError`,
    },
    {
      key: 'connection-error',
      suffix: 'ConnectionError',
      category: 'dependency_unavailable',
      weight: 0.6,
      transient: true,
      description:
        'connection failed (any *ConnectionError: builtins, requests, redis, aiohttp ...)',
      source: `${PY}: ConnectionError; requests.exceptions.ConnectionError`,
    },
    {
      key: 'timeout-error',
      suffix: 'TimeoutError',
      category: 'dependency_unavailable',
      weight: 0.5,
      transient: true,
      description: 'operation timed out (any *TimeoutError)',
      source: `${PY}: TimeoutError`,
    },
    {
      key: 'socket-timeout',
      codes: ['socket.timeout'],
      category: 'dependency_unavailable',
      weight: 0.5,
      transient: true,
      description: 'socket timed out',
      source: `${PY}: socket.timeout (alias of TimeoutError since 3.10)`,
    },
    {
      key: 'gaierror',
      codes: ['socket.gaierror'],
      category: 'dependency_unavailable',
      weight: 0.6,
      description: 'address lookup failed (DNS)',
      source: 'Python docs, socket.gaierror',
    },
    {
      key: 'permission-error',
      codes: ['PermissionError'],
      category: 'permission',
      weight: 0.6,
      description: 'permission denied on a file or resource (PermissionError)',
      source: `${PY}: PermissionError`,
    },
    {
      key: 'memory-error',
      codes: ['MemoryError'],
      category: 'resource_exhaustion',
      weight: 0.85,
      description: 'Python ran out of memory',
      source: `${PY}: MemoryError`,
    },
    {
      key: 'recursion-error',
      codes: ['RecursionError'],
      category: 'code_error',
      weight: 0.55,
      description: 'maximum recursion depth exceeded',
      source: `${PY}: RecursionError`,
    },
    // requests / urllib3
    {
      key: 'requests-timeout',
      codes: [
        'requests.exceptions.ReadTimeout',
        'requests.exceptions.ConnectTimeout',
        'requests.exceptions.Timeout',
      ],
      category: 'dependency_unavailable',
      weight: 0.6,
      transient: true,
      description: 'HTTP request timed out (requests)',
      source: 'requests docs, Exceptions: Timeout, ConnectTimeout, ReadTimeout',
    },
    {
      key: 'requests-ssl',
      codes: [
        'requests.exceptions.SSLError',
        'ssl.SSLError',
        'ssl.SSLCertVerificationError',
      ],
      category: 'config_error',
      weight: 0.7,
      explains: ['dependency_unavailable'],
      description:
        'TLS error (certificate or protocol mismatch: repeats until fixed)',
      source: 'requests docs: SSLError; Python docs, ssl.SSLError',
    },
    {
      key: 'requests-too-many-redirects',
      codes: [
        'requests.exceptions.TooManyRedirects',
        'requests.exceptions.InvalidURL',
        'requests.exceptions.MissingSchema',
        'requests.exceptions.InvalidSchema',
      ],
      category: 'config_error',
      weight: 0.55,
      description: 'bad URL or redirect loop',
      source: 'requests docs, Exceptions',
    },
    {
      key: 'requests-chunked',
      codes: [
        'requests.exceptions.ChunkedEncodingError',
        'urllib3.exceptions.ProtocolError',
      ],
      category: 'dependency_unavailable',
      weight: 0.5,
      transient: true,
      description: 'connection broken mid-response',
      source:
        'requests docs: ChunkedEncodingError; urllib3 docs: ProtocolError',
    },
    {
      key: 'urllib3-max-retry',
      codes: [
        'urllib3.exceptions.MaxRetryError',
        'urllib3.exceptions.NewConnectionError',
        'urllib3.exceptions.NameResolutionError',
        'urllib3.exceptions.ReadTimeoutError',
        'urllib3.exceptions.ConnectTimeoutError',
      ],
      category: 'dependency_unavailable',
      weight: 0.6,
      transient: true,
      description: 'HTTP connection failed after retries (urllib3)',
      source: 'urllib3 docs, urllib3.exceptions',
    },
    // botocore (the ClientError code decides; these are the transport failures)
    {
      key: 'botocore-endpoint',
      codes: [
        'botocore.exceptions.EndpointConnectionError',
        'botocore.exceptions.ConnectTimeoutError',
        'botocore.exceptions.ReadTimeoutError',
        'botocore.exceptions.ConnectionClosedError',
      ],
      category: 'dependency_unavailable',
      weight: 0.65,
      transient: true,
      description: 'AWS endpoint unreachable or timed out (botocore)',
      source: 'botocore docs, botocore.exceptions',
    },
    {
      key: 'botocore-credentials',
      codes: [
        'botocore.exceptions.NoCredentialsError',
        'botocore.exceptions.PartialCredentialsError',
      ],
      category: 'config_error',
      weight: 0.7,
      description: 'no AWS credentials configured',
      source: 'botocore docs, botocore.exceptions',
    },
    {
      key: 'botocore-config',
      codes: [
        'botocore.exceptions.ProfileNotFound',
        'botocore.exceptions.NoRegionError',
        'botocore.exceptions.InvalidConfigError',
        'botocore.exceptions.ConfigParseError',
      ],
      category: 'config_error',
      weight: 0.88,
      description:
        'the AWS client configuration names a profile or region that is not set up',
      source: 'botocore docs, botocore.exceptions',
      explains: ['source_delay'],
    },
    {
      key: 'botocore-param',
      codes: ['botocore.exceptions.ParamValidationError'],
      category: 'code_error',
      weight: 0.55,
      description: 'invalid parameters for an AWS call',
      source: 'botocore docs, botocore.exceptions.ParamValidationError',
    },
    // PEP 249 (psycopg2, pymysql, snowflake.connector, sqlite3, ...)
    {
      key: 'dbapi-operational',
      suffix: 'OperationalError',
      category: 'dependency_unavailable',
      weight: 0.4,
      description:
        'database operational error (connection lost, server unavailable, ...)',
      source: `${PEP249}: OperationalError; psycopg2 docs`,
      // PEP 249 also files some SQL errors here (sqlite3 "no such column", pymssql): those are not outages.
      unless: [
        {
          source:
            'no such (?:column|table)|(?:column|table|relation|identifier)\\b.{0,80}(?:does not exist|not found|invalid)|invalid (?:identifier|column)|syntax error',
          flags: 'i',
        },
      ],
    },
    {
      key: 'dbapi-programming',
      suffix: 'ProgrammingError',
      category: 'code_error',
      weight: 0.45,
      description:
        'database programming error (bad SQL, missing table, wrong parameters)',
      source: `${PEP249}: ProgrammingError; psycopg2 docs`,
    },
    {
      key: 'dbapi-integrity',
      suffix: 'IntegrityError',
      category: 'data_quality',
      weight: 0.7,
      description: 'integrity constraint violated',
      source: `${PEP249}: IntegrityError`,
    },
    {
      key: 'dbapi-data',
      suffix: '.DataError',
      category: 'data_quality',
      weight: 0.55,
      description: 'invalid data value',
      source: `${PEP249}: DataError`,
    },
    {
      key: 'dbapi-not-supported',
      suffix: 'NotSupportedError',
      category: 'code_error',
      weight: 0.45,
      description: 'database feature not supported',
      source: `${PEP249}: NotSupportedError`,
    },
    // dlt (data load tool): a schema contract in freeze mode refused new tables, columns or types.
    {
      key: 'dlt-schema-contract',
      prefix: 'dlt.',
      suffix: 'DataValidationError',
      category: 'schema_drift',
      weight: 0.8,
      description:
        'dlt schema contract violated (a frozen table, column or data type)',
      source:
        'dlt docs, "Schema and data contracts" (dlthub.com/docs/general-usage/schema-contracts): freeze mode raises DataValidationError',
    },
    // fastavro: the reader schema cannot read what the writer schema wrote.
    {
      key: 'fastavro-schema-resolution',
      prefix: 'fastavro.',
      suffix: 'SchemaResolutionError',
      category: 'schema_drift',
      weight: 0.85,
      description:
        'Avro reader and writer schemas do not resolve (fastavro SchemaResolutionError)',
      source:
        'fastavro docs, fastavro.read (fastavro.readthedocs.io): SchemaResolutionError; Apache Avro specification, Schema Resolution',
    },
  ],
};
