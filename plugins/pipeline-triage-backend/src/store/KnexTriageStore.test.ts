import { TestDatabases } from '@backstage/backend-test-utils';
import type {
  FailureEvent,
  TriageVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { KnexTriageStore } from './KnexTriageStore';
import { migrateStore, rollbackStore } from './migrateStore';
import type { FailureRecord } from './types';
import { databaseIds } from '../__testUtils__/databaseIds';
import { overrideTo } from './__testUtils__/failureRecord';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: databaseIds() });

function failure(overrides: Partial<FailureEvent> = {}): FailureEvent {
  return {
    source: 'generic',
    outcome: 'fail',
    job: { namespace: 'airflow', name: 'orders_daily.load' },
    eventTime: '2026-11-20T10:00:00.000Z',
    runId: 'run-1',
    errorMessage: 'java.lang.OutOfMemoryError: Java heap space',
    ...overrides,
  };
}

function verdict(
  signature = 'sig-oom',
  category: 'resource_exhaustion' | 'code_error' = 'resource_exhaustion',
): TriageVerdict {
  return {
    classification: {
      category,
      domain: category === 'code_error' ? 'code' : 'infra',
      confidence: 0.9,
      evidence: ['L1'],
      rules: ['jvm.heap'],
      hypotheses: [],
      source: 'rules',
    },
    partialWrite: { partialWrite: 'false', reason: 'failed before writing' },
    retry: { safeToRetry: false, reason: 'memory must change first' },
    recommendation: {
      action: 'Raise executor memory',
      diagnostics: [],
      prevention: 'Right-size',
    },
    severity: 'high',
    signature,
    summary: 'Java heap space',
  };
}

function record(
  eventId: string,
  event: FailureEvent,
  v = verdict(),
): FailureRecord {
  return {
    eventId,
    event,
    jobKey: `${event.job.namespace}/${event.job.name}`,
    environment: 'prod',
    verdict: v,
    evidenceLines: [
      { id: 'L1', line: 1, text: event.errorMessage ?? '', kind: 'error' },
    ],
    causeChain: [],
    route: {
      recipient: 'group:default/data-platform',
      copy: [],
      rule: 'resource_exhaustion',
      reason: 'platform',
      notify: true,
    },
    jobEntityRef: 'component:default/orders-daily',
    ownerRef: 'group:default/growth-analytics',
    linked: true,
    linkedEntities: [
      { entityRef: 'component:default/orders-daily', role: 'job' },
    ],
    entityIndex: [
      { entityRef: 'component:default/orders-daily', role: 'job' },
      { entityRef: 'resource:default/orders', role: 'output' },
      { entityRef: 'group:default/growth-analytics', role: 'owner' },
    ],
    week: '2026-W47',
  };
}

async function accept(
  store: KnexTriageStore,
  key: string,
  event: FailureEvent,
) {
  const [a] = await store.acceptEvents([
    { key, event, sender: 'external:test', logTrimmed: false, quiet: false },
  ]);
  return a;
}

