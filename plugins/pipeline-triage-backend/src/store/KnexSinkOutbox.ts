import type { Knex } from 'knex';
import type {
  ClaimedSinkDelivery,
  NewSinkDelivery,
  SinkDeliveryState,
  SinkOutbox,
} from './types';
import { toIso } from './time';

/**
 * The sinks' outbox on knex. Claims are a conditional UPDATE (pending, due, lease free), so of
 * two instances claiming one row only one sees its owner on it afterwards; SQLite and
 * PostgreSQL alike.
 */
export class KnexSinkOutbox implements SinkOutbox {
  constructor(private readonly db: Knex) {}

  async enqueueDeliveries(rows: NewSinkDelivery[]): Promise<void> {
    if (rows.length === 0) return;
    const now = new Date().toISOString();
    await this.db('pt_sink_outbox')
      .insert(
        rows.map(r => ({
          incident_id: r.incidentId,
          sink: r.sink,
          update_key: r.updateKey,
          delivery: JSON.stringify(r.delivery),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          created_at: now,
        })),
      )
      .onConflict(['incident_id', 'sink', 'update_key'])
      .ignore();
  }

  async pendingDeliveryIds(
    incidentId: string,
    updateKey: string,
  ): Promise<number[]> {
    const rows = await this.db('pt_sink_outbox')
      .where({
        incident_id: incidentId,
        update_key: updateKey,
        status: 'pending',
      })
      .select('id');
    return rows.map(r => Number(r.id));
  }

  async claimDeliveries(options: {
    owner: string;
    leaseMs: number;
    limit: number;
    ids?: number[];
  }): Promise<ClaimedSinkDelivery[]> {
    const now = new Date().toISOString();
    const due = (q: Knex.QueryBuilder) =>
      q
        .where('status', 'pending')
        .where('next_attempt_at', '<=', now)
        .where(w =>
          w.whereNull('lease_until').orWhere('lease_until', '<=', now),
        );
    let candidates = due(this.db('pt_sink_outbox').select('id'))
      .orderBy('id')
      .limit(options.limit);
    if (options.ids) candidates = candidates.whereIn('id', options.ids);
    const ids = (await candidates).map((r: { id: number | string }) =>
      Number(r.id),
    );
    if (ids.length === 0) return [];
    const leaseUntil = new Date(Date.now() + options.leaseMs).toISOString();
    await due(this.db('pt_sink_outbox').whereIn('id', ids)).update({
      lease_owner: options.owner,
      lease_until: leaseUntil,
      attempts: this.db.raw('attempts + 1'),
    });
    const claimed = await this.db('pt_sink_outbox')
      .whereIn('id', ids)
      .where({
        lease_owner: options.owner,
        lease_until: leaseUntil,
        status: 'pending',
      })
      .orderBy('id');
    return claimed.map(r => ({
      id: Number(r.id),
      incidentId: r.incident_id,
      sink: r.sink,
      updateKey: r.update_key,
      delivery: JSON.parse(r.delivery),
      attempts: Number(r.attempts),
    }));
  }

  async finishDelivery(
    id: number,
    owner: string,
    outcome:
      | { status: 'sent' }
      | { status: 'pending'; error: string; retryAt: string }
      | { status: 'dead'; error: string },
  ): Promise<boolean> {
    const now = new Date().toISOString();
    const changed = await this.db('pt_sink_outbox')
      .where({ id, lease_owner: owner, status: 'pending' })
      .update({
        status: outcome.status,
        lease_owner: null,
        lease_until: null,
        ...(outcome.status === 'pending'
          ? { next_attempt_at: outcome.retryAt }
          : { finished_at: now }),
        ...('error' in outcome
          ? { last_error: outcome.error.slice(0, 2000) }
          : {}),
      });
    return changed > 0;
  }

  async listDeliveries(incidentId: string): Promise<SinkDeliveryState[]> {
    const rows = await this.db('pt_sink_outbox')
      .where('incident_id', incidentId)
      .orderBy('id');
    return rows.map(r => ({
      sink: r.sink,
      updateKey: r.update_key,
      status: r.status,
      attempts: Number(r.attempts),
      ...(r.last_error ? { lastError: r.last_error } : {}),
      ...(r.status === 'pending'
        ? { nextAttemptAt: toIso(r.next_attempt_at) }
        : {}),
      createdAt: toIso(r.created_at),
      ...(r.finished_at ? { finishedAt: toIso(r.finished_at) } : {}),
    }));
  }
}
