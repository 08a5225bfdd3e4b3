import {
  type FailureEvent,
  failureEventSchema,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type {
  IngestAdapter,
  IngestContext,
  IngestProblem,
} from '@pipeline-triage/plugin-pipeline-triage-node';
import { airflowAdapter } from './airflow';
import { dagsterAdapter } from './dagster';
import { dbtAdapter } from './dbt';
import { dbtCloudAdapter } from './dbtCloud';
import { isObject, zodProblems } from './fields';
import { genericAdapter } from './generic';
import { glueAdapter } from './glue';
import { openLineageAdapter } from './openlineage';
import { sanitizeEvent } from './sanitizeEvent';
import { textAdapter } from './text';

export { eventKey, textDedupKeys } from './eventKey';
export { trimLog, type TrimOptions, type TrimResult } from './trimLog';
export { sanitizeEvent } from './sanitizeEvent';
export { trimDbtPayload } from './dbtTrim';
export { hasUnstorable, storableDeep, storableText } from './storableText';
export {
  airflowAdapter,
  dagsterAdapter,
  dbtAdapter,
  dbtCloudAdapter,
  genericAdapter,
  glueAdapter,
  openLineageAdapter,
  textAdapter,
};

/** Larger batches are refused by the HTTP layer before they get here. */
export const MAX_BATCH_EVENTS = 500;

/**
 * Detection order, most specific first; the first adapter whose detect() says yes wins:
 *  1. openlineage: `eventType` with `run` and `job` objects, or an OpenLineage schemaURL
 *  2. glue:        `source: "aws.glue"` (EventBridge)
 *  3. airflow:     `source: "airflow"`, or `dag_id` with `task_id`
 *  4. dagster:     `source: "dagster"`, or `run_id`, `job_name` and `step_failures`
 *  5. dbt-cloud:   a dbt Cloud job-run webhook: `eventType` `job.run.*` and a `data` object
 *  6. dbt:         a run-results or sources dbt_schema_version, or a `run_results`/`sources`/
 *                  `manifest` wrapper
 *  7. generic:     the canonical shape: a `job` object or `eventTime`, and a known or no `source`
 *  8. text:        a string body (text/plain, or a JSON string)
 */
export const builtInAdapters: IngestAdapter[] = [
  openLineageAdapter,
  glueAdapter,
  airflowAdapter,
  dagsterAdapter,
  dbtCloudAdapter,
  dbtAdapter,
  genericAdapter,
  textAdapter,
];

export const NO_FORMAT_PROBLEM: IngestProblem = {
  field: '(root)',
  reason:
    'matches no known format: expected an OpenLineage RunEvent, an Airflow callback, dbt run_results.json, a dbt Cloud job-run webhook, a Glue Job State Change event, a Dagster run failure or the generic shape',
};

/**
 * True when a payload was well formed but describes no run outcome (an OpenLineage START, an
 * Airflow `running` state, a Glue crawler event). OpenLineage clients send every event of a run,
 * so the HTTP layer may acknowledge these instead of answering with an error.
 */
export function isNotRunOutcome(
  problems: IngestProblem[] | undefined,
): boolean {
  return (
    !!problems?.length &&
    problems.every(p => p.reason.includes(' is not a run outcome'))
  );
}

/** @alpha */
export interface NormalizedItem {
  /** Position in the batch; 0 for a single payload. */
  index: number;
  /** The adapter that recognised the payload. */
  format?: string;
  events: FailureEvent[];
  problems?: IngestProblem[];
  /** Some log, stack trace or message text of these events was trimmed to fit its budget. */
  logTrimmed?: boolean;
}

function fullContext(ctx: Partial<IngestContext> = {}): IngestContext {
  return {
    contentType: ctx.contentType,
    query: ctx.query ?? {},
    defaultEnvironment: ctx.defaultEnvironment ?? 'prod',
  };
}

/** The first adapter that recognises the payload; a detect() that throws counts as a no. */
export function detectAdapter(
  payload: unknown,
  ctx: Partial<IngestContext> = {},
  adapters: IngestAdapter[] = builtInAdapters,
): IngestAdapter | undefined {
  const full = fullContext(ctx);
  return adapters.find(adapter => {
    try {
      return adapter.detect(payload, full);
    } catch {
      return false;
    }
  });
}

/**
 * One payload or a batch (`{"events": [...]}`, or a bare JSON array) → canonical events, per
 * item. Never throws on bad input: each item reports its own problems, and one bad element
 * never rejects the others. Events come back redacted and trimmed (see sanitizeEvent).
 *
 * @alpha
 */
export function normalizeEvents(
  payload: unknown,
  ctx: Partial<IngestContext> = {},
  adapters: IngestAdapter[] = builtInAdapters,
): { items: NormalizedItem[] } {
  const full = fullContext(ctx);
  const batch = batchElements(payload);
  if (batch === undefined)
    return { items: [normalizeOne(payload, 0, full, adapters)] };
  if (batch.length > MAX_BATCH_EVENTS) {
    const reason = `a batch holds at most ${MAX_BATCH_EVENTS} events; this one has ${batch.length}`;
    return {
      items: [
        { index: 0, events: [], problems: [{ field: 'events', reason }] },
      ],
    };
  }
  return {
    items: batch.map((element, i) => normalizeOne(element, i, full, adapters)),
  };
}

function batchElements(payload: unknown): unknown[] | undefined {
  if (Array.isArray(payload)) return payload;
  if (
    isObject(payload) &&
    Array.isArray(payload.events) &&
    !('job' in payload)
  ) {
    return payload.events;
  }
  return undefined;
}

function normalizeOne(
  payload: unknown,
  index: number,
  ctx: IngestContext,
  adapters: IngestAdapter[],
): NormalizedItem {
  const adapter = detectAdapter(payload, ctx, adapters);
  if (!adapter) return { index, events: [], problems: [NO_FORMAT_PROBLEM] };
  const format = adapter.id;
  let produced: FailureEvent[];
  try {
    produced = adapter.normalize(payload, ctx);
  } catch (error) {
    return { index, format, events: [], problems: problemsOf(error, format) };
  }

  // Adapters added by other modules get the same final check as the built-in ones.
  const events: FailureEvent[] = [];
  const problems: IngestProblem[] = [];
  let logTrimmed = false;
  produced.forEach((event, i) => {
    const parsed = failureEventSchema.safeParse(event);
    if (!parsed.success) {
      problems.push(
        ...zodProblems(
          parsed.error,
          produced.length > 1 ? `events[${i}].` : '',
        ),
      );
      return;
    }
    const clean = sanitizeEvent(parsed.data);
    events.push(clean.event);
    logTrimmed ||= clean.logTrimmed;
  });
  if (problems.length > 0) return { index, format, events: [], problems };
  return { index, format, events, ...(logTrimmed ? { logTrimmed } : {}) };
}

function problemsOf(error: unknown, format: string): IngestProblem[] {
  const problems = (error as { problems?: unknown })?.problems;
  if (Array.isArray(problems) && problems.length > 0)
    return problems as IngestProblem[];
  const message = error instanceof Error ? error.message : String(error);
  return [
    { field: '(root)', reason: `the ${format} adapter failed: ${message}` },
  ];
}
