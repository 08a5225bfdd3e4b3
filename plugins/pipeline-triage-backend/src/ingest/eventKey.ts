import { createHash } from 'crypto';
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';

/**
 * The idempotency key of an event: the same run outcome posted twice (a sender retrying, a
 * callback firing again) gets the same key; another attempt, outcome or dbt node gets another.
 * Without a run id the event time stands in for it, compared as an instant so `Z` and `+00:00`
 * agree. Dagster yields one event per run, so no step key is needed.
 *
 * A plain-text log without `?runId=` has only its arrival time, so every delivery would be new:
 * the ingest path keys those by content and window instead (see textDedupKeys).
 */
export function eventKey(event: FailureEvent): string {
  const ms = Date.parse(event.eventTime);
  const when = Number.isNaN(ms) ? event.eventTime : new Date(ms).toISOString();
  return keyOf(event, event.runId ?? `@${when}`);
}

/**
 * A plain-text log without a run id: its content and the window of `textWindowMs` it arrived in
 * stand in for the run. Its key in its own window and in the window before: a copy stored in the previous
 * window less than `textWindowMs` ago is the same delivery, whatever boundary lies between them.
 * Undefined for events that are deduplicated by their run id or time.
 */
export function textDedupKeys(
  event: FailureEvent,
  textWindowMs: number,
): { current: string; previous: string } | undefined {
  const window = textWindow(event, textWindowMs);
  if (!window) return undefined;
  const slot = Math.floor(Date.parse(event.eventTime) / window);
  return {
    current: keyOf(event, textRun(event, slot)),
    previous: keyOf(event, textRun(event, slot - 1)),
  };
}

function textWindow(
  event: FailureEvent,
  windowMs: number | undefined,
): number | undefined {
  if (event.source !== 'text' || event.runId || !windowMs || windowMs <= 0)
    return undefined;
  return Number.isNaN(Date.parse(event.eventTime)) ? undefined : windowMs;
}

function textRun(event: FailureEvent, slot: number): string {
  const content = createHash('sha256')
    .update(
      JSON.stringify([
        event.errorMessage ?? null,
        event.stackTrace ?? null,
        event.logExcerpt ?? null,
      ]),
    )
    .digest('hex');
  return `text:${content.slice(0, 32)}:${slot}`;
}

function keyOf(event: FailureEvent, run: string): string {
  const parts = [
    event.source,
    event.job.namespace,
    event.job.name,
    run,
    event.attempt ?? null,
    event.outcome,
    event.job.dbtUniqueId ?? null,
  ];
  const digest = createHash('sha256')
    .update(JSON.stringify(parts))
    .digest('hex');
  return `${event.source}:${digest.slice(0, 40)}`;
}
