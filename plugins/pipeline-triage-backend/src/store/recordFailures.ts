import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { IncidentStatus } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { FailureRecord, RecordedOccurrence } from './types';
import { toIso } from './time';
import { detailJson, verdictColumns } from './incidentColumns';
import { rememberRuns } from './jobRuns';
import {
  entityScopes,
  needsStoredWeeks,
  shapeOf,
  storedEntityScopes,
  trendDeltas,
  writeTrendDeltas,
  type TrendDelta,
  type TrendShape,
} from './trendRollup';

/** Rows per multi-row statement: well inside both databases' bound-parameter limits. */
const CHUNK = 200;

/** Columns an occurrence may change on an existing incident row. */
const MERGED_COLUMNS = [
  'open_key',
  'status',
  'category',
  'domain',
  'confidence',
  'safe_to_retry',
  'partial_write',
  'severity',
  'environment',
  'title',
  'job_entity_ref',
  'owner_ref',
  'routed_to',
  'route_rule',
  'linked',
  'occurrences',
  'consecutive_failures',
  'last_seen',
  'acknowledged_at',
  'resolved_at',
  'latest_event_id',
  'detail',
  'updated_at',
  'paging',
  'paging_reason',
  'caused_by_incident_id',
  'caused_by_entity_ref',
  'caused_by_reason',
  'flaky_flips',
  'silent',
];

/** An incident row as read and written here (column names as stored). */
type Row = Record<string, any> & { category: string; domain: string };

/** One incident this batch touches: its row as it will be written, and what the batch added. */
interface Touched {
  row: Row;
  /** The row as stored before this batch; undefined for a new incident. */
  stored?: Row;
  entities: Map<string, { entityRef: string; role: string }>;
  newWeeks: Map<string, number>;
  /** The batch's last failure of this incident: its detail is the one stored. */
  latest?: FailureRecord;
  /** Whether the incident had paged someone before this failure. */
  wasPaged: boolean;
}

const chunks = <T>(items: T[]) => {
  const out: T[][] = [];
  for (let from = 0; from < items.length; from += CHUNK)
    out.push(items.slice(from, from + CHUNK));
  return out;
};

/** A missed run (the freshness watch's) is the absence of a run. */
const isMissedRun = (r: FailureRecord) =>
  r.silent?.kind === 'no_run_before_sla';

const laterOf = (a: string | null | undefined, b: string) =>
  a && a > b ? a : b;

/**
 * Records the failures of a batch of claimed events in one transaction, with a fixed number of
 * set-based statements whatever the batch size: the per-event round trips, not the database,
 * were what capped ingest. Same rules as one at a time, applied in the order given: a failure
 * groups into its job's open incident of the same signature, reopens one resolved within the
 * window, or opens a new one.
 */
