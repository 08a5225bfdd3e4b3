import { z } from 'zod';

/** Where an event came from; `generic` is the canonical shape posted as-is. */
export const EVENT_SOURCES = [
  'openlineage',
  'airflow',
  'dbt',
  'glue',
  'dagster',
  'generic',
  'text',
] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** A failure is what gets triaged; success and abort outcomes teach recovery and retry results. */
export const RUN_OUTCOMES = ['fail', 'success', 'abort'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export const ENVIRONMENTS = ['prod', 'staging', 'dev'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

const nonEmpty = z.string().trim().min(1);

/**
 * Longest identifiers stored, in UTF-16 units (never fewer characters than PostgreSQL counts):
 * the job key `namespace/name` fits its 512-character column, a dataset `namespace/name` its
 * 1024, a column name its 255. Longer ones are refused with the field named, never cut: a cut
 * name would silently merge two jobs.
 */
export const IDENTIFIER_LIMITS = {
  jobNamespace: 255,
  jobName: 256,
  datasetNamespace: 255,
  datasetName: 512,
  columnName: 255,
} as const;

const atMost = (n: number) => [n, `at most ${n} characters`] as const;

export const schemaFieldSchema = z.object({
  name: nonEmpty.max(...atMost(IDENTIFIER_LIMITS.columnName)),
  type: z.string().optional(),
  nullable: z.boolean().optional(),
  description: z.string().optional(),
});
export type SchemaField = z.infer<typeof schemaFieldSchema>;

/** A data-quality check result, from OpenLineage assertions, dbt tests or Great Expectations. */
export const qualityCheckSchema = z.object({
  name: nonEmpty,
  success: z.boolean(),
  column: z.string().optional(),
  /** not_null, unique, accepted_values, relationships, row_count, ... when known */
  kind: z.string().optional(),
  message: z.string().optional(),
  failures: z.number().nonnegative().optional(),
});
export type QualityCheck = z.infer<typeof qualityCheckSchema>;

export const datasetRefSchema = z.object({
  namespace: z
    .string()
    .max(...atMost(IDENTIFIER_LIMITS.datasetNamespace))
    .default(''),
  name: nonEmpty.max(...atMost(IDENTIFIER_LIMITS.datasetName)),
  schema: z.array(schemaFieldSchema).optional(),
  quality: z.array(qualityCheckSchema).optional(),
  rowCount: z.number().nonnegative().optional(),
  bytes: z.number().nonnegative().optional(),
});
export type DatasetRef = z.infer<typeof datasetRefSchema>;

/**
 * Structured facts about the run. Every key is optional: real senders omit most of them, and
 * the engine must say which missing signal would have changed its verdict.
 */
export const runSignalsSchema = z.object({
  exitCode: z.number().int().optional(),
  durationSeconds: z.number().nonnegative().optional(),
  rowsWritten: z.number().nonnegative().optional(),
  rowsExpected: z.number().nonnegative().optional(),
  partitionsWritten: z.number().nonnegative().optional(),
  partitionsExpected: z.number().nonnegative().optional(),
  /** Table commits or snapshots the run created before it failed. */
  commitsDuringRun: z.number().nonnegative().optional(),
  snapshotIds: z.array(z.string()).optional(),
  deployVersion: z.string().optional(),
  recentDeploy: z.boolean().optional(),
  controlTableStatus: z.string().optional(),
  taskCount: z.number().nonnegative().optional(),
  failedTasks: z.number().nonnegative().optional(),
  maxTaskDurationSeconds: z.number().nonnegative().optional(),
  medianTaskDurationSeconds: z.number().nonnegative().optional(),
  maxTaskInputBytes: z.number().nonnegative().optional(),
  medianTaskInputBytes: z.number().nonnegative().optional(),
  shuffleSpillBytes: z.number().nonnegative().optional(),
  /** How late the expected input is, for source delays. */
  delaySeconds: z.number().nonnegative().optional(),
});
export type RunSignals = z.infer<typeof runSignalsSchema>;

export const LINK_KINDS = [
  'log',
  'spark_ui',
  'glue_console',
  'dbt_run',
  'airflow_task_instance',
  'dagster_run',
  'other',
] as const;

export const eventLinkSchema = z.object({
  kind: z.enum(LINK_KINDS),
  url: z.string().url(),
  label: z.string().optional(),
});
export type EventLink = z.infer<typeof eventLinkSchema>;

export const jobIdentitySchema = z.object({
  /** OpenLineage-style job namespace (scheduler, project); may be empty. */
  namespace: z
    .string()
    .max(...atMost(IDENTIFIER_LIMITS.jobNamespace))
    .default(''),
  name: nonEmpty.max(...atMost(IDENTIFIER_LIMITS.jobName)),
  type: z.string().optional(),
  airflowDagId: z.string().optional(),
  airflowTaskId: z.string().optional(),
  dbtUniqueId: z.string().optional(),
  glueJobName: z.string().optional(),
  dagsterJob: z.string().optional(),
  /** Where the failing code lives, e.g. dbt's compiled SQL path; tells a person which file to open. */
  codePath: z.string().optional(),
  /** The job's output has an enforced contract (dbt `contract.enforced`): schema drift is a breach. */
  contractEnforced: z.boolean().optional(),
});
export type JobIdentity = z.infer<typeof jobIdentitySchema>;

/**
 * The versions a run carries, compared with the job's last success to say what changed: the
 * code (a commit, a dbt node checksum, a DAG or Glue job version), where that code lives, the
 * processing engine and a configuration fingerprint. Input schemas are read from `inputs`.
 */
export const runVersionsSchema = z.object({
  code: z.string().trim().min(1).max(256).optional(),
  codeLocation: z.string().trim().min(1).max(2048).optional(),
  engine: z.string().trim().min(1).max(256).optional(),
  config: z.string().trim().min(1).max(256).optional(),
});
export type RunVersions = z.infer<typeof runVersionsSchema>;

/** The canonical event every adapter produces and the generic format accepts. */
export const failureEventSchema = z.object({
  source: z.enum(EVENT_SOURCES).default('generic'),
  outcome: z.enum(RUN_OUTCOMES).default('fail'),
  environment: z.enum(ENVIRONMENTS).optional(),
  job: jobIdentitySchema,
  runId: z.string().optional(),
  parentRunId: z.string().optional(),
  batchId: z.string().optional(),
  attempt: z.number().int().positive().optional(),
  maxAttempts: z.number().int().positive().optional(),
  eventTime: z.iso.datetime({ offset: true }),
  errorMessage: z.string().optional(),
  stackTrace: z.string().optional(),
  logExcerpt: z.string().optional(),
  links: z.array(eventLinkSchema).optional(),
  inputs: z.array(datasetRefSchema).optional(),
  outputs: z.array(datasetRefSchema).optional(),
  signals: runSignalsSchema.optional(),
  versions: runVersionsSchema.optional(),
  /** Owners the sender knows (OpenLineage ownership facet, dbt meta); catalog owners win. */
  owners: z.array(z.string()).optional(),
  producer: z.string().optional(),
  /** What ingest dropped from the payload and why (an invalid OpenLineage facet, say). */
  warnings: z.array(z.string()).optional(),
});
export type FailureEvent = z.infer<typeof failureEventSchema>;
export type FailureEventInput = z.input<typeof failureEventSchema>;
