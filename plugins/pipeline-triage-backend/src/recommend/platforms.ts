import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Evidence } from '../evidence';

export const PLATFORMS = [
  'airflow',
  'dbt',
  'spark',
  'yarn',
  'glue',
  'emr',
  'databricks',
  'kubernetes',
  'snowflake',
  'bigquery',
  'redshift',
  'postgres',
  'kafka',
  'flink',
  'dagster',
  'aws',
  'gcp',
  'delta',
  'iceberg',
  'hudi',
  'hive',
  'trino',
  'airbyte',
] as const;
export type Platform = (typeof PLATFORMS)[number];

// Markers in the log text that reveal a platform, whatever the sender said.
const MARKERS: Array<[Platform, RegExp]> = [
  ['airflow', /\{taskinstance\.py|airflow\.exceptions|airflow\/|dag_id=/],
  [
    'dbt',
    /\bdbt[._ ]|Database Error in (?:model|test|snapshot)|Done\. PASS=|compiled (?:SQL|Code) at/,
  ],
  [
    'spark',
    /org\.apache\.spark|pyspark|SparkException|TaskSetManager|Lost executor/,
  ],
  [
    'yarn',
    /application_\d+_\d+|container_\d+_\d+|YarnScheduler|Container killed by YARN/,
  ],
  ['glue', /awsglue|GlueContext|aws-glue|glue\.ProcessLauncher/],
  ['emr', /\bEMR\b|emrfs|com\.amazon\.ws\.emr/],
  ['databricks', /databricks|dbfs:|Unity Catalog/i],
  [
    'kubernetes',
    /kubernetes|kubectl|\bpod\b|OOMKilled|Evicted|CrashLoopBackOff/,
  ],
  ['snowflake', /snowflake|\d{6} \([0-9A-Z]{5}\)/i],
  ['bigquery', /bigquery|googleapis\.com\/bigquery|bqjob_/i],
  ['redshift', /redshift|stl_load_errors/i],
  ['postgres', /psycopg2|postgres|pg_hba|\bPSQL\b|SQL state: /i],
  ['kafka', /org\.apache\.kafka|kafka/i],
  ['flink', /org\.apache\.flink|TaskManager/],
  ['dagster', /dagster/],
  ['aws', /amazonaws|s3a?:\/\/|arn:aws:|botocore|boto3/],
  ['gcp', /gs:\/\/|googleapis|google\.api_core/],
  [
    'delta',
    /org\.apache\.spark\.sql\.delta|io\.delta|DELTA_|_delta_log|Committed delta #|DeltaLog|OptimisticTransaction/,
  ],
  ['iceberg', /org\.apache\.iceberg|iceberg/i],
  ['hudi', /org\.apache\.hudi|Hoodie/],
  ['hive', /org\.apache\.hadoop\.hive|HiveMetaStore|hive\.ql/],
  ['trino', /trino|presto/i],
  ['airbyte', /airbyte|\bsource > |\bdestination > /],
];

const SOURCE_PLATFORM: Partial<Record<FailureEvent['source'], Platform>> = {
  airflow: 'airflow',
  dbt: 'dbt',
  glue: 'glue',
  dagster: 'dagster',
};

/** Platforms involved in a failure, most certain first. */
export function detectPlatforms(
  event: FailureEvent,
  evidence: Evidence,
): Platform[] {
  const found = new Set<Platform>();
  const fromSource = SOURCE_PLATFORM[event.source];
  if (fromSource) found.add(fromSource);
  if (event.job.airflowDagId) found.add('airflow');
  if (event.job.dbtUniqueId) found.add('dbt');
  if (event.job.glueJobName) found.add('glue');
  if (event.job.dagsterJob) found.add('dagster');
  const declared = `${event.job.type ?? ''} ${
    event.job.namespace ?? ''
  }`.toLowerCase();
  for (const p of PLATFORMS) if (declared.includes(p)) found.add(p);
  const text = evidence.lines.map(l => l.text).join('\n');
  for (const [platform, marker] of MARKERS)
    if (marker.test(text)) found.add(platform);
  if (found.has('glue') || found.has('emr')) found.add('aws');
  return [...found];
}
