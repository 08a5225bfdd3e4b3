import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/**
 * Placeholders a path can still hold when nothing filled it: Jinja and shell-style templates,
 * named single-brace tokens, strftime directives, Firehose `!{...}` expressions and spelled-out
 * date patterns. A storage object is never named like that by its producer, so a wait or a read
 * on such a path can never succeed. Shared by the rule below and its deterministic sign.
 */
export const UNFILLED_PATH_PLACEHOLDER = String.raw`(?:s3a?|gs|abfss?|wasbs?|hdfs|file|dbfs):\/\/\S*?(?:\{\{[^{}\n]{1,60}\}\}|\$\{[A-Za-z_][\w.]*\}|\{(?:year|month|day|hour|minute|date|ds|ds_nodash|ts|dt|yyyy|YYYY|yy|MM|dd|DD|HH|hh|mm|yyyyMMdd|YYYYMMDD|yyyy-MM-dd|YYYY-MM-DD)\}|%[YmdHMjyb](?=[/_.=\-%]|$|\s)|!\{(?:timestamp|firehose):[^}]*\}|[/=_](?:yyyy|YYYY)[-/_]?MM[-/_]?(?:dd|DD)(?=[/_.\s]|$))`;

/**
 * Waits, data checks and file layouts, read from the wording each tool uses for its own
 * outcome. Each rule names the tool documentation or public report it follows.
 */
