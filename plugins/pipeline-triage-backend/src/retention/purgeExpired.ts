import type { Knex } from 'knex';
import type { FailureEvent } from '@internal/plugin-pipeline-triage-common';

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
const BATCH = 500;
// Only finished events: a pending one still needs its whole payload to be triaged.
const FINISHED = ['done', 'dead'];

/** What an event keeps after its raw-event window: enough to explain its occurrence and key. */
function identityOf(event: FailureEvent): Partial<FailureEvent> & { retained: 'identity' } {
  const { source, outcome, environment, job, runId, attempt, maxAttempts, eventTime } = event;
  return { source, outcome, environment, job, runId, attempt, maxAttempts, eventTime, retained: 'identity' };
}

function withoutLogs<T extends Partial<FailureEvent>>(event: T): T {
  const copy = { ...event };
  for (const field of LOG_FIELDS) delete copy[field];
  return copy;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

/**
 * Pares stored data down to the retention windows, in batches so memory stays bounded.
 * Incidents, occurrences, verdicts, evidence lines and status history are kept; event rows are
 * kept too (their keys make a late re-delivery a duplicate), only their payloads shrink.
 */
export async function purgeExpired(db: Knex, settings: RetentionSettings, now = new Date()): Promise<PurgeResult> {
  const result: PurgeResult = { eventsPared: 0, eventLogsRemoved: 0, incidentLogsRemoved: 0 };
  const rawCutoff = daysBefore(now, settings.rawEventsDays);
  const logCutoff = daysBefore(now, settings.logsDays);

  for (;;) {
    const rows = await db('pt_events')
      .where('received_at', '<', rawCutoff)
      .whereIn('status', FINISHED)
      .andWhere(q => q.whereNull('retention').orWhere('retention', '<>', 'payload'))
      .limit(BATCH)
      .select('id', 'payload');
    for (const row of rows) {
      const payload = JSON.stringify(identityOf(JSON.parse(row.payload)));
      await db('pt_events').where('id', row.id).update({ payload, retention: 'payload' });
    }
    result.eventsPared += rows.length;
    if (rows.length < BATCH) break;
  }

  for (;;) {
    const rows = await db('pt_events')
      .where('received_at', '<', logCutoff)
      .whereIn('status', FINISHED)
      .whereNull('retention')
      .limit(BATCH)
      .select('id', 'payload');
    for (const row of rows) {
      const payload = JSON.stringify(withoutLogs(JSON.parse(row.payload)));
      await db('pt_events').where('id', row.id).update({ payload, retention: 'logs' });
    }
    result.eventLogsRemoved += rows.length;
    if (rows.length < BATCH) break;
  }

  // An incident shows its latest event; once that was received before the log window, its
  // logs go too (event times can be old: imports, late deliveries).
  for (;;) {
    const rows = await db('pt_incidents as i')
      .join('pt_events as e', 'e.id', 'i.latest_event_id')
      .where('e.received_at', '<', logCutoff)
      // Again after a later failure or change brought a fresh detail.
      .andWhere(q => q.whereNull('i.logs_purged_at').orWhereRaw('i.logs_purged_at < i.updated_at'))
      .limit(BATCH)
      .select('i.id', 'i.detail', 'i.updated_at');
    let updated = 0;
    for (const row of rows) {
      const detail = JSON.parse(row.detail);
      if (detail.latestEvent) detail.latestEvent = withoutLogs(detail.latestEvent);
      // Compare-and-set on updated_at: a failure recorded meanwhile brings fresh logs, kept.
      updated += await db('pt_incidents')
        .where({ id: row.id, updated_at: row.updated_at })
        .update({ detail: JSON.stringify(detail), logs_purged_at: new Date().toISOString() });
    }
    result.incidentLogsRemoved += updated;
    if (rows.length < BATCH || updated === 0) break;
  }
  return result;
}