export async function recordFailures(
  tx: Knex.Transaction,
  records: FailureRecord[],
  options: { reopenWindowHours: number; isPg: boolean },
): Promise<RecordedOccurrence[]> {
  const now = new Date().toISOString();
  const jobKeys = [...new Set(records.map(r => r.jobKey))].sort();
  await lockJobs(tx, jobKeys, options.isPg);

  // A re-delivered or retried event whose occurrence is already stored is only finished.
  const already = new Map<string, string>();
  for (const ids of chunks(records.map(r => r.eventId))) {
    const rows = await tx('pt_occurrences')
      .whereIn('event_id', ids)
      .select('event_id', 'incident_id');
    for (const r of rows) already.set(r.event_id, r.incident_id);
  }
  const fresh = records.filter(r => !already.has(r.eventId));
  const openKeyOf = (r: FailureRecord) => `${r.jobKey}|${r.verdict.signature}`;

  const openByKey = new Map<string, Row>();
  for (const keys of chunks([...new Set(fresh.map(openKeyOf))])) {
    let q = tx('pt_incidents').whereIn('open_key', keys).orderBy('id');
    if (options.isPg) q = q.forUpdate();
    for (const row of await q.select('*')) openByKey.set(row.open_key, row);
  }
  const resolvedByKey = new Map<string, Row>();
  const reopenable = fresh.filter(r => !openByKey.has(openKeyOf(r)));
  if (reopenable.length) {
    const windowStart = new Date(
      Date.now() - options.reopenWindowHours * 3600_000,
    ).toISOString();
    const wanted = new Set(reopenable.map(openKeyOf));
    for (const keys of chunks([...new Set(reopenable.map(r => r.jobKey))])) {
      const rows = await tx('pt_incidents')
        .whereIn('job_key', keys)
        .andWhere({ status: 'resolved' })
        .andWhere('resolved_at', '>=', windowStart)
        .orderBy('resolved_at', 'desc')
        .select('*');
      for (const row of rows) {
        const key = `${row.job_key}|${row.signature}`;
        // The most recently resolved one comes back.
        if (wanted.has(key) && !resolvedByKey.has(key))
          resolvedByKey.set(key, row);
      }
    }
  }

  const touched = new Map<string, Touched>();
  const current = new Map<string, Touched>();
  const history: Array<Record<string, unknown>> = [];
  const occurrences: Array<Record<string, unknown>> = [];
  const results: RecordedOccurrence[] = [];
  const failureTimes = new Map<string, string[]>();
  for (const r of records) {
    const done = already.get(r.eventId);
    if (done) {
      results.push({
        incidentId: done,
        kind: 'repeat',
        recorded: false,
        status: 'open',
      });
      continue;
    }
    const key = openKeyOf(r);
    const eventTime = toIso(r.event.eventTime);
    const verdict = verdictColumns(r);
    let t = current.get(key);
    let kind: RecordedOccurrence['kind'];
    if (!t && openByKey.has(key)) t = track(touched, openByKey.get(key)!);
    if (t) {
      kind = 'repeat';
      applyPaging(t, r);
      Object.assign(t.row, t.row.category_overridden ? {} : verdict, {
        occurrences: t.row.occurrences + 1,
        consecutive_failures: t.row.consecutive_failures + 1,
        last_seen: laterOf(t.row.last_seen, eventTime),
      });
    } else if (resolvedByKey.has(key)) {
      t = track(touched, resolvedByKey.get(key)!);
      resolvedByKey.delete(key);
      kind = 'reopened';
      Object.assign(t.row, t.row.category_overridden ? {} : verdict, {
        status: 'open',
        open_key: key,
        resolved_at: null,
        acknowledged_at: null,
        occurrences: t.row.occurrences + 1,
        consecutive_failures: 1,
        last_seen: laterOf(t.row.last_seen, eventTime),
      });
      applyPaging(t, r);
      // A reopened incident follows from what broke this time, if anything did.
      Object.assign(t.row, causeColumns(r));
      history.push({
        incident_id: t.row.id,
        at: now,
        by: 'pipeline-triage',
        action: 'reopened',
        from_value: 'resolved',
        to_value: 'open',
        reason: `failed again within ${options.reopenWindowHours}h of being resolved`,
      });
    } else {
      kind = 'new';
      t = {
        row: {
          id: randomUUID(),
          open_key: key,
          job_key: r.jobKey,
          signature: r.verdict.signature,
          status: 'open',
          ...verdict,
          job_name: r.event.job.name,
          job_namespace: r.event.job.namespace,
          occurrences: 1,
          consecutive_failures: 1,
          first_seen: eventTime,
          last_seen: eventTime,
          category_overridden: false,
          acknowledged_at: null,
          resolved_at: null,
          ...causeColumns(r),
          paging: r.paging?.state ?? null,
          paging_reason: r.paging?.reason ?? null,
        },
        entities: new Map(),
        newWeeks: new Map(),
        wasPaged: false,
      };
      touched.set(t.row.id, t);
      history.push({
        incident_id: t.row.id,
        at: now,
        by: 'pipeline-triage',
        action: 'opened',
        to_value: verdict.category,
      });
    }
    current.set(key, t);
    Object.assign(t.row, {
      latest_event_id: r.eventId,
      updated_at: now,
      // The latest failure's reading of the job's history; silent once opened silently.
      flaky_flips: r.flakyFlips ?? 0,
      silent: Boolean(r.silent || t.row.silent),
    });
    t.latest = r;
    for (const e of r.entityIndex)
      t.entities.set(`${e.entityRef}|${e.role}`, e);
    t.newWeeks.set(r.week, (t.newWeeks.get(r.week) ?? 0) + 1);
    occurrences.push({
      event_id: r.eventId,
      incident_id: t.row.id,
      event_time: eventTime,
      week: r.week,
    });
    // A missed run (the freshness watch's) is the absence of a run: it never counts as one.
    failureTimes.set(r.jobKey, [
      ...(failureTimes.get(r.jobKey) ?? []),
      ...(isMissedRun(r) ? [] : [eventTime]),
    ]);
    results.push({
      incidentId: t.row.id,
      kind,
      recorded: true,
      status: t.row.status as IncidentStatus,
      ...(t.row.paging ? { paging: t.row.paging, wasPaged: t.wasPaged } : {}),
      ...(t.row.caused_by_incident_id
        ? {
            causedBy: {
              incidentId: t.row.caused_by_incident_id,
              entityRef: t.row.caused_by_entity_ref ?? '',
              reason: t.row.caused_by_reason ?? '',
            },
          }
        : {}),
    });
  }

  const list = [...touched.values()];
  for (const t of list) t.row.detail = JSON.stringify(detailJson(t.latest!));
  const storedScopes = await storedEntityScopes(
    tx,
    list.filter(t => t.stored).map(t => t.row.id),
  );
  for (const rows of chunks(list.map(t => t.row))) {
    await tx('pt_incidents')
      .insert(rows)
      .onConflict('id')
      .merge(MERGED_COLUMNS);
  }
  for (const rows of chunks(history))
    await tx('pt_status_history').insert(rows);
  const entityRows = list.flatMap(t =>
    [...t.entities.values()].map(e => ({
      incident_id: t.row.id,
      entity_ref: e.entityRef,
      role: e.role,
    })),
  );
  for (const rows of chunks(entityRows)) {
    await tx('pt_incident_entities')
      .insert(rows)
      .onConflict(['incident_id', 'entity_ref', 'role'])
      .ignore();
  }
  for (const rows of chunks(occurrences))
    await tx('pt_occurrences').insert(rows);
  const shapes = shapesOf(list, storedScopes);
  // A cascade is counted once, under its cause: its own occurrences stay out of the trends.
  await writeTrendDeltas(
    tx,
    await trendChanges(
      tx,
      shapes.filter(s => !s.t.row.caused_by_incident_id),
    ),
  );
  await writeRecency(tx, shapes);
  await recordJobFailures(tx, failureTimes, records);
  await rememberRuns(
    tx,
    fresh
      .filter(r => !isMissedRun(r))
      .map(r => ({
        jobKey: r.jobKey,
        eventId: r.eventId,
        event: r.event,
        signature: r.verdict.signature,
      })),
  );
  await finishEvents(
    tx,
    records.map((r, i) => ({
      id: r.eventId,
      incidentId: results[i].incidentId,
    })),
    now,
  );

  // A repeat of an already recorded event reports the incident's status as stored now.
  const statuses = await statusesOf(
    tx,
    results.filter(r => !r.recorded).map(r => r.incidentId),
  );
  return results.map(r =>
    r.recorded ? r : { ...r, status: statuses.get(r.incidentId) ?? r.status },
  );
}

