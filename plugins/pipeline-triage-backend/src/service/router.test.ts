import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import {
  EXAMPLES_DIR,
  startTriageBackend,
} from '../__testUtils__/startTriageBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: databaseIds() });
const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header('user:default/guest');
const EVENTS_DIR = path.join(EXAMPLES_DIR, 'events');

function example(name: string) {
  return JSON.parse(fs.readFileSync(path.join(EVENTS_DIR, name), 'utf8'));
}

function openLineageFail(runId: string, message: string) {
  return {
    eventType: 'FAIL',
    eventTime: '2026-11-20T06:15:00.000Z',
    producer:
      'https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/airflow',
    schemaURL:
      'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: {
      runId,
      facets: {
        errorMessage: {
          _producer:
            'https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/airflow',
          _schemaURL:
            'https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json',
          message,
          programmingLanguage: 'python',
        },
      },
    },
    job: { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
    inputs: [],
    outputs: [],
  };
}

describe.each(databases.eachSupportedId())(
  'pipeline-triage HTTP API on %s',
  databaseId => {
    let server: any;
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;

    beforeAll(async () => {
      backend = await startTriageBackend(databaseId);
      server = backend.server;
    });
    afterAll(async () => {
      await backend?.stop();
    });

    it('answers health without credentials', async () => {
      const res = await request(server).get('/api/pipeline-triage/health');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
    });

    it('stores, triages and links an OpenLineage failure, and the pipeline lists it', async () => {
      const post = await request(server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', SENDER)
        .send(
          openLineageFail(
            '4f7c1c1e-8a0b-4d55-9d0e-0c6a8b7d1f01',
            'psycopg2.OperationalError: connection to server at "orders-db" (10.0.0.5), port 5432 failed: Connection refused',
          ),
        );
      expect(post.status).toBe(202);
      const [result] = post.body.results;
      expect(result).toMatchObject({
        index: 0,
        status: 'accepted',
        processing: 'done',
      });
      expect(result.incidentId).toEqual(expect.any(String));

      const list = await request(server)
        .get('/api/pipeline-triage/v1/incidents')
        .query({ entityRef: 'component:default/orders-daily-load' })
        .set('authorization', USER);
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: any) => i.id)).toContain(
        result.incidentId,
      );

      const detail = await request(server)
        .get(`/api/pipeline-triage/v1/incidents/${result.incidentId}`)
        .set('authorization', USER);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({
        jobEntityRef: 'component:default/orders-daily-load',
        ownerRef: 'group:default/data-platform',
        linked: true,
        status: 'open',
      });
      expect(detail.body.linkedEntities).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            entityRef: 'component:default/orders-daily-load',
            role: 'job',
          }),
          expect.objectContaining({
            entityRef: 'resource:default/stg-orders',
            role: 'output',
          }),
        ]),
      );

      // The sender may read its own event's verdict, to gate its own retry.
      const ev = await request(server)
        .get(`/api/pipeline-triage/v1/events/${result.eventId}`)
        .set('authorization', SENDER);
      expect(ev.status).toBe(200);
      expect(ev.body).toMatchObject({
        status: 'done',
        incidentId: result.incidentId,
      });
      expect(typeof ev.body.verdict.safeToRetry).toBe('boolean');
    });

    it('answers a re-delivery as a duplicate and counts it once', async () => {
      const event = openLineageFail(
        '0b8e2d5c-3f1a-4c2e-9a77-5d1e2f3a4b5c',
        'java.lang.OutOfMemoryError: Java heap space',
      );
      const first = await request(server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', SENDER)
        .send(event);
      const again = await request(server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', SENDER)
        .send(event);
      expect(first.body.results[0].status).toBe('accepted');
      expect(again.status).toBe(200);
      expect(again.body.results[0]).toMatchObject({
        status: 'duplicate',
        eventId: first.body.results[0].eventId,
        incidentId: first.body.results[0].incidentId,
      });
      const incident = await request(server)
        .get(
          `/api/pipeline-triage/v1/incidents/${first.body.results[0].incidentId}`,
        )
        .set('authorization', USER);
      expect(
        incident.body.occurrencesList.filter(
          (o: any) => o.eventId === first.body.results[0].eventId,
        ),
      ).toHaveLength(1);
    });

    it.each(
      fs
        .readdirSync(EVENTS_DIR)
        // The plain Glue timeout is the same run as its enriched twin: it would be a duplicate.
        .filter(
          f =>
            f.endsWith('.json') &&
            !f.includes('success') &&
            !f.includes('manifest') &&
            f !== 'glue-state-change-timeout.json',
        ),
    )('accepts the example %s and files an incident', async file => {
      const res = await request(server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', SENDER)
        .send(example(file));
      expect(res.status).toBe(202);
      // A dbt run's passing nodes are successes of their own jobs: recorded, no incident.
      const accepted = res.body.results.filter(
        (r: any) => r.status === 'accepted' && r.processing !== 'ignored',
      );
      expect(accepted.length).toBeGreaterThan(0);
      for (const r of res.body.results.filter(
        (x: any) => x.processing === 'ignored',
      ))
        expect(r.incidentId).toBeUndefined();
      for (const r of accepted) {
        expect(r.incidentId).toEqual(expect.any(String));
        const detail = await request(server)
          .get(`/api/pipeline-triage/v1/incidents/${r.incidentId}`)
          .set('authorization', USER);
        expect(detail.status).toBe(200);
        expect(detail.body.linked).toBe(true);
      }
    });

    it('routes schema drift on a contracted table to the data-contract owner', async () => {
      const res = await request(server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', SENDER)
        .send({
          ...example('openlineage-fail-schema-drift.json'),
          run: {
            ...example('openlineage-fail-schema-drift.json').run,
            runId: '5e0c8a51-7d2b-4c1e-9f3a-2b6d8e4f1a70',
          },
        });
      const detail = await request(server)
        .get(
          `/api/pipeline-triage/v1/incidents/${res.body.results[0].incidentId}`,
        )
        .set('authorization', USER);
      expect(detail.body).toMatchObject({
        category: 'schema_drift',
        routedTo: 'group:default/checkout-producers',
      });
      expect(detail.body.route.rule).toBe('schema_drift:contract_owner');
      expect(detail.body.linkedEntities).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            entityRef: 'api:default/checkout-orders',
            role: 'contract',
          }),
        ]),
      );
    });

    it('accepts a plain-text log for the job its query names', async () => {
      const log = fs.readFileSync(
        path.join(EVENTS_DIR, 'text-spark-driver-slowdown.log'),
        'utf8',
      );
      const query = fs
        .readFileSync(
          path.join(EVENTS_DIR, 'text-spark-driver-slowdown.query'),
          'utf8',
        )
        .trim();
      const res = await request(server)
        .post(`/api/pipeline-triage/v1/events?${query}&runId=text-1`)
        .set('authorization', SENDER)
        .set('content-type', 'text/plain')
        .send(log);
      expect(res.status).toBe(202);
      const detail = await request(server)
        .get(
          `/api/pipeline-triage/v1/incidents/${res.body.results[0].incidentId}`,
        )
        .set('authorization', USER);
      expect(detail.body).toMatchObject({
        linked: true,
        jobEntityRef: 'component:default/customer-ltv-spark',
      });
    });

    it('rejects bad input with a status and a message that names the problem', async () => {
      const post = () =>
        request(server)
          .post('/api/pipeline-triage/v1/events')
          .set('authorization', SENDER);

      const notJson = await post()
        .set('content-type', 'application/json')
        .send('{"eventType": "FAIL",');
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.message).toMatch(/not valid JSON/);

      const unknown = await post().send({ hello: 'world' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/matches no known format/);

      const badField = await post().send({
        ...openLineageFail('x', 'boom'),
        eventTime: 'yesterday',
      });
      expect(badField.status).toBe(400);
      expect(badField.body.error.message).toMatch(/eventTime/);

      const tooMany = await post().send({
        events: Array.from({ length: 501 }, () => ({ hello: 1 })),
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.message).toMatch(/500/);

      const huge = await post().send({
        events: [{ errorMessage: 'x'.repeat(6 * 1024 * 1024) }],
      });
      expect(huge.status).toBe(413);

      const text = await post()
        .set('content-type', 'text/plain')
        .send('ERROR something broke');
      expect(text.status).toBe(400);
      expect(text.body.error.message).toMatch(/job/);
    });

    it('answers a mixed batch per event: one bad event rejects nothing else', async () => {
      const res = await request(server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', SENDER)
        .send({
          events: [
            openLineageFail(
              '7d3b9a10-1111-4a2b-8c3d-0e1f2a3b4c5d',
              'KeyError: customer_tier',
            ),
            { nonsense: true },
            openLineageFail(
              '7d3b9a10-2222-4a2b-8c3d-0e1f2a3b4c5d',
              'KeyError: customer_tier',
            ),
          ],
        });
      expect(res.status).toBe(202);
      expect(res.body.results.map((r: any) => r.status)).toEqual([
        'accepted',
        'rejected',
        'accepted',
      ]);
      expect(res.body.results[1]).toMatchObject({ index: 1, field: '(root)' });
    });

    it('acknowledges OpenLineage START events without storing them', async () => {
      const start = {
        ...openLineageFail('9a1b2c3d-0000-4a2b-8c3d-0e1f2a3b4c5d', 'x'),
        eventType: 'START',
      };
      const res = await request(server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', SENDER)
        .send(start);
      expect(res.status).toBe(200);
      expect(res.body.results).toEqual([
        expect.objectContaining({ index: 0, status: 'ignored' }),
      ]);
    });

    it('re-routes an override, records who did it, and counts it in the trends', async () => {
      const post = await request(server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', SENDER)
        .send({
          ...openLineageFail(
            '6c2d1e0f-aaaa-4b3c-9d8e-7f6a5b4c3d2e',
            'java.lang.OutOfMemoryError: GC overhead limit exceeded',
          ),
          eventTime: new Date().toISOString(),
        });
      const id = post.body.results[0].incidentId;
      const trendsNow = async () =>
        (
          await request(server)
            .get('/api/pipeline-triage/v1/trends')
            .query({
              entityRef: 'component:default/orders-daily-load',
              weeks: 2,
            })
            .set('authorization', USER)
        ).body.weeks[1].counts;
      const countsBefore = await trendsNow();
      const before = await request(server)
        .get(`/api/pipeline-triage/v1/incidents/${id}`)
        .set('authorization', USER);
      expect(before.body).toMatchObject({
        category: 'resource_exhaustion',
        routedTo: 'group:default/data-platform',
      });

      const missingReason = await request(server)
        .patch(`/api/pipeline-triage/v1/incidents/${id}`)
        .set('authorization', USER)
        .send({ action: 'override', category: 'permission' });
      expect(missingReason.status).toBe(400);
      expect(missingReason.body.error.message).toMatch(/reason/);

      const patched = await request(server)
        .patch(`/api/pipeline-triage/v1/incidents/${id}`)
        .set('authorization', USER)
        .send({
          action: 'override',
          category: 'permission',
          reason: 'the executor lost its IAM role',
        });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        category: 'permission',
        categoryOverridden: true,
        routedTo: 'group:default/iam-security',
      });
      expect(patched.body.statusHistory.at(-1)).toMatchObject({
        action: 'category_overridden',
        by: 'user:default/guest',
        reason: 'the executor lost its IAM role',
      });

      const countsAfter = await trendsNow();
      expect(countsAfter.permission ?? 0).toBe(
        (countsBefore.permission ?? 0) + 1,
      );
      expect(countsAfter.resource_exhaustion ?? 0).toBe(
        countsBefore.resource_exhaustion - 1,
      );

      const ack = await request(server)
        .patch(`/api/pipeline-triage/v1/incidents/${id}`)
        .set('authorization', USER)
        .send({ action: 'acknowledge' });
      expect(ack.body.status).toBe('acknowledged');
      const again = await request(server)
        .patch(`/api/pipeline-triage/v1/incidents/${id}`)
        .set('authorization', USER)
        .send({ action: 'acknowledge' });
      expect(again.status).toBe(409);
      const bad = await request(server)
        .patch(`/api/pipeline-triage/v1/incidents/${id}`)
        .set('authorization', USER)
        .send({ action: 'delete' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/action/);
    });

    it('validates read queries and names the bad field', async () => {
      const res = await request(server)
        .get('/api/pipeline-triage/v1/incidents')
        .query({ category: 'oom' })
        .set('authorization', USER);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/category/);
      const cursor = await request(server)
        .get('/api/pipeline-triage/v1/incidents')
        .query({ cursor: 'nope' })
        .set('authorization', USER);
      expect(cursor.status).toBe(400);
      expect(cursor.body.error.message).toMatch(/cursor/);
      const missing = await request(server)
        .get(
          '/api/pipeline-triage/v1/incidents/00000000-0000-0000-0000-000000000000',
        )
        .set('authorization', USER);
      expect(missing.status).toBe(404);
    });

    it('keeps pipeline sender tokens out of the read API', async () => {
      const res = await request(server)
        .get('/api/pipeline-triage/v1/incidents')
        .set('authorization', SENDER);
      expect(res.status).toBe(403);
      const user = await request(server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', USER)
        .send(openLineageFail('1', 'x'));
      expect(user.status).toBe(403);
    });
  },
);
