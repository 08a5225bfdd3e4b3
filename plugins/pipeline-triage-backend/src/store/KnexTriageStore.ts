import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  type Category,
  type FailureEvent,
  type IncidentDetail,
  type IncidentStatus,
  type IncidentSummary,
  type NotificationRecord,
  type Page,
  type StatusChange,
} from '@internal/plugin-pipeline-triage-common';
import type {
  AcceptedEvent,
  DeadLetter,
  EntityStatus,
  FailureRecord,
  TriageStats,
  UnlinkedName,
  StoredFinding,
  FindingGroup,
  IncidentFilter,
  IncidentPatch,
  JobState,
  NewEvent,
  RecordedOccurrence,
  StoredEvent,
  StoredVerdict,
  TriageStore,
  VerdictChange,
  TrendsQuery,
} from './types';
import { toIso } from './time';
import { recordFailures } from './recordFailures';
import { changeVerdict } from './changeVerdict';
import type { IncidentDetailJson } from './incidentColumns';
import { decodeCursor, encodeCursor } from './cursor';
import { applyIncidentAccess, type IncidentAccessFilter } from '../permissions/applyIncidentAccess';
import { readTrendCounts, trendScope } from './trendRollup';

const OPEN_STATUSES: IncidentStatus[] = ['open', 'acknowledged'];

/** Roles under which an entity page lists an incident (owners are matched by `owner=`). */
const ENTITY_ROLES = ['job', 'input', 'output', 'contract'];

const SUMMARY_COLUMNS = [
  'id',
  'title',
  'status',
  'category',
  'domain',
  'confidence',
  'safe_to_retry',
  'partial_write',
  'severity',
  'environment',
  'job_name',
  'job_namespace',
  'job_entity_ref',
  'owner_ref',
  'routed_to',
  'route_rule',
  'linked',
  'signature',
  'occurrences',
  'consecutive_failures',
  'first_seen',
  'last_seen',
  'last_success',
  'category_overridden',
];



/** The triage store on knex: one implementation, tested on SQLite and PostgreSQL. */
export class KnexTriageStore implements TriageStore {
  private readonly isPg: boolean;

  constructor(private readonly db: Knex) {
    this.isPg = String(db.client.config.client).startsWith('pg');
  }

  async acceptEvents(events: NewEvent[], options: { sweepAfterMs?: number } = {}): Promise<AcceptedEvent[]> {
    if (events.length === 0) return [];
    const now = new Date().toISOString();
    const sweepAt = new Date(Date.now() + (options.sweepAfterMs ?? 0)).toISOString();
    // One multi-row insert per chunk instead of a statement per event; re-deliveries (and a key
    // repeated inside the batch) come back as duplicates of the stored event.
    return this.db.transaction(async tx => {
      const stored = new Map<string, string>();
      for (let from = 0; from < events.length; from += 200) {
        const rows = events.slice(from, from + 200).map(e => ({
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
        const inserted: Array<{ id: string; event_key: string }> = await tx('pt_events')
          .insert(rows)
          .onConflict('event_key')
          .ignore()
          .returning(['id', 'event_key']);
        for (const r of inserted) stored.set(r.event_key, r.id);
      }
      const missing = [...new Set(events.map(e => e.key).filter(k => !stored.has(k)))];
      const existing = new Map<string, { id: string; incident_id: string | null }>();
      for (let from = 0; from < missing.length; from += 500) {
        const rows = await tx('pt_events').whereIn('event_key', missing.slice(from, from + 500)).select('id', 'event_key', 'incident_id');
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
        results.push({ id: prior.id, key: e.key, duplicate: true, incidentId: prior.incident_id ?? undefined });
      }
      return results;
    });
  }

  async claimEvent(id: string, leaseMs: number): Promise<StoredEvent | undefined> {
    return (await this.claimEvents([id], leaseMs))[0];
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
            .orWhere(q2 => q2.where('status', 'processing').andWhere('locked_until', '<', now.toISOString())),
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
          .where(q2 => q2.where('status', 'pending').andWhere('next_attempt_at', '<=', now))
          .orWhere(q2 => q2.where('status', 'processing').andWhere('locked_until', '<', now)),
      )
      .orderBy('received_at')
      .limit(limit)
      .select('id');
    return this.claimEvents(candidates.map(c => c.id), leaseMs);
  }

  async recordFailure(
    record: FailureRecord,
    options: { reopenWindowHours: number },
  ): Promise<RecordedOccurrence> {
    return (await this.recordFailures([record], options))[0];
  }

  async recordFailures(
    records: FailureRecord[],
    options: { reopenWindowHours: number },
  ): Promise<RecordedOccurrence[]> {
    if (records.length === 0) return [];
    // Two instances may try to open the same incident at once; the unique open_key makes one of
    // them lose, and the retry then groups into the winner's incident.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction(tx => recordFailures(tx, records, { ...options, isPg: this.isPg }));
      } catch (error) {
        if (attempt < 3 && (isUniqueViolation(error) || isDeadlock(error))) continue;
        throw error;
      }
    }
  }

