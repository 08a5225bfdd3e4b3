import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { RetentionStore } from '../store';

export interface RetentionSettings {
  /** Raw events older than this keep only their identity (source, job, run, outcome, time). */
  rawEventsDays: number;
  /** Log text (stack traces, log excerpts) older than this is removed from events and incidents. */
  logsDays: number;
}

export interface PurgeResult {
  eventsPared: number;
  eventLogsRemoved: number;
  incidentLogsRemoved: number;
}

const LOG_FIELDS = ['stackTrace', 'logExcerpt'] as const;

/** What an event keeps after its raw-event window: enough to explain its occurrence and key. */
function identityOf(
  event: FailureEvent,
): Partial<FailureEvent> & { retained: 'identity' } {
  const {
    source,
    outcome,
    environment,
    job,
    runId,
    attempt,
    maxAttempts,
    eventTime,
  } = event;
  return {
    source,
    outcome,
    environment,
    job,
    runId,
    attempt,
    maxAttempts,
    eventTime,
    retained: 'identity',
  };
}

function withoutLogs<T extends Partial<FailureEvent>>(event: T): T {
  const copy = { ...event };
  for (const field of LOG_FIELDS) delete copy[field];
  return copy;
}

const daysBefore = (now: Date, days: number) =>
  new Date(now.getTime() - days * 86_400_000).toISOString();

/**
 * Pares stored data down to the retention windows. Incidents, occurrences, verdicts, evidence
 * lines and status history are kept; event rows are kept too (their keys make a late
 * re-delivery a duplicate), only their payloads shrink.
 */
export async function purgeExpired(
  store: RetentionStore,
  settings: RetentionSettings,
  now = new Date(),
): Promise<PurgeResult> {
  const logCutoff = daysBefore(now, settings.logsDays);
  return {
    eventsPared: await store.pareEvents(
      daysBefore(now, settings.rawEventsDays),
      'payload',
      identityOf,
    ),
    eventLogsRemoved: await store.pareEvents(logCutoff, 'logs', withoutLogs),
    // An incident shows its latest event; once that was received before the log window, its
    // logs go too (event times can be old: imports, late deliveries).
    incidentLogsRemoved: await store.pareIncidentEvents(logCutoff, withoutLogs),
  };
}
