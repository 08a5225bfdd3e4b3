import { WORD_MODEL_RULE } from '@pipeline-triage/plugin-pipeline-triage-common';
import { extractEvidence } from '../../evidence';
import { findTransientCause } from '../../policy/transientCause';
import { classify } from '../classify';

const verdictOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log }));
const categoryOf = (log: string) => verdictOf(log).category;

/**
 * Families from an unbiased sample of public failure reports (issue 17): each message is worded
 * unlike the corpus cases that led to the rule.
 */
describe('failures from generic report searches', () => {
  it.each([
    [
      'org.apache.spark.SparkException: Python worker failed to connect back.\nCaused by: java.net.SocketTimeoutException: Accept timed out',
      'config_error',
    ],
    [
      'prefect.exceptions.ParameterTypeError: Flow run received invalid parameters:\n - start_date: Input should be a valid date, invalid character in year',
      'config_error',
    ],
    [
      'ERROR:  cannot drop view reporting.v_daily because other objects depend on it\nDETAIL:  materialized view reporting.mv_weekly depends on view reporting.v_daily',
      'code_error',
    ],
    [
      'Error while compiling statement: FAILED: Execution Error, return code 1 from org.apache.hadoop.hive.ql.exec.DDLTask. org.apache.hadoop.hive.ql.metadata.HiveException: at least one column must be specified for the table',
      'code_error',
    ],
    [
      'WARN Insert failed with invalid schema: no such field: loyalty_tier; retrying after schema update',
      'schema_drift',
    ],
    [
      "Caused by: com.fasterxml.jackson.core.JsonParseException: Unrecognized token 'NaNx': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
      'data_quality',
    ],
    [
      "Caused by: io.debezium.DebeziumException: Error processing binlog event\nCaused by: io.debezium.text.ParsingException: no viable alternative at input 'ALTER TABLE `orders` ADD COLUMN'",
      'code_error',
    ],
    [
      '"JobRunState": "FAILED", "ErrorMessage": "Internal service error: Invalid Input Provided", "GlueVersion": "1.0"',
      'config_error',
    ],
  ])('%s -> %s', (log, expected) => {
    expect(categoryOf(log)).toBe(expected);
  });

  it('leaves an HTML error page read as JSON to the other rules', () => {
    const v = verdictOf(
      "Caused by: com.fasterxml.jackson.core.JsonParseException: Unexpected character ('<' (code 60)): expected a valid value",
    );
    // No rule claims it as bad data (the word model's lead, below the retry floor, may).
    expect(v.category === 'data_quality' ? v.rules : [WORD_MODEL_RULE]).toEqual(
      [WORD_MODEL_RULE],
    );
  });

  it('reads an Airflow timeout during a SQL statement as work outgrowing its budget', () => {
    const log = [
      'INFO - Running statement: INSERT INTO mart.sessions SELECT * FROM staging.sessions_load, parameters: None',
      'ERROR - Process timed out, PID: 2211',
      'airflow.exceptions.AirflowTaskTimeout: Timeout, PID: 2211',
    ].join('\n');
    expect(categoryOf(log)).toBe('resource_exhaustion');
    // Without a statement in flight, the timeout keeps its old reading.
    expect(
      categoryOf('airflow.exceptions.AirflowTaskTimeout: Timeout, PID: 2211'),
    ).not.toBe('resource_exhaustion');
  });

  it('does not read a Flink server-side exception as an HTTP outage', () => {
    const log =
      'Caused by: org.apache.flink.runtime.rest.util.RestClientException: [Internal server error., <Exception on server side:\norg.apache.flink.runtime.client.JobSubmissionException: Failed to submit job.\nEnd of exception on server side>]';
    expect(categoryOf(log)).not.toBe('dependency_unavailable');
  });

  it("takes BigQuery's own retry advice as a transient cause", () => {
    const ev = extractEvidence({
      logExcerpt:
        'google.api_core.exceptions.BadRequest: 400 The job encountered an error during execution. Retrying the job may solve the problem.',
    });
    const verdict = classify(ev);
    expect(verdict.category).toBe('dependency_unavailable');
    expect(findTransientCause(ev, verdict.category)?.classId).toBe(
      'google-api-retryable-reason',
    );
  });

  it('does not take an undated empty input for late data', () => {
    const undated = extractEvidence({
      logExcerpt:
        'pyspark.sql.utils.AnalysisException: Unable to infer schema for CSV. It must be specified manually.',
    });
    expect(findTransientCause(undated, 'source_delay')).toBeUndefined();
    const dated = extractEvidence({
      logExcerpt:
        'reading s3://pos-export/sales/ingest_date=2026-07-02/\npyspark.sql.utils.AnalysisException: Unable to infer schema for Parquet. It must be specified manually.',
    });
    expect(findTransientCause(dated, 'source_delay')?.classId).toBe(
      'upstream-not-landed',
    );
  });
});