export const waitsChecksFilesPack: RulePack = {
  name: 'waits-checks-files',
  origin: 'built-in',
  rules: [
    // Freshness and sensor failures that no wait can satisfy (thin6). dbt documents
    // `freshness: null` as the way to switch a table's check off; an empty block `{}` inherits
    // the source default instead, so a never-reloaded table keeps failing as stale
    // (dbt-labs/dbt-core#2945; docs.getdbt.com "resource-properties/freshness").
    {
      id: 'freshness-empty-override-inherits-default',
      category: 'config_error',
      description:
        'a freshness failure on a table whose override is an empty block, which dbt reads as the source default rather than "off"',
      patterns: [
        'ERROR STALE|\\bSTALE\\b|freshness[^\\n]{0,40}\\b(?:error|fail)',
      ],
      requires: ['\\bfreshness:\\s*\\{\\s*\\}'],
      where: 'any',
      weight: 0.95,
      explains: ['source_delay'],
    },
    // dbt's freshness result carries the source's age (`max_loaded_at_time_ago_in_s` in
    // sources.json; "last updated N days ago" in dbt Fusion's console line,
    // dbt-labs/dbt-core#12813). A source not loaded for 30 days or more is not late: it is
    // retired or disconnected, and re-running the check cannot make it fresh.
    {
      id: 'freshness-source-abandoned-for-weeks',
      category: 'config_error',
      description:
        'the stale source has not been loaded for 30 days or more, so the freshness failure is not a delay',
      patterns: [
        'ERROR STALE|\\bSTALE\\b|Warned|freshness[^\\n]{0,40}\\b(?:error|fail)',
      ],
      requires: [
        'max_loaded_at_time_ago_in_s["\\\']?\\s*[:=]\\s*(?:2[6-9]\\d{5}|[3-9]\\d{6}|\\d{8,})(?:\\.\\d+)?\\b|last updated (?:[3-9]\\d|\\d{3,}) days ago',
      ],
      where: 'any',
      weight: 0.97,
      explains: ['source_delay'],
    },
    // Airflow's ExternalTaskSensor with check_existence=True says when the awaited DAG or task
    // is not defined at all (airflow/providers/standard/sensors/external_task.py: "The external
    // DAG ... does not exist.", "The external task ... in DAG ... does not exist."): a wrong
    // dag_id/task_id, never a late upstream.
    {
      id: 'external-sensor-target-not-defined',
      category: 'config_error',
      description:
        'the external DAG or task the sensor waits for is not defined',
      patterns: [
        'The external (?:DAG \\S+|task \\S+ in DAG \\S+|task_group \\S+ in DAG \\S+) does not exist',
      ],
      weight: 0.95,
      explains: ['source_delay'],
    },
    // A sensor or a read on a path that still holds a placeholder waits for an object no
    // producer writes: a configuration error that looks like a late file (Airflow templating,
    // apache/airflow#28272; Firehose keeps only !{...} expressions, AWS Firehose "Custom
    // prefixes"; strftime tokens are filled by the shipper, not by the reader).
    {
      id: 'wait-on-unfilled-path',
      category: 'config_error',
      description:
        'the awaited or read path still holds an unfilled placeholder, so it can never exist',
      // The failure line (timeout, not found) is the match; the placeholder may sit on any
      // other line, such as the sensor's poke.
      patterns: [
        ci(
          'AirflowSensorTimeout|Sensor has timed out|Time is OUT|TaskDeferralTimeout|\\btimed? ?out\\b|does not exist|not found|NoSuchKey|No such file|FileNotFound|\\b404\\b',
        ),
      ],
      requires: [UNFILLED_PATH_PLACEHOLDER],
      weight: 0.95,
      explains: ['source_delay', 'dependency_unavailable'],
    },
    // Airflow re-raises a deferred sensor's trigger timeout (TaskDeferralTimeout) as the sensor
    // timeout (apache/airflow#33718); some versions and operators surface the deferral timeout
    // itself. In a sensor task it is the same late-input signal.
    {
      id: 'deferred-sensor-timeout',
      category: 'source_delay',
      description: 'a deferred sensor reached its timeout waiting for input',
      patterns: [
        'TaskDeferralTimeout|Trigger/execution timeout|Trigger cancelled due to timeout',
      ],
      where: 'any',
      requires: ['Task\\(\\w*Sensor\\w*\\)|Poking for|Sensor has timed out'],
      weight: 0.9,
      explains: ['dependency_unavailable'],
    },
    // ExternalTaskSensor reporting the upstream's state as still running: late, not failed.
    {
      id: 'external-upstream-still-running',
      category: 'source_delay',
      description: 'the awaited upstream run is still in progress',
      patterns: [
        ci(
          "current states?: \\{'(?:running|queued|scheduled|up_for_retry|deferred)'|upstream (?:run|task|dag) .{0,60}\\bis still (?:running|queued)",
        ),
      ],
      where: 'any',
      weight: 0.55,
    },
    // Soda Core's own scan outcome (docs.soda.io "Scan output", sodadata/soda-core#2301): failed
    // checks in the summary, with the scan itself free of runtime errors.
    {
      id: 'soda-checks-failed',
      category: 'data_quality',
      description: 'Soda scan checks failed on the data',
      patterns: [
        '\\|\\s*Failed\\s*\\|\\s*[1-9]\\d*\\s*\\||\\b\\d+/\\d+ checks? FAILED\\b|Oops! [1-9]\\d* failures?\\.|❌ FAILED|\\[FAILED\\]',
      ],
      where: 'any',
      requires: [ci('\\bsoda\\b|Scan summary')],
      unless: ['\\|\\s*Runtime Errors\\s*\\|\\s*[1-9]'],
      weight: 0.9,
      explains: ['code_error'],
    },
    // PyIceberg refuses an append whose Arrow schema differs from the table's
    // (apache/iceberg-python#41); Iceberg Java's write check says the same.
    {
      id: 'iceberg-write-schema-mismatch',
      category: 'schema_drift',
      description: "the written data's schema does not match the Iceberg table",
      patterns: [
        ci(
          'Mismatch in fields:|Table schema does not match schema used to create file|Cannot write incompatible dataset to table with schema|Cannot safely cast \\S+ \\S+ to \\S+',
        ),
      ],
      where: 'any',
      weight: 0.9,
      explains: ['code_error'],
    },
    // parquet-avro's converter for the file's physical type receiving the reader's promoted type
    // (apache/hudi#3558: int promoted to double) fails with an unsupported add<Type>.
    {
      id: 'parquet-avro-converter-type-mismatch',
      category: 'schema_drift',
      description:
        "a Parquet file's column type differs from the reader's schema",
      patterns: [
        'UnsupportedOperationException: org\\.apache\\.parquet\\.avro\\.AvroConverters\\$Field\\w+Converter|PrimitiveConverter\\.add(?:Int|Long|Float|Double|Boolean|Binary)\\(',
      ],
      where: 'any',
      weight: 0.85,
      explains: ['code_error'],
    },
    // A run that times out while its own figures show tiny files or tens of thousands of
    // partitions: the layout, not a dependency, made it slow (parquet4s#358, apache/hudi#2269).
    {
      id: 'timeout-over-tiny-files',
      category: 'small_file_pressure',
      description:
        'the run ran out of time over a layout of tiny files or very many partitions',
      patterns: [
        ci(
          '\\btimed? ?out\\b|\\btimeout\\b|TimeoutException|exceeded (?:its|the)?\\s?\\S*\\s?(?:timeout|runtime|time limit)|SparkContext was shut down',
        ),
      ],
      where: 'any',
      requires: [
        ci(
          '\\((?:avg|average|median) \\d+(?:\\.\\d+)? ?(?:bytes|B|KB|KiB)\\)|(?:avg|average|median)(?: file)?(?: size)? \\d+(?:\\.\\d+)? ?(?:KB|KiB)\\b|NumFiles=\\d{4,}|\\b(?:listed|listing|across|over) (?:\\d{5,}|\\d{2,3},\\d{3}) partition(?:s| paths| folders)\\b',
        ),
      ],
      // A partition count in a setting is not a layout figure.
      unless: ['\\bspark\\.sql\\.shuffle\\.partitions\\b'],
      weight: 0.85,
      explains: ['dependency_unavailable', 'infrastructure'],
    },
    // Airbyte CDK: the saved catalog selects a stream the source no longer has (renamed or
    // removed by a connector upgrade; airbytehq/airbyte#12410).
    {
      id: 'configured-stream-missing-from-source',
      category: 'config_error',
      description:
        'the configured catalog names a stream the source does not have',
      patterns: [
        ci(
          'requested stream \\S+ was not found in the source|stream \\S+ (?:is )?not (?:found|available) in the (?:source|catalog)',
        ),
      ],
      where: 'any',
      weight: 0.9,
      explains: ['code_error'],
    },
  ],
};
