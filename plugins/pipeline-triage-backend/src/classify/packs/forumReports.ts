import type { RulePack } from '../ruleTypes';

/**
 * Families met in an unbiased sample of Q&A, forum and blog failure reports (issue 17, random6).
 * Each rule reads how the tool itself words the failure and names the document that defines it.
 */
export const forumReportsPack: RulePack = {
  name: 'forum-reports',
  origin: 'built-in',
  rules: [
    // Spark executors exit with SparkExitCode.OOM = 52 when their uncaught-exception handler
    // sees an OutOfMemoryError (core/src/main/scala/org/apache/spark/util/SparkExitCode.scala).
    // YARN still words the loss "Container from a bad node", which is not a host fault here.
    {
      id: 'spark-executor-exit-52-oom',
      category: 'resource_exhaustion',
      description: 'executor exited with Spark exit code 52 (OutOfMemoryError)',
      patterns: [
        'Exit status: 52\\b|Exit code: 52\\b|exited with a non-zero exit code 52\\b',
      ],
      weight: 0.95,
      explains: ['infrastructure'],
    },
    // Flink's MemoryStateBackend caps each snapshot (5 MB by default) and says to choose another
    // backend (Flink docs "State Backends": MemoryStateBackend maxStateSize). A backend choice.
    {
      id: 'flink-memory-state-backend-limit',
      category: 'config_error',
      description: 'state larger than the memory state backend allows',
      patterns: [
        'Size of the state is larger than the maximum permitted memory-backed state',
      ],
      weight: 0.95,
      explains: ['infrastructure', 'resource_exhaustion'],
    },
    // Trino fault-tolerant execution: with retry-policy set, a connector without support fails
    // with "This connector does not support query retries" (Trino docs, "Fault-tolerant execution").
    {
      id: 'trino-connector-no-query-retries',
      category: 'config_error',
      description:
        'retry-policy set for a connector without fault-tolerant support',
      patterns: ['This connector does not support query retries'],
      weight: 0.95,
      explains: ['code_error'],
    },
    // Prefect clients default to a local server; "Failed to connect to server at
    // http://127.0.0.1:4200/api" means PREFECT_API_URL is unset or the local server is not running
    // (Prefect docs "Settings": PREFECT_API_URL; "Self-host a Prefect server"). Not a remote outage.
    {
      id: 'prefect-api-url-localhost-refused',
      category: 'config_error',
      description:
        'Prefect client pointed at a local API server that is not running',
      patterns: [
        'Failed to connect to server at https?://(?:127\\.0\\.0\\.1|localhost|0\\.0\\.0\\.0):4200',
      ],
      weight: 0.95,
      explains: ['dependency_unavailable', 'infrastructure'],
    },
    // Airflow's KubernetesExecutor words a worker pod that died before its task started as
    // "finished (failed) although the task says it's queued" (Airflow docs "Troubleshooting: task
    // state changed externally"); when the same log shows the pod failing to import the DAG, the
    // import error is the cause (an image out of step with the DAGs) and the executor line a wrapper.
    {
      id: 'airflow-queued-worker-import-failure',
      category: 'config_error',
      description:
        'worker pod failed importing the DAG before the task started',
      patterns: ['ImportError: cannot import name'],
      requires: ['although the task says it'],
      weight: 0.9,
      explains: ['infrastructure'],
    },
  ],
};
