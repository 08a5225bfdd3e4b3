import type { Platform } from './platforms';

/** A diagnostic command an engineer can run as-is once placeholders are filled. */
export interface CommandTemplate {
  label: string;
  command: string;
  /** Shown only when one of these platforms is involved. */
  platforms: Platform[];
}

export const COMMANDS = {
  airflowStates: {
    label: 'Task states of the failed DAG run',
    command: 'airflow tasks states-for-dag-run {dagId} {runId}',
    platforms: ['airflow'],
  },
  airflowTest: {
    label: 'Re-run the task locally without recording state',
    command: 'airflow tasks test {dagId} {taskId} {logicalDate}',
    platforms: ['airflow'],
  },
  airflowConnection: {
    label: 'Check the Airflow connection',
    command: 'airflow connections get {connId}',
    platforms: ['airflow'],
  },
  airflowVariables: {
    label: 'List Airflow variables',
    command: 'airflow variables list',
    platforms: ['airflow'],
  },
  dbtDebug: {
    label: 'Check the dbt profile, target and connection',
    command: 'dbt debug',
    platforms: ['dbt'],
  },
  dbtRun: {
    label: 'Re-run the failing model alone',
    command: 'dbt run --select {dbtModel}',
    platforms: ['dbt'],
  },
  dbtTest: {
    label: "Run the model's tests and store failing rows",
    command: 'dbt test --select {dbtModel} --store-failures',
    platforms: ['dbt'],
  },
  dbtCompile: {
    label: 'Compile the model and read the generated SQL',
    command:
      'dbt compile --select {dbtModel} && cat target/compiled/**/{dbtModel}.sql',
    platforms: ['dbt'],
  },
  dbtFreshness: {
    label: 'Check source freshness',
    command: 'dbt source freshness',
    platforms: ['dbt'],
  },
  dbtDeps: {
    label: "Install the project's packages",
    command: 'dbt deps',
    platforms: ['dbt'],
  },
  yarnLogs: {
    label: 'Executor and driver logs of the application',
    command:
      'yarn logs -applicationId {appId} | grep -nE "ERROR|Caused by|Killed|exit code"',
    platforms: ['yarn', 'emr'],
  },
  yarnStatus: {
    label: 'Final status and diagnostics of the application',
    command: 'yarn application -status {appId}',
    platforms: ['yarn', 'emr'],
  },
  sparkSkew: {
    label: 'Find the hot keys (run in a notebook on the same input)',
    command:
      'spark.table("{table}").groupBy("<join_key>").count().orderBy(F.desc("count")).show(20)',
    platforms: ['spark', 'databricks', 'glue', 'emr'],
  },
  glueRun: {
    label: 'The Glue job run and its error message',
    command: 'aws glue get-job-run --job-name {glueJob} --run-id {runId}',
    platforms: ['glue'],
  },
  glueErrorLogs: {
    label: 'Error log stream of the Glue run',
    command:
      'aws logs tail /aws-glue/jobs/error --log-stream-names {runId} --since 1d',
    platforms: ['glue'],
  },
  awsIdentity: {
    label: 'Which identity the job runs as',
    command: 'aws sts get-caller-identity',
    platforms: ['aws'],
  },
  awsSimulate: {
    label: 'Simulate the denied action for the job role',
    command:
      'aws iam simulate-principal-policy --policy-source-arn <role-arn> --action-names s3:GetObject s3:ListBucket --resource-arns arn:aws:s3:::{bucket}/*',
    platforms: ['aws'],
  },
  s3List: {
    label: 'What is at the input path (and how many objects)',
    command: 'aws s3 ls {path} --recursive --summarize | tail -n 3',
    platforms: ['aws'],
  },
  gcsList: {
    label: 'What is at the input path',
    command: 'gsutil ls -l {path} | tail -n 3',
    platforms: ['gcp'],
  },
  gcpIam: {
    label: "Roles granted to the job's service account",
    command:
      'gcloud projects get-iam-policy <project> --flatten="bindings[].members" --filter="bindings.members:<service-account>" --format="table(bindings.role)"',
    platforms: ['gcp', 'bigquery'],
  },
  bqShow: {
    label: 'Current schema of the table',
    command: 'bq show --schema --format=prettyjson {table}',
    platforms: ['bigquery'],
  },
  bqJobs: {
    label: 'Recent failed BigQuery jobs',
    command: 'bq ls -j -a --max_results=20',
    platforms: ['bigquery'],
  },
  snowGrants: {
    label: "Grants of the job's role",
    command: 'snowsql -q "SHOW GRANTS TO ROLE <role>"',
    platforms: ['snowflake'],
  },
  snowDescribe: {
    label: 'Current columns of the table',
    command: 'snowsql -q "DESCRIBE TABLE {table}"',
    platforms: ['snowflake'],
  },
  snowHistory: {
    label: 'Recent failed queries',
    command:
      'snowsql -q "SELECT query_id, error_code, error_message FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE error_code IS NOT NULL ORDER BY start_time DESC LIMIT 20"',
    platforms: ['snowflake'],
  },
  pgGrants: {
    label: 'Privileges on the table',
    command: 'psql -c "\\dp {table}"',
    platforms: ['postgres', 'redshift'],
  },
  pgDescribe: {
    label: 'Current columns of the table',
    command: 'psql -c "\\d {table}"',
    platforms: ['postgres', 'redshift'],
  },
  pgActivity: {
    label: 'Sessions and locks on the database',
    command:
      'psql -c "SELECT pid, state, wait_event_type, query FROM pg_stat_activity WHERE state <> \'idle\'"',
    platforms: ['postgres'],
  },
  redshiftLoadErrors: {
    label: 'Rejected rows of the last loads',
    command:
      'psql -c "SELECT starttime, filename, line_number, colname, err_reason FROM stl_load_errors ORDER BY starttime DESC LIMIT 20"',
    platforms: ['redshift'],
  },
  kubectlDescribe: {
    label: 'Pod status, events and last termination reason',
    command: 'kubectl describe pod {pod}',
    platforms: ['kubernetes'],
  },
  kubectlEvents: {
    label: 'Recent cluster events (evictions, scheduling)',
    command: 'kubectl get events --sort-by=.lastTimestamp | tail -n 30',
    platforms: ['kubernetes'],
  },
  kubectlLogs: {
    label: 'Logs of the previous container',
    command: 'kubectl logs {pod} --previous',
    platforms: ['kubernetes'],
  },
  kafkaGroups: {
    label: 'Consumer group lag and members',
    command:
      'kafka-consumer-groups --bootstrap-server <broker:9092> --describe --group <group>',
    platforms: ['kafka'],
  },
  kafkaAcls: {
    label: 'ACLs on the topic',
    command:
      'kafka-acls --bootstrap-server <broker:9092> --list --topic {topic}',
    platforms: ['kafka'],
  },
  deltaHistory: {
    label: 'Recent commits of the Delta table',
    command: 'spark.sql("DESCRIBE HISTORY {table}").show(10, False)',
    platforms: ['delta'],
  },
  icebergSnapshots: {
    label: 'Recent snapshots of the Iceberg table',
    command:
      'spark.sql("SELECT committed_at, snapshot_id, operation FROM {table}.snapshots ORDER BY committed_at DESC").show(10, False)',
    platforms: ['iceberg'],
  },
  hudiCommits: {
    label: 'Recent commits of the Hudi table',
    command: 'hudi-cli: connect --path {path} ; commits show --limit 10',
    platforms: ['hudi'],
  },
  databricksRun: {
    label: 'The Databricks job run and its state message',
    command: 'databricks jobs get-run {runId}',
    platforms: ['databricks'],
  },
  dagsterExport: {
    label: 'Export the Dagster run with its event log',
    command: 'dagster debug export {runId} run-{runId}.gz',
    platforms: ['dagster'],
  },
} satisfies Record<string, CommandTemplate>;

export type CommandId = keyof typeof COMMANDS;
