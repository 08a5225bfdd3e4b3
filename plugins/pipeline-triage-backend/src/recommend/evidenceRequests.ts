import type { Platform } from './platforms';

/** What a request may refer to: ids read from the log (stage, query, job, run). */
export interface RequestIds {
  stage?: string;
  queryId?: string;
  bqJob?: string;
  glueRun?: string;
  pod?: string;
  model?: string;
  task?: string;
  exitCode?: number;
}

/**
 * Attachments and signals that settle an abstention, as data keyed by platform (or by a
 * missing signal). `ask` is written to the person who can fetch it; ids found in the log fill
 * it in, and a missing id reads as a placeholder.
 */
export interface EvidenceRequest {
  id: string;
  platforms?: Platform[];
  /** Only when this holds (e.g. an exit code without a reason). */
  when?: (ids: RequestIds, platforms: Set<Platform>) => boolean;
  ask: (ids: RequestIds) => string;
  why: string;
}

const or = (value: string | undefined, placeholder: string) =>
  value ?? placeholder;

export const EVIDENCE_REQUESTS: EvidenceRequest[] = [
  {
    id: 'spark-executor-logs',
    platforms: ['spark', 'databricks', 'emr', 'glue'],
    ask: ids =>
      `send the executor logs (stderr) of stage ${or(
        ids.stage,
        'N',
      )}, not only the driver's "Job aborted" line`,
    why: 'the executor log holds the task exception that the driver only wraps',
  },
  {
    id: 'spark-stage-task-figures',
    platforms: ['spark', 'databricks', 'emr', 'glue'],
    ask: ids =>
      `add the task figures of stage ${or(
        ids.stage,
        'N',
      )} from the Spark UI (max and median task input bytes and duration) as signals`,
    why: 'they tell skew and small files apart from a job that is simply too big for its memory',
  },
  {
    id: 'redshift-load-errors',
    platforms: ['redshift'],
    ask: ids =>
      `attach stl_load_errors for query ${or(
        ids.queryId,
        'Q',
      )} (select * from stl_load_errors where query = ${or(ids.queryId, 'Q')})`,
    why: 'COPY reports only "check stl_load_errors"; the table names the column, the value and the reason',
  },
  {
    id: 'snowflake-query-history',
    platforms: ['snowflake'],
    ask: ids =>
      `attach the error of query ${or(
        ids.queryId,
        '<query id>',
      )} from INFORMATION_SCHEMA.QUERY_HISTORY (error_code, error_message)`,
    why: 'the vendor code and SQLSTATE classify the failure',
  },
  {
    id: 'bigquery-job-errors',
    platforms: ['bigquery'],
    ask: ids =>
      `attach the errors[] of BigQuery job ${or(
        ids.bqJob,
        '<job id>',
      )} (bq show --format=prettyjson -j ${or(ids.bqJob, '<job id>')})`,
    why: 'each error carries a reason (backendError, quotaExceeded, invalid ...) that decides the category and the retry',
  },
  {
    id: 'glue-error-log',
    platforms: ['glue'],
    ask: ids =>
      `attach the CloudWatch log stream /aws-glue/jobs/error of run ${or(
        ids.glueRun,
        '<JobRunId>',
      )}`,
    why: 'Glue\'s "Command failed with exit code 1" hides the Python or Spark exception that is in that stream',
  },
  {
    id: 'dbt-artifacts',
    platforms: ['dbt'],
    ask: ids =>
      `attach target/run_results.json and logs/dbt.log${
        ids.model ? ` (model ${ids.model})` : ''
      }`,
    why: "the adapter's database error and the compiled SQL are there, not in the summary line",
  },
  {
    id: 'airflow-full-task-log',
    platforms: ['airflow'],
    ask: ids =>
      `send the full task log of the failed try${
        ids.task ? ` of ${ids.task}` : ''
      }, from "Starting attempt" to "Marking task as FAILED"`,
    why: 'the callback message holds only the last line; the traceback above it names the error',
  },
  {
    id: 'pod-last-state',
    platforms: ['kubernetes'],
    ask: ids =>
      `attach kubectl describe pod ${or(
        ids.pod,
        '<pod>',
      )}: the container's last state (reason, exit code) and the events`,
    why: 'OOMKilled, Evicted and a node shutdown all end in an exit code; the pod status says which',
  },
  {
    id: 'exit-code-reason',
    when: ids => ids.exitCode !== undefined,
    ask: ids =>
      `send the stderr of the process that exited with code ${ids.exitCode}, or the orchestrator's reason for it`,
    why: 'an exit code alone says that the process failed, not why',
  },
  {
    id: 'kafka-client-log',
    platforms: ['kafka', 'flink'],
    ask: () =>
      'attach the client log around the failure with the broker error code (e.g. NOT_ENOUGH_REPLICAS, TOPIC_AUTHORIZATION_FAILED)',
    why: "the broker's error code classifies it; the wrapper exception does not",
  },
  {
    id: 'write-signals',
    ask: () => 'add rowsWritten or commitsDuringRun to the event signals',
    why: 'they decide whether a rerun can duplicate output, which a retry verdict needs',
  },
];
