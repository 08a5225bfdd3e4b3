import type { RulePack } from '../ruleTypes';

/**
 * How newer tools tell a configuration error from a code error (issue 17, round cfg4). Each
 * rule is one tool's own family of messages, written from the tool's source or documentation,
 * so that a message of the family the corpus has never seen classifies instead of falling to
 * `unknown`. Configuration and code errors are deterministic: nothing here is evidence for a
 * retry.
 *
 * Sources:
 * - dbt Fusion: every diagnostic is `error: dbtNNNN: <message>` followed by a ` --> file:line:col`
 *   span naming the file it is about (dbt-labs/dbt-fusion, crates dbt-common `ErrorCode` and the
 *   diagnostic renderer); a span into a YAML file (dbt_project.yml, profiles.yml, a properties
 *   file) points at configuration, a span into a .sql file at the model's code.
 * - serde (Rust) deserialization errors, the wording every serde_yaml/serde_json config loader
 *   prints: `invalid type: X, expected Y`, `unknown field`, `missing field`, `unknown variant`
 *   (serde docs, `serde::de::Error`).
 * - Apache Airflow task SDK (3.x): `AirflowRuntimeError` carries an `ErrorType`
 *   (`airflow.sdk.exceptions.ErrorType`: CONNECTION_NOT_FOUND, VARIABLE_NOT_FOUND ...), and the
 *   task's requests to the supervisor are pydantic models (`airflow.sdk.execution_time.comms`:
 *   GetConnection, GetVariable, GetXCom ...) whose validation fails when the task code passes
 *   an invalid id.
 * - Apache Flink `FactoryUtil` (validateFactoryOptions / validateUnconsumedKeys): "Unsupported
 *   options found for ...", "One or more required options are missing", and `Configuration`'s
 *   "Could not parse value ... for key ...".
 * - PyIceberg `load_catalog` and CLI (pyiceberg/catalog/__init__.py, pyiceberg/cli/console.py):
 *   "URI missing, please provide using --uri, the config or environment variable
 *   PYICEBERG_CATALOG__<NAME>__URI".
 * - SQLMesh `ConfigError` as its CLI prints it (sqlmesh/core/config/connection.py, loader.py):
 *   "Invalid project config:", "Verify your config.yaml and environment variables.",
 *   "Missing connection type.", "Config module '...' was not found".
 * - DuckDB extension loading (duckdb.org/docs/stable/extensions/troubleshooting and
 *   "Extensions: Overview"): `IO Error: Extension "<path>" not found` with its "Candidate
 *   extensions" hint, and extensions refused because unsigned extensions are disabled by
 *   configuration. A download that fails (HTTP errors) is not this.
 */
