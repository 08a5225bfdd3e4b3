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
import { EVENTS_TOPIC } from '../ingest/accept';
import {
  javaClientRequest,
  pythonClientRequest,
  urljoin,
} from './openLineageClients';
import { replay } from './replayRequest';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: databaseIds() });

/** An example event with a run id of its own, so no test sees another's delivery as a duplicate. */
function example(name: string) {
  const event = JSON.parse(
    fs.readFileSync(path.join(EXAMPLES_DIR, 'events', name), 'utf8'),
  );
  event.run.runId = randomUUID();
  return event;
}

describe.each(databases.eachSupportedId())(
  'OpenLineage clients as configured, on %s',
  databaseId => {
    let env: Awaited<ReturnType<typeof startWithRealAuth>>;
    let host: string;
    let backend: Awaited<ReturnType<typeof startWithRealAuth>>['backend'];
    const reader = () => env.readerHeader();

    beforeAll(async () => {
      env = await startWithRealAuth(databaseId);
      backend = env.backend;
      host = env.host;
    });
    afterAll(async () => {
      await backend?.stop();
    });

    async function expectIncident(
      res: { status: number; body: any },
      jobEntityRef: string,
    ) {
      expect(res.status).toBe(202);
      const [result] = res.body.results;
      expect(result).toMatchObject({
        status: 'accepted',
        processing: 'done',
        incidentId: expect.any(String),
      });
      const incident = await request(backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${result.incidentId}`)
        .set('authorization', await reader());
      expect(incident.status).toBe(200);
      expect(incident.body).toMatchObject({
        jobEntityRef,
        linked: true,
        status: 'open',
      });
      return incident.body;
    }

    it('Python client, OPENLINEAGE_URL with a trailing slash: urljoin lands on /api/v1/lineage under the plugin', async () => {
      const req = pythonClientRequest(
        {
          url: `${host}/api/pipeline-triage/`,
          auth: { type: 'api_key', apiKey: SENDER_TOKEN },
        },
        example('openlineage-fail-schema-drift.json'),
      );
      expect(req.path).toBe('/api/pipeline-triage/api/v1/lineage');
      await expectIncident(
        await replay(backend.server, req),
        'component:default/orders-daily-load',
      );
    });

    it('Python client with compression gzip (Airflow provider transport config)', async () => {
      // AIRFLOW__OPENLINEAGE__TRANSPORT='{"type": "http", "url": ".../api/pipeline-triage/",
      //   "compression": "gzip", "auth": {"type": "api_key", "apiKey": "..."}}'
      const req = pythonClientRequest(
        {
          url: `${host}/api/pipeline-triage/`,
          compression: 'gzip',
          auth: { type: 'api_key', apiKey: SENDER_TOKEN },
        },
        example('openlineage-fail-schema-drift.json'),
      );
      expect(req.headers['content-encoding']).toBe('gzip');
      expect(req.body[0]).toBe(0x1f); // gzip magic: the body really is compressed
      await expectIncident(
        await replay(backend.server, req),
        'component:default/orders-daily-load',
      );
    });

    it('dbt-ol (Python client from OPENLINEAGE_URL and OPENLINEAGE_API_KEY) posts a failed dbt test', async () => {
      const req = pythonClientRequest(
        {
          url: `${host}/api/pipeline-triage/`,
          endpoint: 'api/v1/lineage',
          auth: { type: 'api_key', apiKey: SENDER_TOKEN },
        },
        example('openlineage-fail-dbt-test.json'),
      );
      const incident = await expectIncident(
        await replay(backend.server, req),
        'component:default/commerce-dbt-marts',
      );
      expect(incident.category).toBe('data_quality');
    });

    it('Python client, OPENLINEAGE_URL without the trailing slash: urljoin drops "pipeline-triage" and Backstage answers 404', async () => {
      const req = pythonClientRequest(
        {
          url: `${host}/api/pipeline-triage`,
          auth: { type: 'api_key', apiKey: SENDER_TOKEN },
        },
        example('openlineage-fail-schema-drift.json'),
      );
      expect(req.path).toBe('/api/api/v1/lineage');
      expect((await replay(backend.server, req)).status).toBe(404);
      // The README's fix for that form: OPENLINEAGE_ENDPOINT=pipeline-triage/api/v1/lineage.
      const fixed = pythonClientRequest(
        {
          url: `${host}/api/pipeline-triage`,
          endpoint: 'pipeline-triage/api/v1/lineage',
          auth: { type: 'api_key', apiKey: SENDER_TOKEN },
        },
        example('openlineage-fail-schema-drift.json'),
      );
      expect(fixed.path).toBe('/api/pipeline-triage/api/v1/lineage');
      await expectIncident(
        await replay(backend.server, fixed),
        'component:default/orders-daily-load',
      );
    });

    it.each([
      ['without', '/api/pipeline-triage'],
      ['with', '/api/pipeline-triage/'],
    ])(
      'Java client (Spark, Flink), url %s a trailing slash, gzip streamed: the url is used as it is',
      async (_, base) => {
        const req = javaClientRequest(
          { url: `${host}${base}`, apiKey: SENDER_TOKEN, compression: 'gzip' },
          example('openlineage-fail-spark-oom.json'),
        );
        expect(req.path).toBe(base);
        expect(req.chunked).toBe(true);
        await expectIncident(
          await replay(backend.server, req),
          'component:default/customer-ltv-spark',
        );
      },
    );

    it('refuses a client without a valid token on the OpenLineage paths', async () => {
      for (const apiKey of ['not-a-token', undefined]) {
        const req = pythonClientRequest(
          {
            url: `${host}/api/pipeline-triage/`,
            auth: apiKey ? { type: 'api_key', apiKey } : undefined,
          },
          example('openlineage-fail-schema-drift.json'),
        );
        expect((await replay(backend.server, req)).status).toBe(401);
      }
    });

    it('OpenLineage Kafka transport through the Backstage Kafka events module lands on the events topic', async () => {
      // The OpenLineage Kafka transport writes Serde.to_json(event) as the message value and no
      // headers; KafkaConsumingEventPublisher publishes JSON.parse(value) on its configured
      // Backstage topic with the headers as metadata.
      const event = example('openlineage-fail-spark-oom.json');
      event.job.name = 'customer_ltv_features.kafka_replay';
      const value = Buffer.from(JSON.stringify(event), 'utf8');
      await env.events.publish({
        topic: EVENTS_TOPIC,
        eventPayload: JSON.parse(value.toString()),
        metadata: undefined,
      });
      const list = await request(backend.server)
        .get('/api/pipeline-triage/v1/incidents')
        .query({
          entityRef: 'component:default/customer-ltv-spark',
          limit: 200,
        })
        .set('authorization', await reader());
      expect(list.status).toBe(200);
      expect(
        list.body.items.filter((i: any) => i.jobName === event.job.name),
      ).toHaveLength(1);
    });

    it('urljoin behaves as Python documents it', () => {
      expect(
        urljoin('https://h/api/pipeline-triage/', 'api/v1/lineage').href,
      ).toBe('https://h/api/pipeline-triage/api/v1/lineage');
      expect(
        urljoin('https://h/api/pipeline-triage', 'api/v1/lineage').href,
      ).toBe('https://h/api/api/v1/lineage');
      expect(urljoin('https://h', 'api/v1/lineage').href).toBe(
        'https://h/api/v1/lineage',
      );
    });
  },
);
