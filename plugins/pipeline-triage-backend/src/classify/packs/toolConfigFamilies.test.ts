import { createTriageEngine } from '../../engine';
import { extractEvidence } from '../../evidence';
import { classify } from '../classify';

const categoryOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log })).category;

/**
 * Round cfg4 (issue 17): each tool's family of configuration and code errors, with messages
 * worded unlike the corpus cases, classifies by the family.
 */
describe('tool configuration families', () => {
  it.each([
    // dbt Fusion diagnostics located in a YAML file
    "error: dbt1060: Ignored unexpected key '+materailized'. YAML path: 'models.+materailized'.\n  --> dbt_project.yml:31:5",
    'error: dbt1005: Invalid value for `threads`: expected an integer\n  --> profiles.yml:9:20',
    'error: dbt1013: Invalid source definition `raw.orders`: missing field `name` at line 4 column 7\n  --> models/staging/_sources.yml:4:7',
    // serde in a Rust tool's config loader
    'Error: failed to load config from /etc/agent/config.toml: unknown field `batch_sise`, expected one of `batch_size`, `timeout_secs`',
    // Airflow 3 task SDK lookups
    "AirflowRuntimeError: VARIABLE_NOT_FOUND: {'key': 'partner_bucket'}",
    // ClickHouse settings
    'Code: 452. DB::Exception: Setting max_memory_usage should not be changed. (SETTING_CONSTRAINT_VIOLATION) (version 24.3.2.23 (official build))',
    "clickhouse_connect.driver.exceptions.DatabaseError: HTTPDriver for https://ch.internal:8443 returned response code 404)\n Code: 115. DB::Exception: Unknown setting async_insert_max_data_sizes: Maybe you meant ['async_insert_max_data_size']. (UNKNOWN_SETTING)",
    // Flink factory option validation
    'org.apache.flink.table.api.ValidationException: One or more required options are missing.\n\nMissing required options are:\n\ntopic',
    "org.apache.flink.table.api.ValidationException: Unsupported options found for 'kafka'.\n\nUnsupported options:\n\nscan.startup.mod",
    "java.lang.IllegalArgumentException: Could not parse value '10 sec' for key 'table.exec.mini-batch.allow-latency'.",
    // PyIceberg
    'ValueError: URI missing, please provide using --uri, the config or environment variable PYICEBERG_CATALOG__LAKE__URI',
    // SQLMesh CLI
    "Error: Invalid 'postgres' connection config:\n  Invalid field 'port':\n    Input should be a valid integer\n\nVerify your config.yaml and environment variables.",
    "Error: Config module '/srv/sqlmesh/config.py' was not found.",
    // DuckDB extensions
    'duckdb.duckdb.IOException: IO Error: Extension "/home/etl/.duckdb/extensions/v1.1.3/linux_arm64/spatal.duckdb_extension" not found.\n\nCandidate extensions: "spatial"',
    'IO Error: Extension "/opt/ext/h3.duckdb_extension" could not be loaded because its signature is either missing or invalid and unsigned extensions are disabled by configuration (allow_unsigned_extensions)',
  ])('classifies as a configuration error: %s', log => {
    expect(categoryOf(log)).toBe('config_error');
  });

  it.each([
    // Fusion diagnostics located in a model's SQL
    "error: dbt1501: Failed to render SQL invalid operation: 'dict object' has no attribute 'schema'\n  --> models/marts/fct_orders.sql:12:4",
    // the task's own request to the Airflow supervisor fails validation
    'ValidationError: 1 validation error for GetVariable\nkey\n  Input should be a valid string [type=string_type, input_value=None, input_type=NoneType]',
  ])('classifies as a code error: %s', log => {
    expect(categoryOf(log)).toBe('code_error');
  });

  it('keeps look-alikes out of the families', () => {
    // an extension download that failed on the network is not a configuration value
    expect(
      categoryOf(
        'IO Error: Failed to download extension "httpfs" at URL "http://extensions.duckdb.org/v1.1.3/linux_amd64/httpfs.duckdb_extension.gz"\nCandidate extensions: "https"\n(HTTP 503)',
      ),
    ).not.toBe('config_error');
    // a serde error on a record with no configuration context is not read as configuration
    expect(
      categoryOf(
        'ERROR sink{id=events}: failed to decode event: invalid type: string "abc", expected u64 at line 1 column 19',
      ),
    ).not.toBe('config_error');
    // a data file that is not JSON still reads as bad input
    expect(
      categoryOf(
        'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0) while reading s3://landing/partners/2024-05-01/orders.json',
      ),
    ).toBe('data_quality');
    // a Singer tap's discovery catalog that is not JSON is not read as bad data
    expect(
      categoryOf(
        'ELT could not be completed: Cannot start extractor: Catalog discovery failed: invalid catalog: Expecting value: line 1 column 1 (char 0)',
      ),
    ).not.toBe('data_quality');
  });

  it('never says safe to retry on these families, even on a later attempt', () => {
    const engine = createTriageEngine();
    for (const log of [
      "AirflowRuntimeError: CONNECTION_NOT_FOUND: {'conn_id': 'warehouse'}",
      "Code: 115. DB::Exception: Setting foo is neither a builtin setting nor started with the prefix 'custom_' registered for user-defined settings. (UNKNOWN_SETTING)",
      "Error: Invalid project config:\n  Invalid field 'gateways':\n    Field required\n\nVerify your config.yaml and environment variables.",
    ]) {
      const v = engine.triage({
        source: 'generic',
        job: { namespace: 'x', name: 'j', type: 'batch' },
        runId: 'r',
        eventTime: '2026-01-01T00:00:00Z',
        logExcerpt: log,
        signals: { attempt: 2, maxAttempts: 3 },
      } as never).verdict;
      expect(v.classification.category).toBe('config_error');
      expect(v.retry.safeToRetry).toBe(false);
    }
  });
});