  /**
   * Serializes processing per job: every transaction that touches a job's incidents takes its
   * job-state row first, so failures and successes of one job cannot deadlock on PostgreSQL
   * (found by the crash test: incident-then-job-state against job-state-then-incident).
   */
  private async lockJob(tx: Knex.Transaction, jobKey: string) {
    await tx('pt_job_state').insert({ job_key: jobKey, consecutive_failures: 0 }).onConflict('job_key').ignore();
    if (this.isPg) await tx('pt_job_state').where('job_key', jobKey).forUpdate().first('job_key');
  }

  /** A success newer than the last one ends the job's failing streak, unless a later failure came. */
  private async recordJobSuccess(tx: Knex.Transaction, jobKey: string, at: string) {
    const row = await tx('pt_job_state').where('job_key', jobKey).first();
    const lastSuccess = row?.last_success ? toIso(row.last_success) : null;
    if (lastSuccess && at <= lastSuccess) return;
    const lastFailure = row?.last_failure ? toIso(row.last_failure) : null;
    const endsStreak = !lastFailure || lastFailure < at;
    await tx('pt_job_state')
      .where('job_key', jobKey)
      .update({ last_success: at, ...(endsStreak ? { consecutive_failures: 0, failing_since: null } : {}) });
  }

  async recordSuccess(
    eventId: string,
    event: FailureEvent,
    jobKey: string,
    options: { autoResolve: boolean },
  ): Promise<{ resolvedIncidentIds: string[] }> {
    const at = toIso(event.eventTime);
    const now = new Date().toISOString();
    return this.withDeadlockRetry(() => this.db.transaction(async tx => {
      await this.lockJob(tx, jobKey);
      const open = await tx('pt_incidents')
        .where('job_key', jobKey)
        .whereIn('status', OPEN_STATUSES)
        .orderBy('id')
        .select('id', 'status', 'partial_write', 'last_seen');
      await this.recordJobSuccess(tx, jobKey, at);
      const resolvedIncidentIds: string[] = [];
      for (const inc of open) {
        const update: Record<string, unknown> = { last_success: at, updated_at: now, consecutive_failures: 0 };
        // A partial write needs a person to check the output, whatever the later run did.
        const canResolve =
          options.autoResolve && inc.partial_write !== 'true' && toIso(inc.last_seen) <= at;
        if (canResolve) {
          Object.assign(update, { status: 'resolved', resolved_at: now, open_key: null });
          resolvedIncidentIds.push(inc.id);
          await tx('pt_status_history').insert({
            incident_id: inc.id,
            at: now,
            by: 'pipeline-triage',
            action: 'auto_resolved',
            from_value: inc.status,
            to_value: 'resolved',
            reason: `the job succeeded at ${at}`,
          });
        }
        await tx('pt_incidents').where('id', inc.id).update(update);
      }
      await tx('pt_events')
        .where('id', eventId)
        .update({ status: 'done', processed_at: now, locked_until: null });
      return { resolvedIncidentIds };
    }));
  }

