import {
  Category,
  FailureEvent,
  failureEventSchema,
  isCategory,
  runSignalsSchema,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/** A labelled case of the eval format (see shared/eval/README.md). */
export interface EvalCase {
  id: string;
  platform?: string;
  job?: string;
  log: string;
  signals?: Record<string, unknown>;
  expected?: {
    category: Category;
    acceptable?: Category[];
    safe_to_retry?: boolean;
    partial_write?: boolean;
  };
}

export function isEvalCase(value: unknown): value is EvalCase {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.log === 'string' &&
    (typeof v.id === 'string' ||
      'expected' in v ||
      typeof v.platform === 'string')
  );
}

/** The expected labels of a case, checked, or an error message naming the bad field. */
export function caseExpectation(c: EvalCase): {
  value?: NonNullable<EvalCase['expected']>;
  problem?: string;
} {
  const e = c.expected;
  if (!e || typeof e !== 'object') return { problem: 'expected: missing' };
  if (!isCategory(e.category))
    return {
      problem: `expected.category: unknown category ${JSON.stringify(
        e.category,
      )}`,
    };
  const acceptable = (e.acceptable ?? []).filter(isCategory);
  return { value: { ...e, acceptable } };
}

const SOURCES: Record<string, FailureEvent['source']> = {
  airflow: 'airflow',
  dbt: 'dbt',
  glue: 'glue',
  dagster: 'dagster',
};

/**
 * The event an orchestrator would have sent for this case: the log as the excerpt, the case
 * signals as run signals (attempt numbers on the event), the platform and job as identity.
 */
export function caseToEvent(c: EvalCase, eventTime: string): FailureEvent {
  const raw = { ...(c.signals ?? {}) };
  const attempt = typeof raw.attempt === 'number' ? raw.attempt : undefined;
  const maxAttempts =
    typeof raw.maxAttempts === 'number' ? raw.maxAttempts : undefined;
  delete raw.attempt;
  delete raw.maxAttempts;
  const parsedSignals = runSignalsSchema.safeParse(raw);
  const signals = parsedSignals.success ? parsedSignals.data : undefined;
  const platform = c.platform ?? 'other';
  const name = c.job || c.id || 'unnamed';
  const source = SOURCES[platform] ?? 'generic';
  const [dag, task] = name.split('.', 2);
  return failureEventSchema.parse({
    source,
    job: {
      namespace: platform,
      name,
      type: platform,
      ...(source === 'airflow'
        ? { airflowDagId: dag, ...(task ? { airflowTaskId: task } : {}) }
        : {}),
      ...(source === 'glue' ? { glueJobName: name } : {}),
      ...(source === 'dagster' ? { dagsterJob: name } : {}),
    },
    runId: c.id,
    eventTime,
    logExcerpt: c.log,
    ...(attempt && attempt > 0 ? { attempt } : {}),
    ...(maxAttempts && maxAttempts > 0 ? { maxAttempts } : {}),
    ...(signals && Object.keys(signals).length > 0 ? { signals } : {}),
  });
}