function causeColumns(r: FailureRecord) {
  return {
    caused_by_incident_id: r.causedBy?.incidentId ?? null,
    caused_by_entity_ref: r.causedBy?.entityRef ?? null,
    caused_by_reason: r.causedBy?.reason ?? null,
  };
}

/**
 * An incident once paged stays paged; otherwise the latest failure decides (a last attempt
 * turns "waiting for retries" into a page). `wasPaged` is kept per failure for the notifier.
 */
function applyPaging(t: Touched, r: FailureRecord) {
  t.wasPaged = t.row.paging === 'paged';
  if (!r.paging || t.wasPaged) return;
  t.row.paging = r.paging.state;
  t.row.paging_reason = r.paging.reason;
}

/** Starts tracking an incident read from the store: timestamps as ISO strings, flags as booleans. */
function track(touched: Map<string, Touched>, stored: Row): Touched {
  const row: Row = { ...stored };
  for (const c of [
    'first_seen',
    'last_seen',
    'last_success',
    'acknowledged_at',
    'resolved_at',
    'updated_at',
    'logs_purged_at',
  ]) {
    if (row[c] !== null && row[c] !== undefined) row[c] = toIso(row[c]);
  }
  for (const c of ['safe_to_retry', 'linked', 'category_overridden'])
    row[c] = Boolean(row[c]);
  const t: Touched = {
    row,
    stored: { ...row },
    entities: new Map(),
    newWeeks: new Map(),
    wasPaged: row.paging === 'paged',
  };
  touched.set(row.id, t);
  return t;
}

/**
 * Job rows are the per-job lock every writer of a job's incidents takes first; taking them in
 * key order means two batches sharing jobs wait for each other instead of deadlocking.
 */
async function lockJobs(
  tx: Knex.Transaction,
  jobKeys: string[],
  isPg: boolean,
) {
  for (const keys of chunks(jobKeys)) {
    await tx('pt_job_state')
      .insert(keys.map(job_key => ({ job_key })))
      .onConflict('job_key')
      .ignore();
    if (isPg)
      await tx('pt_job_state')
        .whereIn('job_key', keys)
        .orderBy('job_key')
        .forUpdate()
        .select('job_key');
  }
}

type Shapes = Array<{ t: Touched; before?: TrendShape; after: TrendShape }>;

