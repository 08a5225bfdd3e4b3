import type { Knex } from 'knex';
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { RetentionStore } from './types';

const BATCH = 500;
// Only finished events: a pending one still needs its whole payload to be triaged.
const FINISHED = ['done', 'dead'];

/** Stored payloads pared down in batches, so memory stays bounded; retention/ decides what stays. */
export class KnexRetention implements RetentionStore {
  constructor(private readonly db: Knex) {}

  async pareEvents(
    before: string,
    level: 'payload' | 'logs',
    pare: (event: FailureEvent) => unknown,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      let q = this.db('pt_events')
        .where('received_at', '<', before)
        .whereIn('status', FINISHED);
      // An event pared to its identity is not pared again; one without logs may still be.
      q =
        level === 'payload'
          ? q.andWhere(w =>
              w.whereNull('retention').orWhere('retention', '<>', 'payload'),
            )
          : q.whereNull('retention');
      const rows = await q.limit(BATCH).select('id', 'payload');
      for (const row of rows) {
        const payload = JSON.stringify(pare(JSON.parse(row.payload)));
        await this.db('pt_events')
          .where('id', row.id)
          .update({ payload, retention: level });
      }
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  }

  async pareIncidentEvents(
    before: string,
    pare: (event: FailureEvent) => FailureEvent,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.db('pt_incidents as i')
        .join('pt_events as e', 'e.id', 'i.latest_event_id')
        .where('e.received_at', '<', before)
        // Again after a later failure or change brought a fresh detail.
        .andWhere(q =>
          q
            .whereNull('i.logs_purged_at')
            .orWhereRaw('i.logs_purged_at < i.updated_at'),
        )
        .limit(BATCH)
        .select('i.id', 'i.detail', 'i.updated_at');
      let updated = 0;
      for (const row of rows) {
        const detail = JSON.parse(row.detail);
        if (detail.latestEvent) detail.latestEvent = pare(detail.latestEvent);
        // Compare-and-set on updated_at: a failure recorded meanwhile brings fresh logs, kept.
        updated += await this.db('pt_incidents')
          .where({ id: row.id, updated_at: row.updated_at })
          .update({
            detail: JSON.stringify(detail),
            logs_purged_at: new Date().toISOString(),
          });
      }
      total += updated;
      if (rows.length < BATCH || updated === 0) return total;
    }
  }
}