describe.each(databases.eachSupportedId())(
  'KnexTriageStore on %s',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      await migrateStore(knex);
      return { knex, store: new KnexTriageStore(knex) };
    }

    it('migrates down and up again', async () => {
      const { knex } = await setup();
      expect(await knex.schema.hasTable('pt_incidents')).toBe(true);
      await rollbackStore(knex);
      expect(await knex.schema.hasTable('pt_incidents')).toBe(false);
      expect(await knex.schema.hasTable('pt_events')).toBe(false);
      await migrateStore(knex);
      expect(await knex.schema.hasTable('pt_occurrences')).toBe(true);
    });

    it('persists events and answers re-deliveries as duplicates', async () => {
      const { store } = await setup();
      const first = await accept(store, 'k1', failure());
      const again = await accept(store, 'k1', failure());
      expect(first.duplicate).toBe(false);
      expect(again).toMatchObject({ duplicate: true, id: first.id });
      const stored = await store.getEvent(first.id);
      expect(stored).toMatchObject({
        status: 'pending',
        event: { job: { name: 'orders_daily.load' } },
      });
    });

    it('lets exactly one claim win and counts an occurrence once', async () => {
      const { store } = await setup();
      const a = await accept(store, 'k1', failure());
      const [c1, c2] = await Promise.all([
        store.claimEvents([a.id], 60_000).then(c => c[0]),
        store.claimEvents([a.id], 60_000).then(c => c[0]),
      ]);
      expect([c1, c2].filter(Boolean)).toHaveLength(1);
      const r1 = await store.recordFailure(record(a.id, failure()), {
        reopenWindowHours: 72,
      });
      const r2 = await store.recordFailure(record(a.id, failure()), {
        reopenWindowHours: 72,
      });
      expect(r1).toMatchObject({ kind: 'new', recorded: true });
      expect(r2).toMatchObject({ incidentId: r1.incidentId, recorded: false });
      const incident = await store.getIncident(r1.incidentId);
      expect(incident?.occurrences).toBe(1);
      expect((await store.getEvent(a.id))?.status).toBe('done');
    });

    it('groups repeats, reopens within the window and opens a new incident otherwise', async () => {
      const { store, knex } = await setup();
      const e1 = await accept(store, 'k1', failure());
      const e2 = await accept(
        store,
        'k2',
        failure({ runId: 'run-2', eventTime: '2026-11-20T11:00:00.000Z' }),
      );
      const r1 = await store.recordFailure(record(e1.id, failure()), {
        reopenWindowHours: 72,
      });
      const r2 = await store.recordFailure(
        record(
          e2.id,
          failure({ runId: 'run-2', eventTime: '2026-11-20T11:00:00.000Z' }),
        ),
        { reopenWindowHours: 72 },
      );
      expect(r2).toMatchObject({ incidentId: r1.incidentId, kind: 'repeat' });
      let incident = await store.getIncident(r1.incidentId);
      expect(incident).toMatchObject({
        occurrences: 2,
        consecutiveFailures: 2,
        lastSeen: '2026-11-20T11:00:00.000Z',
      });

      await store.updateIncident(r1.incidentId, {
        action: 'resolve',
        by: 'user:default/jane',
      });
      const e3 = await accept(store, 'k3', failure({ runId: 'run-3' }));
      const r3 = await store.recordFailure(
        record(e3.id, failure({ runId: 'run-3' })),
        { reopenWindowHours: 72 },
      );
      expect(r3).toMatchObject({ incidentId: r1.incidentId, kind: 'reopened' });
      incident = await store.getIncident(r1.incidentId);
      expect(incident?.status).toBe('open');
      expect(incident?.statusHistory.map(h => h.action)).toEqual([
        'opened',
        'resolved',
        'reopened',
      ]);

      // Resolved long ago: a new incident instead of a reopen.
      await store.updateIncident(r1.incidentId, {
        action: 'resolve',
        by: 'user:default/jane',
      });
      await knex('pt_incidents')
        .where('id', r1.incidentId)
        .update({ resolved_at: '2026-01-01T00:00:00.000Z' });
      const e4 = await accept(store, 'k4', failure({ runId: 'run-4' }));
      const r4 = await store.recordFailure(
        record(e4.id, failure({ runId: 'run-4' })),
        { reopenWindowHours: 72 },
      );
      expect(r4.kind).toBe('new');
      expect(r4.incidentId).not.toBe(r1.incidentId);
    });

    it('filters by entity, owner and route, and pages newest first', async () => {
      const { store } = await setup();
      for (let i = 0; i < 5; i++) {
        const ev = failure({
          job: { namespace: 'airflow', name: `job_${i}` },
          eventTime: `2026-11-2${i}T10:00:00.000Z`,
        });
        const a = await accept(store, `k${i}`, ev);
        await store.recordFailure(record(a.id, ev, verdict(`sig-${i}`)), {
          reopenWindowHours: 72,
        });
      }
      const page1 = await store.listIncidents(
        { entityRef: 'resource:default/orders' },
        { limit: 2 },
      );
      expect(page1.items.map(i => i.jobName)).toEqual(['job_4', 'job_3']);
      const page2 = await store.listIncidents(
        { entityRef: 'resource:default/orders' },
        { limit: 2, cursor: page1.nextCursor },
      );
      expect(page2.items.map(i => i.jobName)).toEqual(['job_2', 'job_1']);
      const page3 = await store.listIncidents(
        { entityRef: 'resource:default/orders' },
        { limit: 2, cursor: page2.nextCursor },
      );
      expect(page3.items.map(i => i.jobName)).toEqual(['job_0']);
      expect(page3.nextCursor).toBeUndefined();
      expect(
        (
          await store.listIncidents(
            { owner: 'group:default/growth-analytics' },
            { limit: 10 },
          )
        ).items,
      ).toHaveLength(5);
      expect(
        (
          await store.listIncidents(
            { routedTo: 'group:default/data-platform' },
            { limit: 10 },
          )
        ).items,
      ).toHaveLength(5);
      expect(
        (
          await store.listIncidents(
            { routedTo: 'group:default/iam-security' },
            { limit: 10 },
          )
        ).items,
      ).toHaveLength(0);
      expect(
        (
          await store.listIncidents(
            { entityRef: 'resource:default/other' },
            { limit: 10 },
          )
        ).items,
      ).toHaveLength(0);
    });

    it('reflects a category override in trends and records who did it', async () => {
      const { store } = await setup();
      const ev = failure();
      const a = await accept(store, 'k1', ev);
      const r = await store.recordFailure(record(a.id, ev), {
        reopenWindowHours: 72,
      });
      const before = await store.trends({
        filter: {},
        weeks: ['2026-W47'],
        groupBy: 'category',
      });
      expect(before.counts).toEqual([
        { week: '2026-W47', key: 'resource_exhaustion', count: 1 },
      ]);
      expect(
        await store.changeVerdict(
          r.incidentId,
          overrideTo(
            'code_error',
            'user:default/jane',
            'the job leaks memory in a UDF',
          ),
        ),
      ).toBe(true);
      const updated = (await store.getIncident(r.incidentId))!;
      expect(updated).toMatchObject({
        category: 'code_error',
        domain: 'code',
        categoryOverridden: true,
      });
      expect(updated.statusHistory[1]).toMatchObject({
        action: 'category_overridden',
        by: 'user:default/jane',
        from: 'resource_exhaustion',
        to: 'code_error',
      });
      const after = await store.trends({
        filter: {},
        weeks: ['2026-W47'],
        groupBy: 'category',
      });
      expect(after.counts).toEqual([
        { week: '2026-W47', key: 'code_error', count: 1 },
      ]);
    });

    it('writes a changed verdict whole, from the stored one, and nothing when there is no change', async () => {
      const { store } = await setup();
      const ev = failure();
      const a = await accept(store, 'k1', ev);
      const r = await store.recordFailure(
        record(a.id, ev, {
          ...verdict(),
          retry: { safeToRetry: true, reason: 'transient' },
        }),
        { reopenWindowHours: 72 },
      );
      const before = (await store.getIncident(r.incidentId))!;
      expect(await store.changeVerdict(r.incidentId, () => undefined)).toBe(
        false,
      );
      expect(await store.getIncident(r.incidentId)).toEqual(before);
      // A model's "not safe" with a higher severity: columns and detail agree, no history for the same cause.
      expect(
        await store.changeVerdict(r.incidentId, current => ({
          verdict: {
            ...current.verdict,
            severity: 'high',
            retry: { safeToRetry: false, reason: 'reruns would fail' },
          },
          evidenceLines: current.evidenceLines,
          causeChain: current.causeChain,
          route: {
            ...current.route,
            recipient: 'group:default/iam-security',
            rule: 'permission:iam_team',
          },
          by: 'pipeline-triage:model',
        })),
      ).toBe(true);
      const after = (await store.getIncident(r.incidentId))!;
      expect(after).toMatchObject({
        safeToRetry: false,
        severity: 'high',
        routedTo: 'group:default/iam-security',
        routeRule: 'permission:iam_team',
        categoryOverridden: false,
      });
      expect(after.verdict).toMatchObject({
        severity: 'high',
        retry: { safeToRetry: false, reason: 'reruns would fail' },
      });
      expect(after.statusHistory).toEqual(before.statusHistory);
      await expect(
        store.changeVerdict('no-such-incident', () => undefined),
      ).rejects.toThrow(/No incident/);
    });

    it('resolves on success unless the run wrote part of its output', async () => {
      const { store } = await setup();
      const clean = failure();
      const partial = failure({
        job: { namespace: 'airflow', name: 'orders_daily.load' },
        runId: 'run-9',
      });
      const a = await accept(store, 'k1', clean);
      const r1 = await store.recordFailure(record(a.id, clean), {
        reopenWindowHours: 72,
      });
      const b = await accept(store, 'k2', partial);
      const pv = verdict('sig-partial');
      pv.partialWrite = {
        partialWrite: 'true',
        reason: '2 partitions committed',
      };
      const r2 = await store.recordFailure(record(b.id, partial, pv), {
        reopenWindowHours: 72,
      });
      const success = failure({
        outcome: 'success',
        runId: 'run-10',
        eventTime: '2026-11-21T10:00:00.000Z',
      });
      const s = await accept(store, 'k3', success);
      const { resolvedIncidentIds } = await store.recordSuccess(
        s.id,
        success,
        'airflow/orders_daily.load',
        { autoResolve: true },
      );
      expect(resolvedIncidentIds).toEqual([r1.incidentId]);
      expect((await store.getIncident(r2.incidentId))?.status).toBe('open');
      expect(
        await store.entityStatus('component:default/orders-daily'),
      ).toMatchObject({
        consecutiveFailures: 0,
        lastSuccess: '2026-11-21T10:00:00.000Z',
      });
    });

    it('retries failed processing with backoff and dead-letters after the last attempt', async () => {
      const { store } = await setup();
      const a = await accept(store, 'k1', failure());
      await store.claimEvents([a.id], 60_000).then(c => c[0]);
      expect(
        await store.failEvent(a.id, 'catalog down', {
          maxAttempts: 2,
          retryDelayMs: 0,
        }),
      ).toBe('retry');
      const [again] = await store.claimDueEvents(10, 60_000);
      expect(again?.id).toBe(a.id);
      expect(
        await store.failEvent(a.id, 'catalog still down', {
          maxAttempts: 2,
          retryDelayMs: 0,
        }),
      ).toBe('dead');
      expect(await store.listDeadLetters(10)).toEqual([
        expect.objectContaining({
          eventId: a.id,
          attempts: 2,
          reason: 'catalog still down',
        }),
      ]);
      expect(await store.claimDueEvents(10, 60_000)).toEqual([]);
      expect((await store.queueStats()).dead).toBe(1);
    });

    it('measures response times, overrides and retry verdicts proved by outcomes', async () => {
      const { store, knex } = await setup();
      const safe = verdict('sig-safe');
      safe.retry = { safeToRetry: true, reason: 'transient' };
      const ids: string[] = [];
      for (const [i, v] of [
        safe,
        verdict('sig-b'),
        verdict('sig-c'),
      ].entries()) {
        const ev = failure({
          job: { namespace: 'airflow', name: `job_${i}` },
          runId: `r${i}`,
        });
        const a = await accept(store, `k${i}`, ev);
        ids.push(
          (
            await store.recordFailure(record(a.id, ev, v), {
              reopenWindowHours: 72,
            })
          ).incidentId,
        );
      }
      // first_seen is 2026-11-20T10:00Z; acknowledged one hour later, resolved two hours later.
      await store.updateIncident(ids[1], {
        action: 'acknowledge',
        by: 'user:default/jane',
      });
      await knex('pt_incidents')
        .where('id', ids[1])
        .update({ acknowledged_at: '2026-11-20T11:00:00.000Z' });
      await store.updateIncident(ids[2], {
        action: 'resolve',
        by: 'user:default/jane',
      });
      await knex('pt_incidents')
        .where('id', ids[2])
        .update({ resolved_at: '2026-11-20T12:00:00.000Z' });
      await store.updateIncident(ids[2], {
        action: 'reopen',
        by: 'user:default/jane',
      });
      await store.changeVerdict(
        ids[2],
        overrideTo('code_error', 'user:default/jane', 'bug'),
      );
      const ok = failure({
        outcome: 'success',
        job: { namespace: 'airflow', name: 'job_0' },
        runId: 'ok',
        eventTime: '2026-11-21T00:00:00.000Z',
      });
      const s = await accept(store, 'ok', ok);
      await store.recordSuccess(s.id, ok, 'airflow/job_0', {
        autoResolve: true,
      });

      const stats = await store.triageStats({});
      expect(stats.incidents).toBe(3);
      expect(stats.mttaSeconds).toBeCloseTo(3600, 0);
      expect(stats.overrideRate).toBeCloseTo(1 / 3);
      expect(stats.safeRetry).toEqual({
        provedRight: 1,
        provedWrong: 0,
        precision: 1,
      });
      expect(stats.topRepeatFailures).toHaveLength(3);
    });

    it('leaves a fresh event to the request that accepted it, and sweeps it once that window passes', async () => {
      const { store } = await setup();
      await store.acceptEvents(
        [
          {
            key: 'owned',
            event: failure(),
            sender: 's',
            logTrimmed: false,
            quiet: false,
          },
        ],
        { sweepAfterMs: 60_000 },
      );
      expect(await store.claimDueEvents(10, 60_000)).toEqual([]);
      await store.acceptEvents(
        [
          {
            key: 'orphan',
            event: failure({ runId: 'run-2' }),
            sender: 's',
            logTrimmed: false,
            quiet: false,
          },
        ],
        { sweepAfterMs: 0 },
      );
      expect((await store.claimDueEvents(10, 60_000)).map(e => e.key)).toEqual([
        'orphan',
      ]);
    });

    it('counts the failing streak from failures after the latest success, whatever the arrival order', async () => {
      const { store } = await setup();
      const job = { namespace: 'airflow', name: 'orders_daily.load' };
      const fail = async (key: string, at: string) => {
        const ev = failure({ job, runId: key, eventTime: at });
        const a = await accept(store, key, ev);
        await store.recordFailure(record(a.id, ev), { reopenWindowHours: 72 });
      };
      const succeed = async (key: string, at: string) => {
        const ev = failure({
          job,
          runId: key,
          outcome: 'success',
          eventTime: at,
        });
        const a = await accept(store, key, ev);
        await store.recordSuccess(a.id, ev, 'airflow/orders_daily.load', {
          autoResolve: false,
        });
      };
      // A live failure first, then an import of older history.
      await fail('live', '2026-11-21T10:00:00.000Z');
      await fail('old-1', '2026-11-01T10:00:00.000Z');
      await succeed('old-ok', '2026-11-02T10:00:00.000Z');
      await fail('old-2', '2026-11-10T10:00:00.000Z');
      await succeed('old-ok-2', '2026-11-11T10:00:00.000Z');
      const status = await store.entityStatus('component:default/orders-daily');
      expect(status).toMatchObject({
        consecutiveFailures: 1,
        failingSince: '2026-11-21T10:00:00.000Z',
        lastSuccess: '2026-11-11T10:00:00.000Z',
        openIncidents: 1,
      });
    });
  },
);
