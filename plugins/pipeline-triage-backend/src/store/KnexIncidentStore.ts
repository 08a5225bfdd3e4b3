import type { Knex } from 'knex';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  DownstreamIncident,
  FailureEvent,
  IncidentDetail,
  IncidentSummary,
  NotificationRecord,
  Page,
  StatusChange,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type {
  EntityStatus,
  FailureRecord,
  IncidentFilter,
  IncidentPatch,
  IncidentStore,
  JobRun,
  RecordedOccurrence,
  StoredVerdict,
  UpstreamIncident,
  LastRun,
  VerdictChange,
} from './types';
import {
  applyIncidentAccess,
  type IncidentAccessFilter,
  type IncidentResource,
} from './applyIncidentAccess';
import { changeVerdict } from './changeVerdict';
import { decodeCursor, encodeCursor } from './cursor';
import type { IncidentDetailJson } from './incidentColumns';
import {
  filteredIncidents,
  OPEN_STATUSES,
  rowToSummary,
  SUMMARY_COLUMNS,
} from './incidentQuery';
import { isDeadlock, lockJob, withDeadlockRetry } from './lockJob';
import { recordFailures } from './recordFailures';
import { KnexSinkOutbox } from './KnexSinkOutbox';
import { readRecentRuns, rememberRuns } from './jobRuns';
import { pastResolutions } from './pastResolutions';
import { toIso } from './time';

/** The window the entity status averages its jobs' runs per day over. */
const RUNS_PER_DAY_WINDOW_DAYS = 7;

/** Incidents and their lifecycle on knex: failures and successes recorded, reads, changes. */
export class KnexIncidentStore implements IncidentStore {
  private readonly isPg: boolean;