/** Each touched incident's trend shape before and after the batch. */
function shapesOf(
  list: Touched[],
  storedScopes: Map<string, string[]>,
): Shapes {
  return list.map(t => {
    const before: TrendShape | undefined = t.stored
      ? shapeOf(t.stored, storedScopes.get(t.row.id) ?? [])
      : undefined;
    const after = shapeOf(
      t.row,
      entityScopes([...t.entities.values()], before?.entityScopes),
    );
    return { t, before, after };
  });
}

/** The rollup changes of every touched incident; stored weeks are read only where a shape moved. */
async function trendChanges(
  tx: Knex.Transaction,
  shapes: Shapes,
): Promise<TrendDelta[]> {
  const moved = shapes
    .filter(s => needsStoredWeeks(s.before, s.after))
    .map(s => s.t.row.id);
  const weeks = new Map<string, Map<string, number>>();
  for (const ids of chunks(moved)) {
    const rows: Array<{
      incident_id: string;
      week: string;
      n: string | number;
    }> = await tx('pt_occurrences')
      .whereIn('incident_id', ids)
      .groupBy('incident_id', 'week')
      .select('incident_id', 'week')
      .count({ n: '*' });
    for (const r of rows) {
      const m = weeks.get(r.incident_id) ?? new Map<string, number>();
      m.set(r.week, Number(r.n));
      weeks.set(r.incident_id, m);
    }
  }
  return shapes.flatMap(s =>
    trendDeltas(s.before, s.after, s.t.newWeeks, weeks.get(s.t.row.id)),
  );
}

/** Every entity and team page an incident is listed on learns its new last_seen. */
async function writeRecency(tx: Knex.Transaction, shapes: Shapes) {
  const rows = shapes.flatMap(({ t, after }) =>
    after.entityScopes.map(scope => ({
      scope,
      incident_id: t.row.id,
      last_seen: t.row.last_seen,
    })),
  );
  // A fixed order, so two batches sharing a page's rows wait for each other instead of deadlocking.
  const key = (r: { scope: string; incident_id: string }) =>
    `${r.scope}\u0000${r.incident_id}`;
  rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  for (const chunk of chunks(rows)) {
    await tx('pt_incident_recency')
      .insert(chunk)
      .onConflict(['scope', 'incident_id'])
      .merge(['last_seen']);
  }
}

/** Each job's entity and last failure (out-of-order events keep the latest). */
async function recordJobFailures(
  tx: Knex.Transaction,
  failureTimes: Map<string, string[]>,
  records: FailureRecord[],
) {
  const entityRefs = new Map<string, string>();
  for (const r of records)
    if (r.jobEntityRef) entityRefs.set(r.jobKey, r.jobEntityRef);
  const rows: Array<Record<string, unknown>> = [];
  for (const keys of chunks([...failureTimes.keys()])) {
    for (const row of await tx('pt_job_state')
      .whereIn('job_key', keys)
      .select('*')) {
      const state = {
        job_key: row.job_key,
        job_entity_ref:
          entityRefs.get(row.job_key) ?? row.job_entity_ref ?? null,
        last_success: row.last_success ? toIso(row.last_success) : null,
        last_failure: row.last_failure ? toIso(row.last_failure) : null,
      };
      // Events may arrive out of order (imports, retried deliveries).
      for (const at of failureTimes.get(row.job_key) ?? [])
        state.last_failure = laterOf(state.last_failure, at);
      rows.push(state);
    }
  }
  for (const chunk of chunks(rows))
    await tx('pt_job_state').insert(chunk).onConflict('job_key').merge();
}

/** Marks the batch's events done with their incident, one statement per chunk. */
async function finishEvents(
  tx: Knex.Transaction,
  done: Array<{ id: string; incidentId: string }>,
  now: string,
) {
  for (const chunk of chunks(done)) {
    const cases = chunk.map(() => 'when ? then ?').join(' ');
    await tx('pt_events')
      .whereIn(
        'id',
        chunk.map(d => d.id),
      )
      .update({
        status: 'done',
        incident_id: tx.raw(
          `case id ${cases} end`,
          chunk.flatMap(d => [d.id, d.incidentId]),
        ),
        processed_at: now,
        locked_until: null,
      });
  }
}

async function statusesOf(
  tx: Knex.Transaction,
  ids: string[],
): Promise<Map<string, IncidentStatus>> {
  const out = new Map<string, IncidentStatus>();
  for (const chunk of chunks([...new Set(ids)])) {
    for (const r of await tx('pt_incidents')
      .whereIn('id', chunk)
      .select('id', 'status'))
      out.set(r.id, r.status);
  }
  return out;
}
