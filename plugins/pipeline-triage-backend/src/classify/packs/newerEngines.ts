import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/**
 * How newer versions and less common engines word failures that carry no code the vendor
 * tables read: Airflow 3's execution API, StarRocks and Doris messages sent under MySQL 1064,
 * DuckDB settings, dbt behaviour flags and SQLMesh audits.
 */
export const newerEnginesPack: RulePack = {
  name: 'newer-engines',
  origin: 'built-in',
  rules: [
    {
      // Airflow 3 Task SDK: the worker's supervisor reports the task's state to the API server,
      // which answers 409 {reason: invalid_state} when another component already moved the task
      // instance (a duplicate workload, an HA scheduler). The platform's state, not the task's
      // code or configuration; not a transient class (apache/airflow execution_api routes).
      id: 'airflow3-execution-api-invalid-state',
      category: 'infrastructure',
      description:
        "Airflow 3's execution API refused a task-state change (409 invalid_state)",
      patterns: [
        ci(
          '\'reason\': \'invalid_state\'|"reason":\\s*"invalid_state"|TI was not in (?:the|a) (?:running )?state',
        ),
      ],
      requires: [ci('execution/task-instances|airflow\\.sdk')],
      weight: 0.85,
      explains: ['config_error', 'code_error'],
    },
    {
      // Kafka broker/controller configuration checks: KafkaConfig.validateValues runs Scala
      // `require(...)` over the combined settings (process.roles, node.id,
      // controller.quorum.voters, listeners) and throws IllegalArgumentException "requirement
      // failed: ..." before the server or kafka-storage format starts (apache/kafka
      // core/src/main/scala/kafka/server/KafkaConfig.scala, validateValues).
      id: 'kafka-config-validate-values',
      category: 'config_error',
      description:
        "Kafka's configuration validation refused the broker/controller settings",
      patterns: [
        // The require messages name the settings they check.
        ci(
          'requirement failed: .{0,240}\\b(?:process\\.roles|controller\\.quorum\\.(?:voters|bootstrap\\.servers)|controller\\.listener\\.names|node\\.id|broker\\.id|advertised\\.listeners|inter\\.broker\\.listener\\.name|metadata\\.log\\.dir|log\\.dirs?)\\b',
        ),
        ci('kafka\\.server\\.KafkaConfig\\.validateValues\\b'),
      ],
      where: 'any',
      weight: 0.85,
      explains: ['code_error', 'infrastructure'],
    },
    {
      // Ray wraps an exception raised by the task's or actor's own code as
      // ray.exceptions.RayTaskError(<its class>) (Ray Core API, Exceptions: "Indicates that a
      // task threw an exception during execution"; the class name in brackets is the cause's).
      // A Python built-in program error there is the job's code failing, not Ray's
      // (system failures are separate classes: WorkerCrashedError, OutOfMemoryError, ...).
      id: 'ray-task-error-python-program-error',
      category: 'code_error',
      description:
        "a Ray task or actor raised a Python program error from the job's own code",
      patterns: [
        'RayTaskError\\((?:RuntimeError|ValueError|TypeError|KeyError|IndexError|AttributeError|NameError|UnboundLocalError|ZeroDivisionError|AssertionError|NotImplementedError|RecursionError)\\)',
      ],
      weight: 0.8,
    },
    {
      // Airflow 3 Task SDK error types (airflow.sdk.exceptions.ErrorType) reported by the API
      // server when a task looks up something that does not exist.
      id: 'airflow3-sdk-not-found',
      category: 'config_error',
      description:
        'a connection, variable, asset or DAG the task asks the Airflow API for does not exist',
      patterns: [
        'AirflowRuntimeError: (?:CONNECTION|VARIABLE|ASSET|ASSET_ALIAS|DAG|DAGRUN)_NOT_FOUND',
      ],
      weight: 0.75,
    },
    {
      // StarRocks / Doris memory limits arrive as MySQL 1064 with only the message.
      id: 'starrocks-memory-limit',
      category: 'resource_exhaustion',
      description:
        'a StarRocks or Doris backend, resource group or query memory limit',
      patterns: [
        ci(
          'Mem usage has exceed(?:ed)? the limit|Memory of [\\w-]+ exceed(?:ed)? limit|Memory limit exceeded.{0,40}(?:BE|backend)',
        ),
      ],
      weight: 0.85,
      explains: ['code_error'],
    },
    {
      // StarRocks "Too many versions. tablet_id: ..., version_count: N, limit: M" and Doris'
      // "too many versions": loads faster and smaller than compaction merges.
      id: 'olap-too-many-versions',
      category: 'small_file_pressure',
      description:
        'a StarRocks/Doris tablet has more versions than compaction keeps up with',
      patterns: [
        ci(
          'Too many versions\\. tablet_id|too many tablet versions|version count.{0,20}exceed',
        ),
      ],
      weight: 0.85,
      explains: ['code_error'],
    },
    {
      // Doris / StarRocks frontends: a tablet with no live replica (backends down or
      // replicas under recovery). The cluster's storage, not the load.
      id: 'olap-no-alive-replica',
      category: 'infrastructure',
      description: 'a StarRocks/Doris tablet has no healthy replica',
      patterns: [
        ci(
          'alive replica num \\d+ < quorum replica num|Failed to find enough (?:alive|host) (?:replicas|backends)',
        ),
      ],
      weight: 0.85,
    },
    {
      // DuckDB (and MotherDuck) settings that only apply when the database is opened; a profile
      // that sets them later fails at connection time.
      id: 'setting-only-at-initialization',
      category: 'config_error',
      description:
        'a database setting that can only be set when the database is opened',
      patterns: [
        ci(
          "setting '[^']+' can only be set (?:during|at) (?:initialization|startup)|cannot be changed (?:after|without restarting)",
        ),
      ],
      weight: 0.85,
    },
    {
      // dbt adapters read behaviour flags that the installed dbt-core registers; a mismatch of
      // dbt-core and adapter versions reports the flag as unregistered.
      id: 'dbt-behaviour-flag-unregistered',
      category: 'config_error',
      description:
        'a dbt behaviour flag the adapter reads is not registered by the installed dbt-core',
      patterns: [ci('The flag \\w+ has not be(?:en)? registered')],
      weight: 0.85,
      explains: ['code_error'],
    },
    {
      // The BigQuery Storage Write API's schema check, as clients print it without the Java
      // exception class (Python InvalidArgument, Go status text).
      id: 'bq-storage-write-schema-mismatch',
      category: 'schema_drift',
      description:
        'rows sent to the BigQuery Storage Write API do not match the table schema',
      patterns: [
        ci(
          'Input schema has more fields than BigQuery schema|Input schema has (?:a |an )?(?:different|incompatible) type|required field .{0,80} is missing in the input',
        ),
      ],
      weight: 0.85,
      explains: ['config_error', 'code_error'],
    },
    {
      // PostgreSQL's max_replication_slots is a configured limit (SQLSTATE 53400,
      // configuration_limit_exceeded); CDC tools hit it when they add a slot.
      id: 'postgres-replication-slots-exhausted',
      category: 'resource_exhaustion',
      description:
        "all of PostgreSQL's replication slots (or WAL senders) are taken",
      patterns: [
        ci(
          'all replication slots are in use|number of requested standby connections exceeds max_wal_senders',
        ),
      ],
      weight: 0.85,
    },
    {
      // AWS IAM Identity Center sessions of a CLI profile expire; the SDK then cannot sign.
      id: 'aws-sso-session-expired',
      category: 'permission',
      description:
        'the AWS SSO (IAM Identity Center) session of the profile expired',
      patterns: [
        ci(
          'The SSO session associated with this profile has expired|SSO Token .{0,40}(?:expired|invalid)|Token has expired and refresh failed',
        ),
      ],
      weight: 0.85,
      explains: ['config_error'],
    },
    {
      // SQLMesh prints failed audits without the exception class in `sqlmesh audit`.
      id: 'sqlmesh-audit-failure',
      category: 'data_quality',
      description: 'a SQLMesh audit returned violating rows',
      patterns: [
        ci("Failure in audit \\w+|Audit '[^']+' for model '[^']+' failed"),
      ],
      weight: 0.8,
    },
    // pw6: messages of ingest APIs and runners that name their cause exactly.
    {
      // InfluxDB rejects points whose field type differs from the type already stored for that
      // field in the shard ("field type conflict: input field \"x\" on measurement \"m\" is type
      // string, already exists as type integer"); the data's shape changed (InfluxDB write docs).
      id: 'influxdb-field-type-conflict',
      category: 'schema_drift',
      description:
        'InfluxDB refused points whose field type differs from the stored type',
      patterns: [
        'field type conflict: input field .{1,300} is type \\w+, already exists as type \\w+',
      ],
      weight: 0.85,
      explains: ['config_error', 'data_quality'],
    },
    {
      // BigQuery Storage Write API: ALREADY_EXISTS on an append with an explicit offset means
      // the offset was already written; Google's exactly-once guidance is to treat it as an
      // acknowledgement, so a writer that fails on it mishandles the answer.
      id: 'bigquery-storage-write-offset-already-exists',
      category: 'code_error',
      description:
        'a Storage Write API client failed on ALREADY_EXISTS for an offset it had already written',
      patterns: [
        'ALREADY_EXISTS: The offset is within stream|\\bOFFSET_ALREADY_EXISTS\\b',
      ],
      weight: 0.75,
      explains: ['dependency_unavailable', 'config_error'],
    },
    {
      // Hadoop Streaming: the user's mapper or reducer program exited non-zero
      // (PipeMapRed.waitOutputThreads). Exit 137/143 are kills, read by the memory rules.
      id: 'hadoop-streaming-subprocess-failed',
      category: 'code_error',
      description:
        'a Hadoop Streaming mapper or reducer program exited with an error',
      patterns: [
        'PipeMapRed\\.waitOutputThreads\\(\\): subprocess failed with code (?!137\\b|143\\b)\\d+',
      ],
      weight: 0.75,
    },
  ],
};
