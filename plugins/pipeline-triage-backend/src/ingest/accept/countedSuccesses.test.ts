import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startTriageBackend } from '../../__testUtils__/startTriageBackend';
import { databaseIds } from '../../__testUtils__/databaseIds';

jest.setTimeout(180_000);

const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header('user:default/guest');
const API = '/api/pipeline-triage';
const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();

/** An OpenLineage run event as the Spark integration posts it. */
function runEvent(o: {
  job: string;
  namespace?: string;
  eventType: 'START' | 'RUNNING' | 'COMPLETE' | 'FAIL';
  at: string;
  runId?: string;
  version?: string;
  rowCount?: number;
}) {
  return {
    eventType: o.eventType,
    eventTime: o.at,
    producer:
      'https://github.com/OpenLineage/OpenLineage/tree/1.23.0/integration/spark',
    schemaURL:
      'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: {
      runId: o.runId ?? randomUUID(),
      facets:
        o.eventType === 'FAIL'
          ? {
              errorMessage: {
                _producer: 'https://github.com/OpenLineage/OpenLineage',
                _schemaURL:
                  'https://openlineage.io/spec/facets/1-0-0/ErrorMessageRunFacet.json',
                message:
                  "NameError: name 'customer_key' is not defined (features.py line 41)",
                programmingLanguage: 'python',
              },
            }
          : {},
    },
    job: {
      namespace: o.namespace ?? 'spark-prod',
      name: o.job,
      facets: o.version
        ? {
            sourceCodeLocation: {
              _producer: 'https://github.com/OpenLineage/OpenLineage',
              _schemaURL:
                'https://openlineage.io/spec/facets/1-0-1/SourceCodeLocationJobFacet.json',
              type: 'git',
              url: 'https://git.example.com/data/features.py',
              version: o.version,
            },
          }
        : {},
    },
    inputs: [],
    outputs:
      o.rowCount === undefined
        ? []
        : [
            {
              namespace: 'postgres://warehouse:5432',
              name: 'marts.features',
              outputFacets: {
                outputStatistics: {
                  _producer: 'https://github.com/OpenLineage/OpenLineage',
                  _schemaURL:
                    'https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json',
                  rowCount: o.rowCount,
                },
              },
            },
          ],
  };
}

/**
 * #19 point 2: most of what an OpenLineage client posts is START, RUNNING and COMPLETE of healthy
 * runs. Those cost no event row: a COMPLETE is stored only when it may change an incident, and
 * otherwise counted in its job's run history. Through HTTP on the real backend.
 */
