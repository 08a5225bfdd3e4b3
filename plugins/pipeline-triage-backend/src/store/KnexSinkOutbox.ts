import type { Knex } from 'knex';
import type {
  ClaimedSinkDelivery,
  NewSinkDelivery,
  SinkDeliveryState,
  SinkOutbox,
} from './types';
import { toIso } from './time';

/**
 * The sinks' outbox on knex. A claim turns due rows `sending` (owner, lease, claimed_at) in one
 * transaction with a conditional UPDATE, so of two instances claiming one row only one sees its
 * owner on it afterwards, before either makes its HTTP call; SQLite and PostgreSQL alike. A row
 * still `sending` past its lease is claimable again: its outcome was never recorded.
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
    // Due: pending and its time has come, or sending past its lease (nobody recorded an outcome).
    const claimable = (q: Knex.QueryBuilder) =>
      q.where(w =>
        w
          .where(p =>
            p.where('status', 'pending').where('next_attempt_at', '<=', now),
          )
          .orWhere(p =>
            p.where('status', 'sending').where('lease_until', '<=', now),
          ),
      );
    return this.db.transaction(async tx => {
      let candidates = claimable(tx('pt_sink_outbox').select('id', 'status'))
        .orderBy('id')
        .limit(options.limit);
      if (options.ids) candidates = candidates.whereIn('id', options.ids);
      const found: Array<{ id: number | string; status: string }> =
        await candidates;
      if (found.length === 0) return [];
      const ids = found.map(r => Number(r.id));
      const leaseUntil = new Date(Date.now() + options.leaseMs).toISOString();
      // Conditional: of two instances claiming one row, the second's WHERE no longer matches.
      await claimable(tx('pt_sink_outbox').whereIn('id', ids)).update({
        status: 'sending',
        lease_owner: options.owner,
        lease_until: leaseUntil,
        claimed_at: now,
        attempts: tx.raw('attempts + 1'),
      });
      const claimed = await tx('pt_sink_outbox')
        .whereIn('id', ids)
        .where({
          lease_owner: options.owner,
          lease_until: leaseUntil,
          status: 'sending',
        })
        .orderBy('id');
      const stale = new Set(
        found.filter(r => r.status === 'sending').map(r => Number(r.id)),
      );
      const resent = claimed.filter(r => stale.has(Number(r.id)));
      for (const r of resent) {
        const note = `attempt ${
          Number(r.attempts) - 1
        }: no outcome recorded (the instance sending it stopped or its lease ran out); sent again`;
        await tx('pt_sink_outbox')
          .where('id', r.id)
          .update({ last_error: note });
        r.last_error = note;
      }
      return claimed.map(r => ({
        id: Number(r.id),
        incidentId: r.incident_id,
        sink: r.sink,
        updateKey: r.update_key,
        delivery: JSON.parse(r.delivery),
        attempts: Number(r.attempts),
        ...(stale.has(Number(r.id)) ? { resent: true } : {}),
      }));
    });
  }

  async finishDelivery(
    id: number,
    owner: string,
    outcome:
      | { status: 'sent'; target?: string }
      | { status: 'pending'; error: string; retryAt: string; target?: string }
      | { status: 'dead'; error: string; target?: string },
  ): Promise<boolean> {
    const now = new Date().toISOString();
    const changed = await this.db('pt_sink_outbox')
      .where({ id, lease_owner: owner, status: 'sending' })
      .update({
        status: outcome.status,
        lease_owner: null,
        lease_until: null,
        ...(outcome.target ? { target: outcome.target.slice(0, 255) } : {}),
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
      ...(r.target ? { target: r.target } : {}),
      ...(r.last_error ? { lastError: r.last_error } : {}),
      ...(r.status === 'pending'
        ? { nextAttemptAt: toIso(r.next_attempt_at) }
        : {}),
      ...(r.status === 'sending' && r.claimed_at
        ? { claimedAt: toIso(r.claimed_at), leaseUntil: toIso(r.lease_until) }
        : {}),
      createdAt: toIso(r.created_at),
      ...(r.finished_at ? { finishedAt: toIso(r.finished_at) } : {}),
    }));
  }
}
