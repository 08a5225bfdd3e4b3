import { createHash } from 'crypto';
import type { FailureEvent } from '@internal/plugin-pipeline-triage-common';

/**
 * The idempotency key of an event: the same run outcome posted twice (a sender retrying, a
 * callback firing again) gets the same key; another attempt, outcome or dbt node gets another.
 * Without a run id the event time stands in for it, compared as an instant so `Z` and `+00:00`
 * agree. Dagster yields one event per run, so no step key is needed.
 */
export function eventKey(event: FailureEvent): string {
  const ms = Date.parse(event.eventTime);
  const when = Number.isNaN(ms) ? event.eventTime : new Date(ms).toISOString();
  const parts = [
    event.source,
    event.job.namespace,
    event.job.name,
    event.runId ?? `@${when}`,
    event.attempt ?? null,
    event.outcome,
    event.job.dbtUniqueId ?? null,
  ];
  const digest = createHash('sha256')
    .update(JSON.stringify(parts))
    .digest('hex');
  return `${event.source}:${digest.slice(0, 40)}`;
}