  /** A deadlock victim's transaction rolled back whole; running it again is safe. */
  private async withDeadlockRetry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (attempt < 3 && isDeadlock(error)) continue;
        throw error;
      }
    }
  }

  async failEvent(
    id: string,
    error: string,
    options: { maxAttempts: number; retryDelayMs: number },
  ): Promise<'retry' | 'dead'> {
    return this.db.transaction(async tx => {
      const row = await tx('pt_events').where('id', id).first('attempts', 'status');
      if (!row) throw new NotFoundError(`No event ${id}`);
      if (row.attempts >= options.maxAttempts) {
        await tx('pt_events').where('id', id).update({ status: 'dead', last_error: error, locked_until: null });
        await tx('pt_dead_letters')
          .insert({ event_id: id, at: new Date().toISOString(), attempts: row.attempts, reason: error })
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

  private filtered(filter: IncidentFilter) {
    let q = this.db('pt_incidents as i');
    const entitySub = (refs: string[], roles?: string[]) => {
      const sub = this.db('pt_incident_entities').whereIn('entity_ref', refs).select('incident_id');
      return roles ? sub.whereIn('role', roles) : sub;
    };
    if (filter.entityRef) {
      q = q.whereIn('i.id', entitySub([filter.entityRef.toLocaleLowerCase('en-US')], ENTITY_ROLES));
    }
    if (filter.owner) {
      q = q.whereIn('i.id', entitySub([filter.owner.toLocaleLowerCase('en-US')], ['owner']));
    }
    if (filter.routedTo) q = q.where('i.routed_to', filter.routedTo.toLocaleLowerCase('en-US'));
    if (filter.status?.length) q = q.whereIn('i.status', filter.status);
    if (filter.category?.length) q = q.whereIn('i.category', filter.category);
    if (filter.domain?.length) q = q.whereIn('i.domain', filter.domain);
    if (filter.environment?.length) q = q.whereIn('i.environment', filter.environment);
    if (filter.visibleEntityRefs) {
      const refs = filter.visibleEntityRefs;
      q = q.where(w =>
        w.whereIn('i.id', entitySub(refs.length ? refs : ['\u0000'])).orWhereIn('i.routed_to', refs),
      );
    }
    if (filter.access) q = applyIncidentAccess(q, filter.access, this.db);
    return q;
  }

  async listIncidents(
    filter: IncidentFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<IncidentSummary>> {
    // An entity's or a team's page reads its own recency rows newest first, off an index,
    // instead of walking every incident's recency until it has found a page of its own.
    const scope = filter.entityRef
      ? `entity:${filter.entityRef.toLocaleLowerCase('en-US')}`
      : filter.owner && `owner:${filter.owner.toLocaleLowerCase('en-US')}`;
    let q = scope
      ? this.filtered({ ...filter, ...(filter.entityRef ? { entityRef: undefined } : { owner: undefined }) })
          .join('pt_incident_recency as r', 'r.incident_id', 'i.id')
          .where('r.scope', scope)
      : this.filtered(filter);
    const [lastSeen, id] = scope ? ['r.last_seen', 'r.incident_id'] : ['i.last_seen', 'i.id'];
    if (page.cursor) {
      const c = decodeCursor(page.cursor);
      q = q.where(w =>
        w.where(lastSeen, '<', c.lastSeen).orWhere(w2 => w2.where(lastSeen, '=', c.lastSeen).andWhere(id, '<', c.id)),
      );
    }
    const rows = await q
      .orderBy([
        { column: lastSeen, order: 'desc' },
        { column: id, order: 'desc' },
      ])
      .limit(page.limit + 1)
      .select(SUMMARY_COLUMNS.map(col => `i.${col}`));
    const items = rows.slice(0, page.limit).map(rowToSummary);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > page.limit && last ? encodeCursor({ lastSeen: last.lastSeen, id: last.id }) : undefined,
    };
  }

  async getIncident(id: string): Promise<IncidentDetail | undefined> {
    const row = await this.db('pt_incidents').where('id', id).first();
    if (!row) return undefined;
    const detail: IncidentDetailJson = JSON.parse(row.detail);
    const [occurrences, history, notifications] = await Promise.all([
      this.db('pt_occurrences as o')
        .join('pt_events as e', 'e.id', 'o.event_id')
        .where('o.incident_id', id)
        .orderBy('o.event_time', 'desc')
        .limit(50)
        .select('e.id', 'e.payload', 'e.received_at', 'o.event_time'),
      this.db('pt_status_history').where('incident_id', id).orderBy('id', 'asc'),
      this.db('pt_notifications').where('incident_id', id).orderBy('id', 'asc'),
    ]);
    return {
      ...rowToSummary(row),
      verdict: detail.verdict,
      evidenceLines: detail.evidenceLines,
      causeChain: detail.causeChain,
      recommendation: detail.verdict.recommendation,
      route: detail.route,
      linkedEntities: detail.linkedEntities,
      links: detail.links,
      latestEvent: detail.latestEvent,
      occurrencesList: occurrences.map(o => {
        const ev: FailureEvent = JSON.parse(o.payload);
        return {
          eventId: o.id,
          eventTime: toIso(o.event_time),
          receivedAt: toIso(o.received_at),
          outcome: ev.outcome,
          runId: ev.runId,
          attempt: ev.attempt,
          errorMessage: ev.errorMessage?.slice(0, 500),
        };
      }),
      statusHistory: history.map(
        (h): StatusChange => ({
          at: toIso(h.at),
          by: h.by,
          action: h.action,
          from: h.from_value ?? undefined,
          to: h.to_value ?? undefined,
          reason: h.reason ?? undefined,
        }),
      ),
      notifications: notifications.map(
        (n): NotificationRecord => ({
          at: toIso(n.at),
          channel: n.channel,
          status: n.status,
          recipients: JSON.parse(n.recipients),
          detail: n.detail ?? undefined,
        }),
      ),
    };
  }

  async updateIncident(id: string, patch: IncidentPatch): Promise<IncidentDetail> {
    const now = new Date().toISOString();
    await this.db.transaction(async tx => {
      const row = await tx('pt_incidents').where('id', id).first();
      if (!row) throw new NotFoundError(`No incident with id ${id}`);
      const update: Record<string, unknown> = { updated_at: now };
      let history: Record<string, unknown>;
      switch (patch.action) {
        case 'acknowledge':
          if (row.status !== 'open') throw new ConflictError(`Incident is ${row.status}, not open`);
          Object.assign(update, { status: 'acknowledged', acknowledged_at: now });
          history = { action: 'acknowledged', from_value: row.status, to_value: 'acknowledged' };
          break;
        case 'resolve':
          if (row.status === 'resolved') throw new ConflictError('Incident is already resolved');
          Object.assign(update, { status: 'resolved', resolved_at: now, open_key: null });
          history = { action: 'resolved', from_value: row.status, to_value: 'resolved' };
          break;
        case 'reopen': {
          if (row.status !== 'resolved') throw new ConflictError(`Incident is ${row.status}, not resolved`);
          const clash = await tx('pt_incidents')
            .where('open_key', `${row.job_key}|${row.signature}`)
            .first('id');
          if (clash) {
            throw new ConflictError(`A newer open incident ${clash.id} already tracks this failure`);
          }
          Object.assign(update, {
            status: 'open',
            resolved_at: null,
            acknowledged_at: null,
            open_key: `${row.job_key}|${row.signature}`,
          });
          history = { action: 'reopened', from_value: 'resolved', to_value: 'open' };
          break;
        }
        default:
          throw new InputError(`Unknown action ${(patch as IncidentPatch).action}`);
      }
      await tx('pt_incidents').where('id', id).update(update);
      await tx('pt_status_history').insert({
        incident_id: id,
        at: now,
        by: patch.by,
        reason: patch.reason ?? null,
        ...history,
      });
    });
    return (await this.getIncident(id))!;
  }

  changeVerdict(id: string, decide: (current: StoredVerdict) => VerdictChange | undefined): Promise<boolean> {
    return changeVerdict(this.db, this.isPg, id, decide);
  }

  async recordNotification(incidentId: string, record: NotificationRecord): Promise<void> {
    await this.recordNotifications([{ incidentId, record }]);
  }

  async recordNotifications(rows: Array<{ incidentId: string; record: NotificationRecord }>): Promise<void> {
    for (let from = 0; from < rows.length; from += 200) {
      await this.db('pt_notifications').insert(
        rows.slice(from, from + 200).map(({ incidentId, record }) => ({
          incident_id: incidentId,
          at: record.at,
          channel: record.channel,
          status: record.status,
          recipients: JSON.stringify(record.recipients),
          detail: record.detail ?? null,
        })),
      );
    }
  }

  async trends(query: TrendsQuery) {
    const scope = trendScope(query.filter);
    if (scope) {
      const counts = await readTrendCounts(this.db, scope, query.weeks, query.groupBy);
      return { groupBy: query.groupBy, keys: [...new Set(counts.map(c => c.key))].sort(), counts };
    }
    const keyColumn = {
      category: 'i.category',
      domain: 'i.domain',
      team: 'i.owner_ref',
    }[query.groupBy];
    const rows: Array<{ week: string; key: string | null; count: string | number }> = await this.filtered(
      query.filter,
    )
      .join('pt_occurrences as o', 'o.incident_id', 'i.id')
      .whereIn('o.week', query.weeks)
      .groupBy('o.week', keyColumn)
      .select('o.week as week', `${keyColumn} as key`)
      .count({ count: '*' });
    return {
      groupBy: query.groupBy,
      keys: [...new Set(rows.map(r => String(r.key ?? 'unowned')))].sort(),
      counts: rows.map(r => ({
        week: String(r.week),
        key: String(r.key ?? 'unowned'),
        count: Number(r.count),
      })),
    };
  }

  async jobState(jobKeys: string[]): Promise<JobState[]> {
    if (jobKeys.length === 0) return [];
    const rows = await this.db('pt_job_state').whereIn('job_key', jobKeys);
    return rows.map(r => ({
      jobKey: r.job_key,
      lastSuccess: r.last_success ? toIso(r.last_success) : undefined,
      lastFailure: r.last_failure ? toIso(r.last_failure) : undefined,
      failingSince: r.failing_since ? toIso(r.failing_since) : undefined,
      consecutiveFailures: r.consecutive_failures,
    }));
  }

  async entityStatus(entityRef: string, access?: IncidentAccessFilter): Promise<EntityStatus> {
    const [open] = await this.filtered(
      entityRef.startsWith('group:') ? { owner: entityRef, access } : { entityRef, access },
    )
      .whereIn('i.status', OPEN_STATUSES)
      .count({ n: '*' });
    let jobsQuery = this.db('pt_job_state as j').where('j.job_entity_ref', entityRef);
    if (access) {
      // A job's health is shown only to callers who may read at least one of its incidents.
      jobsQuery = jobsQuery.whereExists(
        applyIncidentAccess(this.db('pt_incidents as i').whereRaw('i.job_key = j.job_key'), access, this.db).select(this.db.raw('1')),
      );
    }
    const jobs = await jobsQuery.select('j.*');
    // The failing streak is counted from the occurrences themselves: events arrive out of order
    // (imports, late deliveries), and only failures after the latest success belong to it.
    let consecutive = 0;
    let failingSince: string | undefined;
    for (const job of jobs) {
      const lastSuccess = job.last_success ? toIso(job.last_success) : undefined;
      let q = this.db('pt_occurrences as o')
        .join('pt_incidents as i', 'i.id', 'o.incident_id')
        .where('i.job_key', job.job_key);
      if (lastSuccess) q = q.where('o.event_time', '>', lastSuccess);
      const [streak] = await q.count({ n: '*' }).min({ since: 'o.event_time' });
      const n = Number(streak.n);
      if (n > consecutive) consecutive = n;
      if (n > 0 && streak.since) {
        const since = toIso(streak.since);
        if (!failingSince || since < failingSince) failingSince = since;
      }
    }
    const latest = (values: Array<string | null>) =>
      values.filter((v): v is string => Boolean(v)).map(toIso).sort().pop();
    return {
      entityRef,
      openIncidents: Number(open.n),
      failingSince,
      lastFailure: latest(jobs.map(j => j.last_failure)),
      lastSuccess: latest(jobs.map(j => j.last_success)),
      consecutiveFailures: consecutive,
    };
  }

  async listDeadLetters(limit: number): Promise<DeadLetter[]> {
    const rows = await this.db('pt_dead_letters as d')
      .join('pt_events as e', 'e.id', 'd.event_id')
      .orderBy('d.at', 'desc')
      .limit(limit)
      .select('d.event_id', 'd.at', 'd.attempts', 'd.reason', 'e.source', 'e.job_key');
    return rows.map(r => ({
      eventId: r.event_id,
      at: toIso(r.at),
      attempts: r.attempts,
      reason: r.reason,
      source: r.source,
      jobKey: r.job_key,
    }));
  }

  async noteUnlinked(names: Array<{ kind: 'job' | 'dataset'; name: string }>, at: string): Promise<void> {
    const when = toIso(at);
    // One row per name however often a batch names it: an upsert may not touch a row twice.
    const counts = new Map<string, { kind: string; name: string; count: number }>();
    for (const { kind, name } of names) {
      const n = name.slice(0, 1024);
      const key = `${kind}\u0000${n}`;
      const c = counts.get(key) ?? { kind, name: n, count: 0 };
      c.count += 1;
      counts.set(key, c);
    }
    const rows = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => ({ ...c, first_seen: when, last_seen: when }));
    for (let from = 0; from < rows.length; from += 500) {
      await this.db('pt_unlinked_names')
        .insert(rows.slice(from, from + 500))
        .onConflict(['kind', 'name'])
        .merge({
          count: this.db.raw('pt_unlinked_names.count + excluded.count'),
          last_seen: this.db.raw(
            this.isPg
              ? 'greatest(pt_unlinked_names.last_seen, excluded.last_seen)'
              : 'max(pt_unlinked_names.last_seen, excluded.last_seen)',
          ),
        });
    }
  }

  async recordFindings(rows: Array<{ incidentId: string; eventId: string; at: string; finding: StoredFinding }>): Promise<void> {
    for (let from = 0; from < rows.length; from += 200) {
      await this.db('pt_contract_violations')
        .insert(
          rows.slice(from, from + 200).map(({ incidentId, eventId, at, finding: f }) => ({
            incident_id: incidentId,
            event_id: eventId,
            kind: f.kind,
            clause: f.clause,
            contract_ref: f.contractRef ?? null,
            table_ref: f.tableRef ?? null,
            dataset: f.dataset,
            path: f.path ?? null,
            line: f.line ?? null,
            column_name: f.column ?? '',
            observed: f.observed,
            expected: f.expected,
            message: f.message,
            at: toIso(at),
          })),
        )
        .onConflict(['event_id', 'kind', 'clause', 'dataset', 'column_name'])
        .ignore();
    }
  }

  async listFindings(query: { entityRef: string; since?: string; observedDrift: boolean; access?: IncidentAccessFilter }): Promise<FindingGroup[]> {
    const ref = query.entityRef.toLocaleLowerCase('en-US');
    // A table shows findings about itself, a contract its clauses; a pipeline or a team the
    // findings of the incidents it is part of (as job, producer or owner).
    let q = this.db('pt_contract_violations as v');
    if (ref.startsWith('resource:')) q = q.where('v.table_ref', ref);
    else if (ref.startsWith('api:')) q = q.where('v.contract_ref', ref);
    else {
      q = q.whereIn(
        'v.incident_id',
        this.db('pt_incident_entities')
          .where('entity_ref', ref)
          .whereIn('role', ['job', 'owner', 'upstream_producer', 'routed'])
          .select('incident_id'),
      );
    }
    q = query.observedDrift ? q.where('v.kind', 'observed_drift') : q.whereNot('v.kind', 'observed_drift');
    if (query.since) q = q.where('v.at', '>=', toIso(query.since));
    if (query.access) {
      q = q.whereIn('v.incident_id', applyIncidentAccess(this.db('pt_incidents as i'), query.access, this.db).select('i.id'));
    }
    const rows: any[] = await q
      .groupBy('v.kind', 'v.clause', 'v.contract_ref', 'v.table_ref', 'v.dataset', 'v.path', 'v.column_name')
      .select('v.kind', 'v.clause', 'v.contract_ref', 'v.table_ref', 'v.dataset', 'v.path', 'v.column_name')
      .count({ count: '*' })
      .min({ first_seen: 'v.at' })
      .max({ last_seen: 'v.at', last_id: 'v.id' })
      .orderBy('last_seen', 'desc');
    if (rows.length === 0) return [];
    // The newest row of each group gives its observed / expected values and line.
    const latest = await this.db('pt_contract_violations').whereIn('id', rows.map(r => r.last_id));
    const byId = new Map(latest.map(r => [r.id, r]));
    return rows.map(r => {
      const l = byId.get(r.last_id);
      return {
        kind: r.kind,
        clause: r.clause,
        contractRef: r.contract_ref ?? undefined,
        tableRef: r.table_ref ?? undefined,
        dataset: r.dataset,
        path: r.path ?? undefined,
        line: l?.line ?? undefined,
        column: r.column_name || undefined,
        observed: l?.observed,
        expected: l?.expected,
        message: l?.message,
        count: Number(r.count),
        firstSeen: toIso(r.first_seen),
        lastSeen: toIso(r.last_seen),
        lastIncidentId: l?.incident_id,
      };
    });
  }

  async swapDatasetSchemas(swaps: Array<{ dataset: string; tableRef?: string; fields: unknown[]; at: string }>) {
    if (swaps.length === 0) return [];
    return this.withDeadlockRetry(() => this.db.transaction(async tx => {
      const datasets = [...new Set(swaps.map(s => s.dataset))].sort();
      const stored = new Map<string, { fields: string; seen_at: string; table_ref: string | null }>();
      for (let from = 0; from < datasets.length; from += 500) {
        // Locked in name order, so two batches sharing datasets wait instead of deadlocking.
        let query = tx('pt_dataset_schemas').whereIn('dataset', datasets.slice(from, from + 500)).orderBy('dataset');
        if (this.isPg) query = query.forUpdate();
        for (const r of await query.select('*')) stored.set(r.dataset, { ...r, seen_at: toIso(r.seen_at) });
      }
      const changed = new Set<string>();
      const previous = swaps.map(s => {
        const row = stored.get(s.dataset);
        const at = toIso(s.at);
        // Only a newer schema replaces the baseline: late or replayed events do not rewind it.
        if (!row || row.seen_at <= at) {
          stored.set(s.dataset, { fields: JSON.stringify(s.fields), seen_at: at, table_ref: s.tableRef ?? row?.table_ref ?? null });
          changed.add(s.dataset);
        }
        return row ? (JSON.parse(row.fields) as unknown[]) : undefined;
      });
      const rows = [...changed].sort().map(dataset => ({ dataset, ...stored.get(dataset)! }));
      for (let from = 0; from < rows.length; from += 200) {
        // A row another instance inserted meanwhile is only replaced by a newer schema.
        await tx('pt_dataset_schemas')
          .insert(rows.slice(from, from + 200))
          .onConflict('dataset')
          .merge()
          .where('pt_dataset_schemas.seen_at', '<=', tx.raw('excluded.seen_at'));
      }
      return previous;
    }));
  }

  async routedTeams(since: string): Promise<string[]> {
    const rows = await this.db('pt_incidents')
      .where('last_seen', '>=', toIso(since))
      .andWhere('routed_to', 'like', 'group:%')
      .distinct('routed_to');
    return rows.map(r => r.routed_to).sort();
  }

  async listUnlinked(limit: number): Promise<UnlinkedName[]> {
    const rows = await this.db('pt_unlinked_names')
      .orderBy([
        { column: 'count', order: 'desc' },
        { column: 'last_seen', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(r => ({
      kind: r.kind,
      name: r.name,
      count: r.count,
      firstSeen: toIso(r.first_seen),
      lastSeen: toIso(r.last_seen),
    }));
  }

  async triageStats(filter: IncidentFilter): Promise<TriageStats> {
    const seconds = (later: string, earlier: string) =>
      this.isPg
        ? `extract(epoch from (${later} - ${earlier}))`
        : `(julianday(${later}) - julianday(${earlier})) * 86400`;
    const [row] = await this.filtered(filter).select(
      this.db.raw('count(*) as total'),
      this.db.raw(`sum(case when i.category_overridden then 1 else 0 end) as overridden`),
      this.db.raw(`avg(case when i.acknowledged_at is not null then ${seconds('i.acknowledged_at', 'i.first_seen')} end) as mtta`),
      this.db.raw(`avg(case when i.resolved_at is not null then ${seconds('i.resolved_at', 'i.first_seen')} end) as mttr`),
    );
    // A "safe to retry" verdict proved right when a success resolved the incident, and wrong
    // when the job failed the same way again before any success.
    const retryRows = await this.filtered(filter)
      .where('i.safe_to_retry', true)
      .select(
        this.db.raw(
          `sum(case when exists (select 1 from pt_status_history h where h.incident_id = i.id and h.action = 'auto_resolved') then 1 else 0 end) as proved_right`,
        ),
        this.db.raw('sum(case when i.consecutive_failures > 1 then 1 else 0 end) as proved_wrong'),
      );
    const top = await this.filtered(filter)
      .orderBy([
        { column: 'i.occurrences', order: 'desc' },
        { column: 'i.last_seen', order: 'desc' },
      ])
      .limit(10)
      .select(SUMMARY_COLUMNS.map(col => `i.${col}`));
    const total = Number(row.total ?? 0);
    const right = Number(retryRows[0]?.proved_right ?? 0);
    const wrong = Number(retryRows[0]?.proved_wrong ?? 0);
    return {
      incidents: total,
      overrideRate: total ? Number(row.overridden ?? 0) / total : null,
      mttaSeconds: row.mtta === null || row.mtta === undefined ? null : Number(row.mtta),
      mttrSeconds: row.mttr === null || row.mttr === undefined ? null : Number(row.mttr),
      safeRetry: { provedRight: right, provedWrong: wrong, precision: right + wrong ? right / (right + wrong) : null },
      topRepeatFailures: top.map(rowToSummary),
    };
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

function rowToSummary(row: any): IncidentSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    category: row.category as Category,
    domain: row.domain,
    confidence: Number(row.confidence),
    safeToRetry: Boolean(row.safe_to_retry),
    partialWrite: row.partial_write,
    severity: row.severity,
    environment: row.environment,
    jobName: row.job_name,
    jobNamespace: row.job_namespace,
    jobEntityRef: row.job_entity_ref ?? undefined,
    ownerRef: row.owner_ref ?? undefined,
    routedTo: row.routed_to ?? undefined,
    routeRule: row.route_rule ?? undefined,
    linked: Boolean(row.linked),
    signature: row.signature,
    occurrences: row.occurrences,
    consecutiveFailures: row.consecutive_failures,
    firstSeen: toIso(row.first_seen),
    lastSeen: toIso(row.last_seen),
    lastSuccess: row.last_success ? toIso(row.last_success) : undefined,
    categoryOverridden: Boolean(row.category_overridden),
  };
}

export function jobKeyOf(event: FailureEvent): string {
  return `${event.job.namespace}/${event.job.name}`;
}



function isDeadlock(error: unknown): boolean {
  return (error as { code?: string })?.code === '40P01';
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
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
