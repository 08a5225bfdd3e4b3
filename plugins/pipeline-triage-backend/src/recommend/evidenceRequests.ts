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
  /** An option, setting, placeholder or environment variable the error names. */
  setting?: string;
  /** A configuration file the error names. */
  configFile?: string;
  /** A module, class, driver or plugin the error could not find. */
  missingName?: string;
  /** The error is a linkage or version mismatch between libraries or runtimes. */
  versionMismatch?: boolean;
  /** A bucket the error names, for redirect/not-found/invalid-name errors. */
  bucket?: string;
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
  // Configuration families: what tells a missing or wrong setting from a bug in the job.
  {
    id: 'job-parameters-as-run',
    when: ids => ids.setting !== undefined,
    ask: ids =>
      `attach the job's configuration and parameters as run, with the resolved value of ${ids.setting} (job arguments, --conf/spark-defaults, environment, connection and variable values)`,
    why: 'the error names a setting: the values the run received tell a missing or wrong setting (config_error) from code that reads it wrongly (code_error)',
  },
  {
    id: 'config-file-as-deployed',
    when: ids => ids.configFile !== undefined,
    ask: ids =>
      `attach ${ids.configFile} as deployed for this run (the file the job read, not the repository copy)`,
    why: 'the error points at a configuration file; its deployed content shows whether the file itself is broken',
  },
  {
    id: 'environment-packages',
    when: ids => ids.missingName !== undefined,
    ask: ids =>
      `attach the run's installed packages or classpath (pip freeze, --jars/--packages, cluster libraries, plugin.path) and say whether ${ids.missingName} is a third-party package or the job's own module`,
    why: 'a missing third-party module, driver or plugin is an environment gap (config_error); a missing module of the job itself is a code bug',
  },
  {
    id: 'runtime-versions',
    when: ids => ids.versionMismatch === true,
    ask: () =>
      'send the runtime and library versions of the run (Spark and Scala, Python, Java, and the connector jars or wheels with their versions)',
    why: 'a linkage error between libraries is a version mismatch in the environment unless the job shipped the wrong build',
  },
  {
    id: 'storage-location-settings',
    when: ids => ids.bucket !== undefined,
    ask: ids =>
      `attach the storage settings the run used for bucket ${ids.bucket} (endpoint, region, path style) and the bucket's actual region`,
    why: 'a redirect, invalid-name or not-found error on a bucket is a wrong endpoint, region or name unless the object is merely late',
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
