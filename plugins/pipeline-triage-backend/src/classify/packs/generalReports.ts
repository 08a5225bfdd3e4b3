import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/**
 * Families met in an unbiased sample of public failure reports (the first hits of generic
 * "job failed" searches per tool, issue 17). Each rule reads how the tool itself words the
 * failure and names the document that defines that wording.
 */
export const generalReportsPack: RulePack = {
  name: 'general-reports',
  origin: 'built-in',
  rules: [
    // PySpark starts one Python worker per task and waits for it to connect back on a local
    // socket; a worker that never connects means the interpreter it was told to start is
    // missing or broken (PYSPARK_PYTHON, Spark "Python package management" and the PySpark
    // debugging guide). The "Accept timed out" under it is the local socket, not a remote
    // service, so it explains the network reading away.
    {
      id: 'pyspark-worker-connect-back',
      category: 'config_error',
      description:
        'Spark could not start its Python worker (interpreter or environment setup)',
      patterns: ['Python worker failed to connect back'],
      where: 'chain',
      weight: 0.85,
      explains: ['dependency_unavailable', 'infrastructure'],
    },
    // Run parameters refused by the orchestrator before the run starts: Prefect validates flow
    // parameters against the signature (Prefect "Flows: parameters", ParameterTypeError); the
    // words "validation failed" are about the run's inputs, not about data.
    {
      id: 'orchestrator-run-parameters-invalid',
      category: 'config_error',
      description: 'the run was started with parameters its definition refuses',
      patterns: [
        'Parameter validation failed for flow|Flow run received invalid parameters|\\bParameterTypeError\\b|Validation of flow parameters failed',
      ],
      where: 'any',
      weight: 0.9,
      explains: ['data_quality'],
    },
    // PostgreSQL SQLSTATE 2BP01 dependent_objects_still_exist (PostgreSQL "Appendix A. Error
    // Codes"): a DROP that other objects depend on fails the same way every time; the SQL
    // (a hook, a migration) must change.
    {
      id: 'sql-drop-dependent-objects',
      category: 'code_error',
      description: 'a DROP refused because other objects depend on it',
      patterns: [
        ci(
          'cannot drop (?:table|view|materialized view|schema|column|function|type|sequence) \\S+ because other objects depend on it|dependent_objects_still_exist',
        ),
      ],
      where: 'any',
      weight: 0.85,
    },
    // Hive's DDL check: a CREATE TABLE whose column list came out empty (schema inference over
    // an input that yielded no columns). Hive HiveException "at least one column must be
    // specified for the table" (Hive DDLTask); the statement the job built is invalid.
    {
      id: 'hive-create-table-without-columns',
      category: 'code_error',
      description: 'the job built a CREATE TABLE without any column',
      patterns: ['at least one column must be specified for the table'],
      where: 'any',
      weight: 0.8,
    },
    // A streaming insert refused for a field the table lacks, after the sink's own schema update
    // did not take: BigQuery "no such field" (BigQuery "Error messages": invalid, for insertAll
    // rows) and the Kafka Connect BigQuery sink's "Failed to write rows after BQ schema update".
    {
      id: 'bigquery-sink-schema-update-failed',
      category: 'schema_drift',
      description:
        'records carry fields the destination table lacks and the schema update did not apply',
      patterns: [
        ci(
          'Failed to write rows after BQ schema update|invalid schema: no such field|no such field: \\w+',
        ),
      ],
      where: 'any',
      weight: 0.85,
    },
    // Jackson's parser error inside a task that reads records is a message or payload that is
    // not valid JSON (Jackson JsonParseException javadoc); a configuration file that fails to
    // parse names the file, which this leaves out.
    {
      id: 'json-record-unparseable',
      category: 'data_quality',
      description: 'a record is not valid JSON',
      patterns: [
        'JsonParseException: (?:Unexpected character|Unexpected end-of-input|Unrecognized token|Illegal unquoted character)',
      ],
      // Any error line: Kafka Connect prints its "Task is being killed" line after the cause.
      where: 'error',
      // A '<' where JSON should start is an HTML error page from a proxy or an API, not a record.
      unless: [
        ci('config(?:uration)? file|settings file|\\.(?:json|conf) file'),
        "Unexpected character \\('<'|text/html|<!DOCTYPE|<html",
      ],
      weight: 0.75,
    },
    // Debezium reads the DDL in the binlog to keep its table schemas; when its parser or its
    // default-value converter throws on a statement, the connector has a parsing bug for that
    // DDL, and restarting replays the same event (Debezium MySQL connector "Schema history",
    // DdlParser / MySqlDefaultValueConverter). The number error is the parser's, not a value's.
    {
      id: 'cdc-ddl-parser-failure',
      category: 'code_error',
      description:
        "the CDC connector's DDL parser failed on a schema statement in the log",
      patterns: ['Error processing binlog event|Error processing DDL'],
      where: 'any',
      // Stack frames are not read by `requires`: the parser's own exceptions are.
      requires: ['NumberFormatException|ParsingException|DdlParserException'],
      weight: 0.85,
      explains: ['data_quality'],
    },
    // AWS Glue's job-run ErrorMessage for a run whose definition it refuses (a retired Glue
    // version, a command and worker type that do not fit): "Internal service error: Invalid
    // Input Provided" (AWS Glue "Troubleshooting errors in AWS Glue"; AWS Glue version support
    // policy). The input is invalid, so the same definition fails every time.
    {
      id: 'glue-run-invalid-input',
      category: 'config_error',
      description: 'Glue refused the job run definition',
      patterns: [ci('Invalid Input Provided')],
      where: 'any',
      weight: 0.8,
    },
    // EPIPE while a process writes its own log output: the reader of that output (the shell,
    // the orchestrator's pod logger) went away, so the platform running the job failed, not a
    // remote service (Python "Note on SIGPIPE" in the signal module docs: BrokenPipeError when
    // the pipe's reader closes).
    {
      id: 'output-pipe-reader-gone',
      category: 'infrastructure',
      description:
        'the process lost the reader of its own output (broken pipe while logging)',
      patterns: ['BrokenPipeError|Broken pipe'],
      where: 'any',
      requires: [
        'output_logger|redirect_logging|/logging/|sys\\.stdout\\.(?:write|flush)',
      ],
      weight: 0.85,
      explains: ['dependency_unavailable'],
    },
    // Airflow's execution_timeout firing while the task waits on one SQL statement: the
    // statement outgrew the task's time budget (Airflow "Tasks: timeouts"); that is the work's
    // size against a limit, not a dependency that stopped answering.
    {
      id: 'airflow-timeout-during-sql-statement',
      category: 'resource_exhaustion',
      description: "a SQL statement outran the task's execution timeout",
      patterns: ['AirflowTaskTimeout'],
      where: 'any',
      requires: [
        'Running statement: |\\bcur(?:sor)?\\.execute\\(|\\bhook\\.run\\(|_run_command',
      ],
      weight: 0.6,
      explains: ['dependency_unavailable'],
    },
  ],
};