describe.each(databaseIds())(
  'successes counted, not stored (%s)',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;
    beforeAll(async () => {
      backend = await startTriageBackend(databaseId);
    });
    afterAll(async () => backend?.stop());

    const post = (body: unknown) =>
      request(backend.server)
        .post(`${API}/v1/events`)
        .set('authorization', SENDER)
        .send(body as object);
    const incident = async (id: string) =>
      (
        await request(backend.server)
          .get(`${API}/v1/incidents/${id}`)
          .set('authorization', USER)
      ).body;

    it('answers a healthy run (START, RUNNING, COMPLETE) without storing an event, and a re-delivered COMPLETE once', async () => {
      const job = `healthy-${randomUUID().slice(0, 8)}`;
      const runId = randomUUID();
      const start = await post(
        runEvent({ job, eventType: 'START', at: minutesAgo(30), runId }),
      );
      expect(start.status).toBe(200);
      expect(start.body.results[0].status).toBe('ignored');
      const running = await post(
        runEvent({ job, eventType: 'RUNNING', at: minutesAgo(20), runId }),
      );
      expect(running.body.results[0].status).toBe('ignored');

      const complete = runEvent({
        job,
        eventType: 'COMPLETE',
        at: minutesAgo(10),
        runId,
        rowCount: 120,
      });
      const first = await post(complete);
      expect(first.status).toBe(200);
      expect(first.body.results[0]).toEqual({
        index: 0,
        status: 'counted',
        reason: expect.stringContaining('counted in its run history'),
      });
      const again = await post(complete);
      expect(again.status).toBe(200);
      // Counted once: the re-delivery changes nothing and names no event row.
      expect(again.body.results[0]).toEqual({
        index: 0,
        status: 'counted',
        reason: expect.stringContaining('already counted'),
      });
    });

    it('keeps a counted run in the job history: the next failure names the code change since it', async () => {
      const job = `history-${randomUUID().slice(0, 8)}`;
      const ok = await post(
        runEvent({
          job,
          eventType: 'COMPLETE',
          at: minutesAgo(60),
          version: 'a1b2c3d',
          rowCount: 50,
        }),
      );
      expect(ok.body.results[0].status).toBe('counted');
      const fail = await post(
        runEvent({
          job,
          eventType: 'FAIL',
          at: minutesAgo(5),
          version: 'e4f5a6b',
        }),
      );
      expect(fail.status).toBe(202);
      const detail = await incident(fail.body.results[0].incidentId);
      expect(detail.changes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'code',
            from: 'a1b2c3d',
            to: 'e4f5a6b',
          }),
        ]),
      );
    });

    it('stores a COMPLETE that may change an incident: it resolves the open one', async () => {
      const job = `recovering-${randomUUID().slice(0, 8)}`;
      const fail = await post(
        runEvent({ job, eventType: 'FAIL', at: minutesAgo(30) }),
      );
      const id = fail.body.results[0].incidentId;
      expect((await incident(id)).status).toBe('open');
      const complete = runEvent({
        job,
        eventType: 'COMPLETE',
        at: minutesAgo(10),
        rowCount: 9,
      });
      const ok = await post(complete);
      expect(ok.status).toBe(202);
      expect(ok.body.results[0]).toMatchObject({
        status: 'accepted',
        eventId: expect.any(String),
      });
      expect((await incident(id)).status).toBe('resolved');
      // Re-delivered once the job is healthy again: still the stored event's duplicate.
      const again = await post(complete);
      expect(again.body.results[0]).toEqual({
        index: 0,
        status: 'duplicate',
        eventId: ok.body.results[0].eventId,
      });
    });

    it('stores a success posted with a failure of its job, and processes them in order', async () => {
      const job = `batch-${randomUUID().slice(0, 8)}`;
      const res = await post({
        events: [
          runEvent({ job, eventType: 'FAIL', at: minutesAgo(30) }),
          runEvent({
            job,
            eventType: 'COMPLETE',
            at: minutesAgo(10),
            rowCount: 3,
          }),
        ],
      });
      expect(res.status).toBe(202);
      expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(
        ['accepted', 'accepted'],
      );
      expect((await incident(res.body.results[0].incidentId)).status).toBe(
        'resolved',
      );
    });

    it('stores a COMPLETE that wrote zero rows: it may be a silent failure', async () => {
      const job = `empty-${randomUUID().slice(0, 8)}`;
      const res = await post(
        runEvent({
          job,
          eventType: 'COMPLETE',
          at: minutesAgo(1),
          rowCount: 0,
        }),
      );
      expect(res.status).toBe(202);
      expect(res.body.results[0].status).toBe('accepted');
    });

    it("counts every run, stored or counted, in the pipeline's runs per day", async () => {
      const job = 'customer_ltv_features';
      const status = async () =>
        (
          await request(backend.server)
            .get(`${API}/v1/status`)
            .query({ entityRef: 'component:default/customer-ltv-spark' })
            .set('authorization', USER)
        ).body;
      const fail = await post(
        runEvent({ job, eventType: 'FAIL', at: minutesAgo(300) }),
      );
      expect(fail.status).toBe(202);
      const fixed = await post(
        runEvent({
          job,
          eventType: 'COMPLETE',
          at: minutesAgo(240),
          rowCount: 5,
        }),
      );
      expect(fixed.body.results[0].status).toBe('accepted');
      for (const at of [180, 120, 60]) {
        const ok = await post(
          runEvent({
            job,
            eventType: 'COMPLETE',
            at: minutesAgo(at),
            rowCount: 5,
          }),
        );
        expect(ok.body.results[0].status).toBe('counted');
      }
      // Five runs in the last seven days: one failure, one stored success, three counted ones.
      expect(await status()).toMatchObject({
        runsPerDay: 0.7,
        openIncidents: 0,
        lastSuccess: expect.any(String),
      });
    });

    it('shows a pipeline that never failed its last success and runs per day', async () => {
      const job = {
        job: 'churn_features_job',
        namespace: 'dagster-prod',
      };
      for (const at of [600, 300]) {
        const ok = await post(
          runEvent({
            ...job,
            eventType: 'COMPLETE',
            at: minutesAgo(at),
            rowCount: 7,
          }),
        );
        expect(ok.body.results[0].status).toBe('counted');
      }
      const status = await request(backend.server)
        .get(`${API}/v1/status`)
        .query({ entityRef: 'component:default/churn-features-dagster' })
        .set('authorization', USER);
      expect(status.body).toMatchObject({
        openIncidents: 0,
        lastSuccess: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        runsPerDay: 0.3,
      });
    });
  },
);
