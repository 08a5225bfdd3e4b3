import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TestDatabases } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import {
  EXAMPLES_DIR,
  SENDER_TOKEN,
} from '../__testUtils__/startTriageBackend';
import { startWithRealAuth } from './__testUtils__/startWithRealAuth';
import { replay } from './replayRequest';

jest.setTimeout(120_000);

const AIRFLOW_FIXTURE = path.resolve(
  EXAMPLES_DIR,
  'airflow/tests/fixtures/listener-failed-airflow3.json',
);

const databases = TestDatabases.create({ ids: databaseIds() });

/**
 * The request an EventBridge API destination makes for a rule with no input transformer: the
 * raw event as the body, the connection's API-key header (name Authorization, value
 * "Bearer <token>"), and the headers AWS documents for every API destination request
 * ("Headers included in requests to API destinations", EventBridge user guide).
 */
function apiDestinationRequest(event: unknown, apiKeyValue: string) {
  const body = Buffer.from(JSON.stringify(event), 'utf8');
  return {
    path: '/api/pipeline-triage/v1/events',
    body,
    headers: {
      authorization: apiKeyValue,
      'user-agent': 'Amazon/EventBridge/ApiDestinations',
      'content-type': 'application/json; charset=utf-8',
      range: 'bytes=0-1048575',
      'accept-encoding': 'gzip,deflate',
      connection: 'close',
    },
  };
}

function glueEvent(name: string) {
  const event = JSON.parse(
    fs.readFileSync(path.join(EXAMPLES_DIR, 'events', name), 'utf8'),
  );
  event.id = randomUUID();
  event.detail.jobRunId = `jr_${randomUUID().replace(/-/g, '')}`;
  return event;
}

describe.each(databases.eachSupportedId())(
  'Emitters without code: Glue through an EventBridge API destination, the Airflow package, on %s',
  databaseId => {
    let env: Awaited<ReturnType<typeof startWithRealAuth>>;
    beforeAll(async () => {
      env = await startWithRealAuth(databaseId);
    });
    afterAll(async () => {
      await env?.backend.stop();
    });

    it.each([
      [
        'glue-state-change-failed.json',
        'component:default/checkout-orders-ingest',
      ],
      [
        'glue-state-change-timeout.json',
        'component:default/payments-reconciliation-glue',
      ],
    ])(
      'the raw %s event becomes an incident on the job',
      async (file, jobEntityRef) => {
        const res = await replay(
          env.server,
          apiDestinationRequest(glueEvent(file), `Bearer ${SENDER_TOKEN}`),
        );
        expect(res.status).toBe(202);
        const [result] = res.body.results;
        expect(result).toMatchObject({
          status: 'accepted',
          processing: 'done',
          incidentId: expect.any(String),
        });
        const incident = await request(env.server)
          .get(`/api/pipeline-triage/v1/incidents/${result.incidentId}`)
          .set('authorization', await env.readerHeader());
        expect(incident.status).toBe(200);
        expect(incident.body).toMatchObject({
          jobEntityRef,
          linked: true,
          status: 'open',
        });
      },
    );

    it('a connection whose API key value lacks "Bearer " is refused, not stored', async () => {
      const res = await replay(
        env.server,
        apiDestinationRequest(
          glueEvent('glue-state-change-failed.json'),
          SENDER_TOKEN,
        ),
      );
      expect(res.status).toBe(401);
    });

    it('the payload the Airflow package posts (its tests check it against the same file) is triaged', async () => {
      // examples/airflow/tests/test_package.py asserts the listener posts exactly this body.
      const body = fs.readFileSync(AIRFLOW_FIXTURE);
      const res = await replay(env.server, {
        path: '/api/pipeline-triage/v1/events',
        body,
        headers: {
          authorization: `Bearer ${SENDER_TOKEN}`,
          'content-type': 'application/json',
          'user-agent': 'pipeline-triage-airflow/0.1',
        },
      });
      expect(res.status).toBe(202);
      const [result] = res.body.results;
      expect(result).toMatchObject({
        status: 'accepted',
        processing: 'done',
        incidentId: expect.any(String),
      });
      const incident = await request(env.server)
        .get(`/api/pipeline-triage/v1/incidents/${result.incidentId}`)
        .set('authorization', await env.readerHeader());
      expect(incident.body).toMatchObject({
        jobEntityRef: 'component:default/finance-revenue-report',
        jobName: 'finance_revenue_daily.build_daily_revenue',
        category: 'permission',
        status: 'open',
      });
    });
  },
);
