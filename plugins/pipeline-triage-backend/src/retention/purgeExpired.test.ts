import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type {
  FailureEvent,
  TriageVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { KnexTriageStore, migrateStore } from '../store';
import type { FailureRecord } from '../store/types';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { purgeExpired } from './purgeExpired';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: databaseIds() });
const DAY = 86_400_000;

const failure = (runId: string): FailureEvent => ({
  source: 'generic',
  outcome: 'fail',
  job: { namespace: 'airflow', name: 'orders_daily.load' },
  eventTime: '2026-11-20T10:00:00.000Z',
  runId,
  errorMessage: 'java.lang.OutOfMemoryError: Java heap space',
  stackTrace: 'at org.apache.spark.Executor.run(Executor.java:42)',
  logExcerpt:
    'INFO starting\nERROR java.lang.OutOfMemoryError: Java heap space',
  signals: { exitCode: 137 },
});

const verdict = {
  classification: {
    category: 'resource_exhaustion',
    domain: 'infra',
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
  signature: 'sig-oom',
  summary: 'Java heap space',
} as unknown as TriageVerdict;

const record = (eventId: string, event: FailureEvent): FailureRecord => ({
  eventId,
  event,
  jobKey: 'airflow/orders_daily.load',
  environment: 'prod',
  verdict,
  evidenceLines: [
    {
      id: 'L1',
      line: 2,
      text: 'ERROR java.lang.OutOfMemoryError: Java heap space',
      kind: 'error',
    },
  ],
  causeChain: [],
  route: {
    recipient: 'group:default/data-platform',
    copy: [],
    rule: 'resource_exhaustion',
    reason: 'platform',
    notify: true,
  },
  linked: false,
  linkedEntities: [],
  entityIndex: [],
  week: '2026-W47',
});

describe.each(databaseIds())('purgeExpired on %s', databaseId => {
  it('removes logs after their window and pares raw events after theirs, keeping incidents, verdicts and keys', async () => {
    const knex = await databases.init(databaseId);
    await migrateStore(knex);
    const store = new KnexTriageStore(knex);
    const [a, pending] = await store.acceptEvents([
      {
        key: 'k-a',
        event: failure('run-a'),
        sender: 'external:test',
        logTrimmed: false,
        quiet: false,
      },
      {
        key: 'k-pending',
        event: failure('run-p'),
        sender: 'external:test',
        logTrimmed: false,
        quiet: false,
      },
    ]);
    await store.claimEvents([a.id], 60_000).then(c => c[0]);
    const { incidentId } = await store.recordFailure(
      record(a.id, failure('run-a')),
      { reopenWindowHours: 72 },
    );
    const settings = { rawEventsDays: 90, logsDays: 30 };

    // Inside both windows: nothing changes.
    expect(
      await purgeExpired(store, settings, new Date(Date.now() + 29 * DAY)),
    ).toEqual({
      eventsPared: 0,
      eventLogsRemoved: 0,
      incidentLogsRemoved: 0,
    });
    expect((await store.getEvent(a.id))?.event.logExcerpt).toContain(
      'OutOfMemoryError',
    );

    // Past the log window: log text goes from the event and the incident; the rest stays.
    const afterLogs = await purgeExpired(
      store,
      settings,
      new Date(Date.now() + 31 * DAY),
    );
    expect(afterLogs).toEqual({
      eventsPared: 0,
      eventLogsRemoved: 1,
      incidentLogsRemoved: 1,
    });
    const logless = (await store.getEvent(a.id))!;
    expect(logless.event.logExcerpt).toBeUndefined();
    expect(logless.event.stackTrace).toBeUndefined();
    expect(logless.event).toMatchObject({
      errorMessage: failure('x').errorMessage,
      signals: { exitCode: 137 },
    });
    let incident = (await store.getIncident(incidentId))!;
    expect(incident.latestEvent.logExcerpt).toBeUndefined();
    expect(incident.latestEvent.errorMessage).toBe(failure('x').errorMessage);
    expect(incident.evidenceLines).toHaveLength(1);
    // Running again finds nothing new.
    expect(
      await purgeExpired(store, settings, new Date(Date.now() + 31 * DAY)),
    ).toEqual({
      eventsPared: 0,
      eventLogsRemoved: 0,
      incidentLogsRemoved: 0,
    });

    // Past the raw-event window: only the identity is left, the incident keeps its verdict.
    const afterRaw = await purgeExpired(
      store,
      settings,
      new Date(Date.now() + 91 * DAY),
    );
    expect(afterRaw.eventsPared).toBe(1);
    const pared = (await store.getEvent(a.id))!;
    expect(pared.event).toEqual({
      source: 'generic',
      outcome: 'fail',
      job: { namespace: 'airflow', name: 'orders_daily.load' },
      runId: 'run-a',
      eventTime: '2026-11-20T10:00:00.000Z',
      retained: 'identity',
    });
    expect(pared).toMatchObject({ status: 'done', incidentId });
    incident = (await store.getIncident(incidentId))!;
    expect(incident).toMatchObject({
      category: 'resource_exhaustion',
      occurrences: 1,
      verdict: { signature: 'sig-oom' },
    });
    expect(incident.occurrencesList).toEqual([
      expect.objectContaining({ eventId: a.id, runId: 'run-a' }),
    ]);

    // A re-delivery of the pared event is still a duplicate; the unprocessed one was never touched.
    const [again] = await store.acceptEvents([
      {
        key: 'k-a',
        event: failure('run-a'),
        sender: 'external:test',
        logTrimmed: false,
        quiet: false,
      },
    ]);
    expect(again).toMatchObject({ duplicate: true, id: a.id });
    expect((await store.getEvent(pending.id))?.event.logExcerpt).toContain(
      'OutOfMemoryError',
    );
    await knex.destroy();
  });
});

describe.each(databaseIds())('scheduled retention on %s', databaseId => {
  it('pares a posted event through the scheduler while its incident stays readable', async () => {
    // Windows of about a second, run every second: the real task on the real scheduler.
    const backend = await startTriageBackend(
      databaseId,
      {
        retention: {
          rawEventsDays: 2 / 86_400,
          logsDays: 1 / 86_400,
          schedule: {
            frequency: { seconds: 1 },
            timeout: { seconds: 30 },
            initialDelay: { seconds: 0 },
          },
        },
      },
      { features: [schedulerServiceFactory] },
    );
    try {
      const post = await request(backend.server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', mockCredentials.service.header())
        .send({
          ...failure('run-scheduled'),
          source: undefined,
          outcome: undefined,
        });
      expect(post.status).toBe(202);
      const { eventId, incidentId } = post.body.results[0];
      expect(incidentId).toBeDefined();
      const user = mockCredentials.user.header('user:default/guest');
      const deadline = Date.now() + 30_000;
      let occurrence: { errorMessage?: string } | undefined;
      let incident: request.Response;
      do {
        await new Promise(r => setTimeout(r, 500));
        incident = await request(backend.server)
          .get(`/api/pipeline-triage/v1/incidents/${incidentId}`)
          .set('authorization', user);
        occurrence = incident.body.occurrencesList?.[0];
      } while (occurrence?.errorMessage !== undefined && Date.now() < deadline);
      expect(occurrence).toMatchObject({ eventId, runId: 'run-scheduled' });
      expect(occurrence?.errorMessage).toBeUndefined();
      expect(incident.status).toBe(200);
      expect(incident.body.latestEvent.logExcerpt).toBeUndefined();
      expect(incident.body.category).toBe('resource_exhaustion');
      const event = await request(backend.server)
        .get(`/api/pipeline-triage/v1/events/${eventId}`)
        .set('authorization', user);
      expect(event.body).toMatchObject({
        status: 'done',
        incidentId,
        verdict: { category: 'resource_exhaustion' },
      });
    } finally {
      await backend.stop();
    }
  });
});
