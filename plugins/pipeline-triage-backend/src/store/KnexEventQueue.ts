import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { NotFoundError } from '@backstage/errors';
import type {
  AcceptedEvent,
  DeadLetter,
  EventQueue,
  NewEvent,
  StoredEvent,
} from './types';
import { jobKeyOf } from './jobKeyOf';
import { isDeadlock } from './lockJob';
import { toIso } from './time';

/** The event queue on knex: accepted events, leases, retries and dead letters. */
export class KnexEventQueue implements EventQueue {
  constructor(private readonly db: Knex) {}

  async acceptEvents(
    events: NewEvent[],
    options: { sweepAfterMs?: number } = {},
  ): Promise<AcceptedEvent[]> {
    if (events.length === 0) return [];
    const now = new Date().toISOString();
    const sweepAt = new Date(
      Date.now() + (options.sweepAfterMs ?? 0),
    ).toISOString();
    // One multi-row insert per chunk instead of a statement per event; re-deliveries (and a key
    // repeated inside the batch) come back as duplicates of the stored event. Rows go in key
    // order, so two requests with overlapping batches lock the same keys in the same order and
    // cannot deadlock each other; a deadlock with some other writer is retried, bounded.
    const byKey = [...events].sort((a, b) =>
      a.key < b.key ? -1 : Number(a.key > b.key),
    );
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.insertEvents(events, byKey, now, sweepAt);
      } catch (error) {
        if (attempt < 4 && isRetryableConflict(error)) continue;
        throw error;
      }
    }
  }

  async receivedAtByKey(keys: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let from = 0; from < keys.length; from += 500) {
      const rows = await this.db('pt_events')
        .whereIn('event_key', keys.slice(from, from + 500))
        .select('event_key', 'received_at');
      for (const r of rows) out.set(r.event_key, toIso(r.received_at));
    }
    return out;
  }

  private insertEvents(
    events: NewEvent[],
    byKey: NewEvent[],
    now: string,
    sweepAt: string,
  ): Promise<AcceptedEvent[]> {
    return this.db.transaction(async tx => {
      const stored = new Map<string, string>();
      for (let from = 0; from < byKey.length; from += 200) {
        const rows = byKey.slice(from, from + 200).map(e => ({
          id: randomUUID(),
          event_key: e.key,
          source: e.event.source,
          outcome: e.event.outcome,
          job_key: jobKeyOf(e.event),
          environment: e.event.environment ?? 'prod',
          event_time: toIso(e.event.eventTime),
          received_at: now,
          sender: e.sender,
          payload: JSON.stringify(e.event),
          log_trimmed: e.logTrimmed,
          quiet: e.quiet,
          status: 'pending',
          attempts: 0,
          next_attempt_at: sweepAt,
        }));
        const inserted: Array<{ id: string; event_key: string }> = await tx(
          'pt_events',
        )
          .insert(rows)
          .onConflict('event_key')
          .ignore()
          .returning(['id', 'event_key']);
        for (const r of inserted) stored.set(r.event_key, r.id);
      }
      const missing = [
        ...new Set(events.map(e => e.key).filter(k => !stored.has(k))),
      ];
      const existing = new Map<
        string,
        { id: string; incident_id: string | null }
      >();
      for (let from = 0; from < missing.length; from += 500) {
        const rows = await tx('pt_events')
          .whereIn('event_key', missing.slice(from, from + 500))
          .select('id', 'event_key', 'incident_id');
        for (const r of rows) existing.set(r.event_key, r);
      }
      const results: AcceptedEvent[] = [];
      for (const e of events) {
        const id = stored.get(e.key);
        if (id) {
          results.push({ id, key: e.key, duplicate: false });
          // A second copy in the same batch is a duplicate of the first.
          stored.delete(e.key);
          existing.set(e.key, { id, incident_id: null });
          continue;
        }
        const prior = existing.get(e.key)!;
        results.push({
          id: prior.id,
          key: e.key,
          duplicate: true,
          incidentId: prior.incident_id ?? undefined,
        });
      }
      return results;
    });
  }

  async claimEvents(ids: string[], leaseMs: number): Promise<StoredEvent[]> {
    const now = new Date();
    const claimed: StoredEvent[] = [];
    for (let from = 0; from < ids.length; from += 500) {
      const rows = await this.db('pt_events')
        .whereIn('id', ids.slice(from, from + 500))
        .andWhere(q =>
          q
            .where('status', 'pending')
            .orWhere(q2 =>
              q2
                .where('status', 'processing')
                .andWhere('locked_until', '<', now.toISOString()),
            ),
        )
        .update({
          status: 'processing',
          locked_until: new Date(now.getTime() + leaseMs).toISOString(),
          attempts: this.db.raw('attempts + 1'),
        })
        .returning('*');
      claimed.push(...rows.map(rowToStoredEvent));
    }
    // In the order asked for: the order events were posted is the order they are applied in.
    const at = new Map(ids.map((id, i) => [id, i]));
    return claimed.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
  }

  async claimDueEvents(limit: number, leaseMs: number): Promise<StoredEvent[]> {
    const now = new Date().toISOString();
    const candidates = await this.db('pt_events')
      .where(q =>
        q
          .where(q2 =>
            q2
              .where('status', 'pending')
              .andWhere('next_attempt_at', '<=', now),
          )
          .orWhere(q2 =>
            q2.where('status', 'processing').andWhere('locked_until', '<', now),
          ),
      )
      .orderBy('received_at')
      .limit(limit)
      .select('id');
    return this.claimEvents(
      candidates.map(c => c.id),
      leaseMs,
    );
  }

  async failEvent(
    id: string,
    error: string,
    options: { maxAttempts: number; retryDelayMs: number },
  ): Promise<'retry' | 'dead'> {
    return this.db.transaction(async tx => {
      const row = await tx('pt_events')
        .where('id', id)
        .first('attempts', 'status');
      if (!row) throw new NotFoundError(`No event ${id}`);
      if (row.attempts >= options.maxAttempts) {
        await tx('pt_events')
          .where('id', id)
          .update({ status: 'dead', last_error: error, locked_until: null });
        await tx('pt_dead_letters')
          .insert({
            event_id: id,
            at: new Date().toISOString(),
            attempts: row.attempts,
            reason: error,
          })
          .onConflict('event_id')
          .merge();
        return 'dead';
      }
      // Exponential backoff so a broken dependency is not hammered by the sweeper.
      const delay = options.retryDelayMs * 2 ** Math.max(0, row.attempts - 1);
      await tx('pt_events')
        .where('id', id)
        .update({
          status: 'pending',
          last_error: error,
          locked_until: null,
          next_attempt_at: new Date(Date.now() + delay).toISOString(),
        });
      return 'retry';
    });
  }

  async getEvent(id: string): Promise<StoredEvent | undefined> {
    const row = await this.db('pt_events').where('id', id).first();
    return row ? rowToStoredEvent(row) : undefined;
  }

  async listDeadLetters(limit: number): Promise<DeadLetter[]> {
    const rows = await this.db('pt_dead_letters as d')
      .join('pt_events as e', 'e.id', 'd.event_id')
      .orderBy('d.at', 'desc')
      .limit(limit)
      .select(
        'd.event_id',
        'd.at',
        'd.attempts',
        'd.reason',
        'e.source',
        'e.job_key',
      );
    return rows.map(r => ({
      eventId: r.event_id,
      at: toIso(r.at),
      attempts: r.attempts,
      reason: r.reason,
      source: r.source,
      jobKey: r.job_key,
    }));
  }

  async queueStats() {
    const [pending] = await this.db('pt_events')
      .whereIn('status', ['pending', 'processing'])
      .count({ n: '*' })
      .min({ oldest: 'received_at' });
    const [dead] = await this.db('pt_dead_letters').count({ n: '*' });
    return {
      pending: Number(pending.n),
      dead: Number(dead.n),
      oldestPendingAt: pending.oldest ? toIso(pending.oldest) : undefined,
    };
  }
}

function rowToStoredEvent(row: any): StoredEvent {
  return {
    id: row.id,
    key: row.event_key,
    event: JSON.parse(row.payload),
    sender: row.sender,
    quiet: Boolean(row.quiet),
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error ?? undefined,
    incidentId: row.incident_id ?? undefined,
    receivedAt: toIso(row.received_at),
    processedAt: row.processed_at ? toIso(row.processed_at) : undefined,
  };
}

/** A deadlock or a serialization failure: the transaction did nothing and may simply run again. */
function isRetryableConflict(error: unknown): boolean {
  return isDeadlock(error) || (error as { code?: string })?.code === '40001';
}