export const toolConfigFamiliesPack: RulePack = {
  name: 'tool-config-families',
  origin: 'built-in',
  rules: [
    {
      // dbt Fusion diagnostics whose span points into a YAML file: the project, profile or a
      // properties file holds a value the engine does not accept (dbt1005 field required,
      // dbt1013 invalid model definition, dbt1060 unexpected key ...).
      id: 'dbt-fusion-yaml-diagnostic',
      category: 'config_error',
      description:
        'dbt Fusion reports an error located in a YAML configuration file',
      patterns: ['\\berror: dbt\\d{4}:'],
      requires: ['^\\s*--> \\S+\\.ya?ml:\\d+(?::\\d+)?\\s*$'],
      where: 'any',
      weight: 0.82,
      explains: ['code_error'],
    },
    {
      // The same diagnostic pointing into a model's SQL: the model's Jinja or SQL. Weighted
      // below the specific dbt rules (an enforced contract is schema drift).
      id: 'dbt-fusion-sql-diagnostic',
      category: 'code_error',
      description: "dbt Fusion reports an error located in a model's SQL file",
      patterns: ['\\berror: dbt\\d{4}:'],
      requires: ['^\\s*--> \\S+\\.sql:\\d+(?::\\d+)?\\s*$'],
      where: 'any',
      weight: 0.55,
    },
    {
      // serde's deserialization messages in a config loader: a setting has the wrong type,
      // an unknown or missing key. Required context keeps record decoding out.
      id: 'serde-config-deserialize',
      category: 'config_error',
      description:
        'a configuration value has the wrong type, or a key is unknown or missing (serde)',
      patterns: [
        'invalid type: [\\w `.-]+, expected [\\w `.-]+|unknown field `[^`]+`, expected|missing field `[^`]+`|unknown variant `[^`]+`, expected',
      ],
      requires: [
        '\\.ya?ml\\b|\\.toml\\b|[Cc]onfig|profile|definition|[Ss]etting',
      ],
      where: 'error',
      weight: 0.7,
      explains: ['code_error', 'data_quality'],
    },
    {
      // Airflow 3 task SDK: the supervisor answers a lookup with an error type.
      id: 'airflow-sdk-lookup-not-found',
      category: 'config_error',
      description:
        'an Airflow connection or variable the task asked for is not defined',
      patterns: [
        'AirflowRuntimeError: (?:CONNECTION_NOT_FOUND|VARIABLE_NOT_FOUND)\\b',
      ],
      where: 'chain',
      weight: 0.9,
    },
    {
      // Airflow 3 task SDK: the task's own request to the supervisor fails validation (a None
      // or non-string connection id, variable key or XCom key): the task code passed it.
      id: 'airflow-sdk-request-invalid',
      category: 'code_error',
      description:
        "the task's code asked the Airflow supervisor for something with an invalid argument",
      patterns: [
        '\\d+ validation errors? for (?:GetConnection|GetVariable|GetXCom\\w*|SetXCom|PutVariable|GetAssetByName|GetAssetByUri)\\b',
      ],
      where: 'chain',
      weight: 0.78,
      explains: ['config_error', 'data_quality'],
    },
    {
      // Flink validates a table's WITH options against its connector and format factories.
      id: 'flink-factory-options-invalid',
      category: 'config_error',
      description:
        "a Flink table's connector or format options are unsupported, missing or unparseable",
      patterns: [
        "Unsupported options found for '[^']+'|Unsupported options found for (?:connector|format)|One or more required options are missing|Could not parse value '[^']*' for key '[^']+'",
      ],
      where: 'any',
      weight: 0.88,
      explains: ['code_error'],
    },
    {
      id: 'pyiceberg-catalog-setting-missing',
      category: 'config_error',
      description: 'a PyIceberg catalog has no URI or setting configured',
      patterns: [
        'URI missing, please provide using --uri|environment variable PYICEBERG_CATALOG__\\w+',
      ],
      where: 'any',
      weight: 0.88,
    },
    {
      // DuckDB (and dbt-duckdb, whose profile lists the extensions) cannot load an extension
      // the configuration names: it does not exist for this version and platform, or the
      // settings refuse it.
      id: 'duckdb-extension-not-loadable',
      category: 'config_error',
      description:
        'DuckDB cannot find or may not load an extension the configuration asks for',
      patterns: [
        'Extension "[^"]+" not found|Candidate extensions: "|unsigned extensions are disabled by configuration|Extension "[^"]+" could not be loaded because its signature',
      ],
      unless: [
        'Failed to (?:download|install) extension|HTTP (?:GET )?(?:error|5\\d\\d|429)|Could not establish connection',
      ],
      where: 'any',
      weight: 0.86,
      explains: ['code_error', 'infrastructure'],
    },
    {
      id: 'sqlmesh-config-error-cli',
      category: 'config_error',
      description:
        'SQLMesh rejected its project, gateway or connection configuration',
      patterns: [
        "^Error: (?:Invalid (?:project|connection|'\\w+' connection) config|Missing connection type\\.|Config module '[^']+' was not found)|Verify your config\\.yaml and environment variables",
      ],
      where: 'any',
      weight: 0.88,
      explains: ['code_error'],
    },
  ],
};