  constructor(private readonly db: Knex) {
    this.isPg = String(db.client.config.client).startsWith('pg');
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
        return await this.db.transaction(tx =>
          recordFailures(tx, records, { ...options, isPg: this.isPg }),
        );
      } catch (error) {
        if (attempt < 3 && (isUniqueViolation(error) || isDeadlock(error)))
          continue;
        throw error;
      }
    }
  }

  /** Only a success newer than the last one moves the job's last success (events arrive out of order). */
  private async recordJobSuccess(
    tx: Knex.Transaction,
    jobKey: string,
    at: string,
  ) {
    await tx('pt_job_state')
      .where('job_key', jobKey)
      .andWhere(q =>
        q.whereNull('last_success').orWhere('last_success', '<', at),
      )
      .update({ last_success: at });
  }

  recentRuns(
    jobKeys: string[],
    options: { since: string; perJob: number },
  ): Promise<Map<string, JobRun[]>> {
    return readRecentRuns(this.db, jobKeys, options);
  }

  async lastRunsOf(query: {
    jobKeys: string[];
    jobEntityRefs: string[];
  }): Promise<LastRun[]> {
    const refs = query.jobEntityRefs.map(r => r.toLocaleLowerCase('en-US'));
    if (query.jobKeys.length === 0 && refs.length === 0) return [];
    const rows = await this.db('pt_job_state')
      .whereIn('job_key', query.jobKeys)
      .orWhereIn('job_entity_ref', refs)
      .select('job_key', 'job_entity_ref', 'last_success', 'last_failure');
    return rows.flatMap(r => {
      const times = [r.last_success, r.last_failure]
        .filter(Boolean)
        .map(t => toIso(t))
        .sort();
      return times.length
        ? [
            {
              jobKey: r.job_key,
              ...(r.job_entity_ref ? { jobEntityRef: r.job_entity_ref } : {}),
              at: times[times.length - 1],
            },
          ]
        : [];
    });
  }

  async upstreamIncidents(
    tableRefs: string[],
    window: { since: string; until: string },
  ): Promise<UpstreamIncident[]> {
    const refs = [...new Set(tableRefs.map(r => r.toLocaleLowerCase('en-US')))];
    if (refs.length === 0) return [];
    const rows = await this.db('pt_incident_entities as e')
      .join('pt_incidents as i', 'i.id', 'e.incident_id')
      .whereIn('e.entity_ref', refs)
      .andWhere('e.role', 'output')
      .whereIn('i.status', OPEN_STATUSES)
      .whereNotNull('i.job_entity_ref')
      .andWhere('i.last_seen', '>=', toIso(window.since))
      .andWhere('i.first_seen', '<=', toIso(window.until))
      .orderBy('i.first_seen', 'asc')
      .orderBy('i.id', 'asc')
      .select(
        'i.id',
        'i.job_key',
        'i.job_entity_ref',
        'i.job_name',
        'e.entity_ref',
        'i.partial_write',
        'i.category',
        'i.first_seen',
        'i.last_seen',
      );
    return rows.map(r => ({
      incidentId: r.id,
      jobKey: r.job_key,
      jobEntityRef: r.job_entity_ref,
      jobName: r.job_name,
      tableRef: r.entity_ref,
      partialWrite: r.partial_write,
      category: r.category,
      firstSeen: toIso(r.first_seen),
      lastSeen: toIso(r.last_seen),
    }));
  }

  async countSuccess(success: {
    key: string;
    runId: string;
    jobKey: string;
    jobEntityRef?: string;
    event: FailureEvent;
  }): Promise<'counted' | 'duplicate' | 'store'> {
    const { key, runId, jobKey, jobEntityRef, event } = success;
    return withDeadlockRetry(() =>
      this.db.transaction(async tx => {
        // Under the job's lock a failure of this job is either committed (an open incident or a
        // waiting event: the success must be processed in order) or not yet accepted (it will
        // follow this success, as it would have on the stored path).
        await lockJob(tx, jobKey, this.isPg);
        const open = await tx('pt_incidents')
          .where('job_key', jobKey)
          .whereIn('status', OPEN_STATUSES)
          .first('id');
        const waiting = await tx('pt_events')
          .where('job_key', jobKey)
          .whereIn('status', ['pending', 'processing'])
          .first('id');
        // Stored before (it changed an incident then): the stored path answers it a duplicate.
        const stored = await tx('pt_events')
          .where('event_key', key)
          .first('id');
        if (open || waiting || stored) return 'store';
        if (await tx('pt_job_runs').where('event_id', runId).first('id'))
          return 'duplicate';
        await this.recordJobSuccess(tx, jobKey, toIso(event.eventTime));
        if (jobEntityRef)
          await tx('pt_job_state')
            .where('job_key', jobKey)
            .whereNull('job_entity_ref')
            .update({
              job_entity_ref: jobEntityRef,
            });
        await rememberRuns(tx, [{ jobKey, eventId: runId, event }]);
        return 'counted';
      }),
    );
  }

  async recordSuccess(
    eventId: string,
    event: FailureEvent,
    jobKey: string,
    options: { autoResolve: boolean },
  ): Promise<{ resolvedIncidentIds: string[] }> {
    const at = toIso(event.eventTime);
    const now = new Date().toISOString();
    return withDeadlockRetry(() =>
      this.db.transaction(async tx => {
        await lockJob(tx, jobKey, this.isPg);
        const open = await tx('pt_incidents')
          .where('job_key', jobKey)
          .whereIn('status', OPEN_STATUSES)
          .orderBy('id')
          .select('id', 'status', 'partial_write', 'last_seen', 'paging');
        await this.recordJobSuccess(tx, jobKey, at);
        await rememberRuns(tx, [{ jobKey, eventId, event }]);
        const resolvedIncidentIds: string[] = [];
        for (const inc of open) {
          const update: Record<string, unknown> = {
            last_success: at,
            updated_at: now,
            consecutive_failures: 0,
          };
          // A partial write needs a person to check the output, whatever the later run did.
          const canResolve =
            options.autoResolve &&
            inc.partial_write !== 'true' &&
            toIso(inc.last_seen) <= at;
          if (canResolve) {
            Object.assign(update, {
              status: 'resolved',
              resolved_at: now,
              open_key: null,
            });
            resolvedIncidentIds.push(inc.id);
            // Retries that succeeded: the page that was held back is never sent.
            if (inc.paging === 'waiting_for_retries')
              Object.assign(update, {
                paging: 'suppressed',
                paging_reason: `a later run succeeded at ${at}, so nobody was paged`,
              });
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
      }),
    );
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
      ? filteredIncidents(this.db, {
          ...filter,
          ...(filter.entityRef
            ? { entityRef: undefined }
            : { owner: undefined }),
        })
          .join('pt_incident_recency as r', 'r.incident_id', 'i.id')
          .where('r.scope', scope)
      : filteredIncidents(this.db, filter);
    const [lastSeen, id] = scope
      ? ['r.last_seen', 'r.incident_id']
      : ['i.last_seen', 'i.id'];
    if (page.cursor) {
      const c = decodeCursor(page.cursor);
      q = q.where(w =>
        w
          .where(lastSeen, '<', c.lastSeen)
          .orWhere(w2 =>
            w2.where(lastSeen, '=', c.lastSeen).andWhere(id, '<', c.id),
          ),
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
        rows.length > page.limit && last
          ? encodeCursor({ lastSeen: last.lastSeen, id: last.id })
          : undefined,
    };
  }

  async getIncident(id: string): Promise<IncidentDetail | undefined> {
    const row = await this.db('pt_incidents').where('id', id).first();
    if (!row) return undefined;
    const detail: IncidentDetailJson = JSON.parse(row.detail);
    const [
      occurrences,
      history,
      notifications,
      sinkDeliveries,
      resolutions,
      downstream,
    ] = await Promise.all([
      this.db('pt_occurrences as o')
        .join('pt_events as e', 'e.id', 'o.event_id')
        .where('o.incident_id', id)
        .orderBy('o.event_time', 'desc')
        .limit(50)
        .select('e.id', 'e.payload', 'e.received_at', 'o.event_time'),
      this.db('pt_status_history')
        .where('incident_id', id)
        .orderBy('id', 'asc'),
      this.db('pt_notifications').where('incident_id', id).orderBy('id', 'asc'),
      new KnexSinkOutbox(this.db).listDeliveries(id),
      pastResolutions(this.db, {
        id,
        jobKey: row.job_key,
        signature: row.signature,
        resolvedAt: row.resolved_at ? toIso(row.resolved_at) : undefined,
      }),
      this.db('pt_incidents')
        .where('caused_by_incident_id', id)
        .orderBy('first_seen', 'desc')
        .orderBy('id', 'desc')
        .select(
          'id',
          'job_entity_ref',
          'job_name',
          'title',
          'status',
          'caused_by_reason',
        ),
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
      ...(detail.changes ? { changes: detail.changes } : {}),
      pastResolutions: resolutions,
      flaky: Number(row.flaky_flips ?? 0) > 0,
      silent: Boolean(row.silent),
      ...(detail.silentReason ? { silentReason: detail.silentReason } : {}),
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
          note: h.note ?? undefined,
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
      ...(sinkDeliveries.length > 0 ? { sinkDeliveries } : {}),
      ...(downstream.length > 0
        ? {
            downstreamIncidents: downstream.map(
              (d): DownstreamIncident => ({
                incidentId: d.id,
                entityRef: d.job_entity_ref ?? undefined,
                jobName: d.job_name,
                title: d.title,
                status: d.status,
                reason: d.caused_by_reason ?? '',
              }),
            ),
          }
        : {}),
      ...(row.paging_reason ? { pagingReason: row.paging_reason } : {}),
    };
  }

  async updateIncident(
    id: string,
    patch: IncidentPatch,
  ): Promise<IncidentDetail> {
    const now = new Date().toISOString();
    await this.db.transaction(async tx => {
      const row = await tx('pt_incidents').where('id', id).first();
      if (!row) throw new NotFoundError(`No incident with id ${id}`);
      const update: Record<string, unknown> = { updated_at: now };
      let history: Record<string, unknown>;
      switch (patch.action) {
        case 'acknowledge':
          if (row.status !== 'open')
            throw new ConflictError(`Incident is ${row.status}, not open`);
          Object.assign(update, {
            status: 'acknowledged',
            acknowledged_at: now,
          });
          history = {
            action: 'acknowledged',
            from_value: row.status,
            to_value: 'acknowledged',
          };
          break;
        case 'resolve':
          if (row.status === 'resolved')
            throw new ConflictError('Incident is already resolved');
          Object.assign(update, {
            status: 'resolved',
            resolved_at: now,
            open_key: null,
          });
          history = {
            action: 'resolved',
            from_value: row.status,
            to_value: 'resolved',
          };
          break;
        case 'reopen': {
          if (row.status !== 'resolved')
            throw new ConflictError(`Incident is ${row.status}, not resolved`);
          const clash = await tx('pt_incidents')
            .where('open_key', `${row.job_key}|${row.signature}`)
            .first('id');
          if (clash) {
            throw new ConflictError(
              `A newer open incident ${clash.id} already tracks this failure`,
            );
          }
          Object.assign(update, {
            status: 'open',
            resolved_at: null,
            acknowledged_at: null,
            open_key: `${row.job_key}|${row.signature}`,
          });
          history = {
            action: 'reopened',
            from_value: 'resolved',
            to_value: 'open',
          };
          break;
        }
        default:
          throw new InputError(
            `Unknown action ${(patch as IncidentPatch).action}`,
          );
      }
      await tx('pt_incidents').where('id', id).update(update);
      await tx('pt_status_history').insert({
        incident_id: id,
        at: now,
        by: patch.by,
        reason: patch.reason ?? null,
        note: patch.action === 'resolve' ? patch.note ?? null : null,
        ...history,
      });
      if (patch.action === 'resolve' && patch.cascade)
        await resolveCascade(tx, id, patch.by, now);
    });
    return (await this.getIncident(id))!;
  }

  changeVerdict(
    id: string,
    decide: (current: StoredVerdict) => VerdictChange | undefined,
  ): Promise<boolean> {
    return changeVerdict(this.db, this.isPg, id, decide);
  }

  async entityStatus(
    entityRef: string,
    access?: IncidentAccessFilter,
  ): Promise<EntityStatus> {
    const [open] = await filteredIncidents(
      this.db,
      entityRef.startsWith('group:')
        ? { owner: entityRef, access }
        : { entityRef, access },
    )
      .whereIn('i.status', OPEN_STATUSES)
      .count({ n: '*' });
    let jobsQuery = this.db('pt_job_state as j').where(
      'j.job_entity_ref',
      entityRef,
    );
    if (access) {
      // A job's health is shown only to callers who may read at least one of its incidents.
      jobsQuery = jobsQuery.whereExists(
        applyIncidentAccess(
          this.db('pt_incidents as i').whereRaw('i.job_key = j.job_key'),
          access,
          this.db,
        ).select(this.db.raw('1')),
      );
    }
    const jobs = await jobsQuery.select('j.*');
    // The failing streak is counted from the occurrences themselves: events arrive out of order
    // (imports, late deliveries), and only failures after the latest success belong to it.
    let consecutive = 0;
    let failingSince: string | undefined;
    for (const job of jobs) {
      const lastSuccess = job.last_success
        ? toIso(job.last_success)
        : undefined;
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
      values
        .filter((v): v is string => Boolean(v))
        .map(toIso)
        .sort()
        .pop();
    // Flaky: one of its jobs passed the same failure on the next run with nothing changed, lately.
    const flaky = jobs.length
      ? await this.db('pt_incidents')
          .whereIn(
            'job_key',
            jobs.map(j => j.job_key),
          )
          .andWhere('flaky_flips', '>', 0)
          .andWhere(
            'last_seen',
            '>=',
            new Date(Date.now() - 30 * 86_400_000).toISOString(),
          )
          .first('id')
      : undefined;
    // Every run is counted in the run history, stored or not (a healthy success is only counted).
    const [runs] = jobs.length
      ? await this.db('pt_job_runs')
          .whereIn(
            'job_key',
            jobs.map(j => j.job_key),
          )
          .andWhere(
            'event_time',
            '>=',
            new Date(
              Date.now() - RUNS_PER_DAY_WINDOW_DAYS * 86_400_000,
            ).toISOString(),
          )
          .count({ n: '*' })
      : [{ n: 0 }];
    const runsPerDay =
      Math.round((Number(runs.n) / RUNS_PER_DAY_WINDOW_DAYS) * 10) / 10;
    return {
      entityRef,
      openIncidents: Number(open.n),
      ...(flaky ? { flaky: true } : {}),
      ...(runsPerDay > 0 ? { runsPerDay } : {}),
      failingSince,
      lastFailure: latest(jobs.map(j => j.last_failure)),
      lastSuccess: latest(jobs.map(j => j.last_success)),
      consecutiveFailures: consecutive,
    };
  }

  async routedTeams(since: string): Promise<string[]> {
    const rows = await this.db('pt_incidents')
      .where('last_seen', '>=', toIso(since))
      .andWhere('routed_to', 'like', 'group:%')
      .distinct('routed_to');
    return rows.map(r => r.routed_to).sort();
  }

  async incidentResources(
    ids: string[],
  ): Promise<Array<IncidentResource | undefined>> {
    if (ids.length === 0) return [];
    const [rows, entities] = await Promise.all([
      this.db('pt_incidents')
        .whereIn('id', ids)
        .select('id', 'owner_ref', 'routed_to', 'environment'),
      this.db('pt_incident_entities')
        .whereIn('incident_id', ids)
        .select('incident_id', 'entity_ref'),
    ]);
    const byId = new Map<string, IncidentResource>(
      rows.map(r => [
        r.id,
        {
          id: r.id,
          ownerRef: r.owner_ref ?? undefined,
          routedTo: r.routed_to ?? undefined,
          environment: r.environment,
          entityRefs: [],
        },
      ]),
    );
    for (const e of entities)
      byId.get(e.incident_id)?.entityRefs.push(e.entity_ref);
    return ids.map(id => byId.get(id));
  }

  async incidentMatches(
    id: string,
    access: IncidentAccessFilter,
  ): Promise<boolean> {
    const row = await applyIncidentAccess(
      this.db('pt_incidents as i').where('i.id', id),
      access,
      this.db,
    ).first('i.id');
    return Boolean(row);
  }
}

/** Resolves the open incidents a resolved cause had downstream, each noted in its history. */
async function resolveCascade(
  tx: Knex.Transaction,
  causeId: string,
  by: string,
  now: string,
) {
  const open = await tx('pt_incidents')
    .where('caused_by_incident_id', causeId)
    .whereIn('status', OPEN_STATUSES)
    .orderBy('id')
    .select('id', 'status');
  for (const inc of open) {
    await tx('pt_incidents').where('id', inc.id).update({
      status: 'resolved',
      resolved_at: now,
      open_key: null,
      updated_at: now,
    });
    await tx('pt_status_history').insert({
      incident_id: inc.id,
      at: now,
      by,
      action: 'resolved',
      from_value: inc.status,
      to_value: 'resolved',
      reason: `resolved with its cause, incident ${causeId}`,
    });
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '')
  );
}
