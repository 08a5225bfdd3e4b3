import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import {
  EXAMPLES_DIR,
  startTriageBackend,
} from '../__testUtils__/startTriageBackend';
import { openApiDocument } from './openApiDocument';
import { INGEST_PATHS } from './ingestPaths';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: databaseIds() });
const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header('user:default/guest');
const BASE = '/api/pipeline-triage';
const doc = openApiDocument() as any;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'openapi');

const pointer = (...parts: string[]) =>
  parts.map(p => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The JSON pointer (into the document) of the schema of a documented response, following a $ref. */
function responseSchema(
  template: string,
  method: string,
  status: number,
  contentType: string,
): string {
  const operation = doc.paths[template]?.[method];
  if (!operation)
    throw new Error(
      `${method.toUpperCase()} ${template} is not in openapi.yaml`,
    );
  let response = operation.responses[String(status)];
  let at = pointer('paths', template, method, 'responses', String(status));
  if (!response)
    throw new Error(
      `${method.toUpperCase()} ${template} answered ${status}, which openapi.yaml does not list`,
    );
  if (response.$ref) {
    at = response.$ref.slice(2);
    response = at
      .split('/')
      .reduce(
        (o: any, k: string) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')],
        doc,
      );
  }
  if (!response.content?.[contentType])
    throw new Error(
      `${method.toUpperCase()} ${template} ${status}: no ${contentType} content documented`,
    );
  return `openapi#/${at}/${pointer('content', contentType, 'schema')}`;
}

const seen = new Set<string>();

/** Validates a real response against the document; records the operation as exercised. */
function expectDocumented(
  template: string,
  method: string,
  res: request.Response,
) {
  const type = String(res.headers['content-type'] ?? '').split(';')[0];
  const validate = ajv.getSchema(
    responseSchema(template, method, res.status, type),
  );
  seen.add(`${method} ${template}`);
  if (type !== 'application/json') return;
  const ok = validate!(res.body);
  expect({
    route: `${method.toUpperCase()} ${template} ${res.status}`,
    errors: ok ? [] : validate!.errors,
  }).toEqual({
    route: `${method.toUpperCase()} ${template} ${res.status}`,
    errors: [],
  });
}

function example(name: string) {
  return JSON.parse(
    fs.readFileSync(path.join(EXAMPLES_DIR, 'events', name), 'utf8'),
  );
}

/** Source files under src/, tests aside: routes may move between files, none may go undocumented. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The routes the routers declare, read from their source: a new route must be documented. */
function declaredRoutes(): string[] {
  const routes: string[] = [];
  for (const file of sourceFiles(path.join(__dirname, '..'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /router\.(get|post|patch|put|delete)\(\s*('([^']+)'|INGEST_PATHS)/g,
    )) {
      const paths = m[3] ? [m[3]] : INGEST_PATHS;
      for (const p of paths)
        routes.push(`${m[1]} ${p.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return [...new Set(routes)];
}

describe('openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document whose schemas compile', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const name of Object.keys(doc.components.schemas)) {
      expect(
        ajv.getSchema(`openapi#/components/schemas/${name}`),
      ).toBeDefined();
    }
  });

  it('documents every ingest and read route the routers declare', () => {
    const declared = declaredRoutes();
    expect(declared).toEqual(
      expect.arrayContaining([
        'get /v1/incidents/{id}',
        'post /api/v1/lineage',
        'get /v1/incidents/{id}/investigations',
      ]),
    );
    const undocumented = declared
      .filter(
        r =>
          r.startsWith('get ') ||
          r.startsWith('patch ') ||
          INGEST_PATHS.some(p => r === `post ${p}`),
      )
      .filter(r => {
        const [method, p] = r.split(' ');
        return !doc.paths[p]?.[method];
      });
    expect(undocumented).toEqual([]);
  });
});

describe.each(databases.eachSupportedId())(
  'the router answers as openapi.yaml says, on %s',
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

    it('serves the document without credentials', async () => {
      const res = await request(server).get(`${BASE}/openapi.json`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(doc);
      expectDocumented('/openapi.json', 'get', res);
    });

    it("validates every route's real responses", async () => {
      const get = async (template: string, url: string, auth = USER) => {
        const res = await request(server)
          .get(`${BASE}${url}`)
          .set('authorization', auth);
        expectDocumented(template, 'get', res);
        return res;
      };

      const batch = await request(server)
        .post(`${BASE}/v1/events`)
        .set('authorization', SENDER)
        .send({
          events: [
            example('openlineage-fail-schema-drift.json'),
            example('glue-state-change-failed.json'),
            { nonsense: 1 },
            {
              ...example('openlineage-fail-schema-drift.json'),
              eventType: 'START',
            },
            {
              ...example('openlineage-fail-spark-oom.json'),
              job: { namespace: 'nowhere', name: 'unclaimed_job' },
            },
          ],
        });
      expect(batch.status).toBe(202);
      expectDocumented('/v1/events', 'post', batch);
      const duplicate = await request(server)
        .post(`${BASE}/v1/events`)
        .set('authorization', SENDER)
        .send(example('openlineage-fail-schema-drift.json'));
      expect(duplicate.body.results[0].status).toBe('duplicate');
      expectDocumented('/v1/events', 'post', duplicate);
      const start = {
        ...example('openlineage-fail-spark-oom.json'),
        eventType: 'START',
      };
      expectDocumented(
        '/api/v1/lineage',
        'post',
        await request(server)
          .post(`${BASE}/api/v1/lineage`)
          .set('authorization', SENDER)
          .send(start),
      );
      expectDocumented(
        '/',
        'post',
        await request(server)
          .post(`${BASE}/`)
          .set('authorization', SENDER)
          .send(example('openlineage-fail-dbt-test.json')),
      );
      expectDocumented(
        '/v1/events',
        'post',
        await request(server)
          .post(`${BASE}/v1/events`)
          .set('authorization', SENDER)
          .send({ nonsense: 1 }),
      );
      const dbt = await request(server)
        .post(`${BASE}/v1/dbt`)
        .set('authorization', SENDER)
        .send({
          run_results: example('dbt-run_results-commerce-fail.json'),
          manifest: example('dbt-manifest-commerce.json'),
        });
      expect(dbt.status).toBe(202);
      expectDocumented('/v1/dbt', 'post', dbt);
      expectDocumented(
        '/v1/dbt',
        'post',
        await request(server)
          .post(`${BASE}/v1/dbt`)
          .set('authorization', SENDER)
          .send({ nonsense: 1 }),
      );
      // This backend has no dbt Cloud secret: the webhook route says so.
      const dbtCloud = await request(server)
        .post(`${BASE}/v1/dbt-cloud`)
        .set('authorization', '0'.repeat(64))
        .send({ eventType: 'job.run.errored', data: {} });
      expect(dbtCloud.status).toBe(404);
      expectDocumented('/v1/dbt-cloud', 'post', dbtCloud);

      const testRun = (dataContractId: string) => ({
        runId: '5d0c2f9e-8a41-4e39-9b0f-0c6a1f2b7e55',
        dataContractId,
        dataContractVersion: '2.1.0',
        server: 'raw-lake-prod',
        timestampStart: '2026-12-07T06:00:01.204316Z',
        timestampEnd: '2026-12-07T06:00:09.881032Z',
        result: 'failed',
        checks: [
          {
            type: 'field_required',
            name: 'Check that field customer_id has no missing values',
            model: 'orders',
            field: 'customer_id',
            category: 'quality',
            result: 'failed',
            reason: 'Missing values: 4',
          },
          { type: 'connection', result: 'error', reason: 'timed out' },
        ],
        logs: [],
      });
      for (const [body, status] of [
        [testRun('3c0f6a52-9e1d-4b7a-8f24-6d1e5b0c7a31'), 200],
        [testRun('no-such-contract'), 404],
        [{ runId: 'x' }, 400],
      ] as const) {
        const res = await request(server)
          .post(`${BASE}/v1/contract-results`)
          .set('authorization', SENDER)
          .send(body);
        expect(res.status).toBe(status);
        expectDocumented('/v1/contract-results', 'post', res);
      }

      const [first] = batch.body.results;
      const id = first.incidentId;
      await get('/health', '/health');
      await get('/health/live', '/health/live');
      const event = await get(
        '/v1/events/{id}',
        `/v1/events/${first.eventId}`,
        SENDER,
      );
      expect(event.body.verdict).toBeDefined();
      await get('/v1/events/{id}', '/v1/events/no-such-event', SENDER);
      const list = await get('/v1/incidents', '/v1/incidents?limit=2');
      expect(list.body.items.length).toBeGreaterThan(0);
      await get('/v1/incidents', '/v1/incidents?limit=0');
      await get('/v1/incidents/{id}', `/v1/incidents/${id}`);
      await get('/v1/incidents/{id}', '/v1/incidents/no-such-incident');
      await get('/v1/incidents/{id}/report', `/v1/incidents/${id}/report`);
      await get(
        '/v1/incidents/{id}/investigations',
        `/v1/incidents/${id}/investigations`,
      );
      await get(
        '/v1/incidents/{id}/attachments',
        `/v1/incidents/${id}/attachments`,
      );
      await get('/v1/trends', '/v1/trends?groupBy=team');
      await get(
        '/v1/status',
        '/v1/status?entityRef=component:default/orders-daily-load',
      );
      await get('/v1/status', '/v1/status');
      const stats = await get('/v1/stats', '/v1/stats');
      expect(stats.body.topRepeatFailures.length).toBeGreaterThan(0);
      const violations = await get(
        '/v1/contract-violations',
        '/v1/contract-violations?entityRef=resource:default/raw-orders',
      );
      expect(violations.body.items.length).toBeGreaterThan(0);
      await get(
        '/v1/schema-drift',
        '/v1/schema-drift?entityRef=resource:default/raw-orders',
      );
      await get(
        '/v1/contracts',
        '/v1/contracts?entityRef=api:default/checkout-orders',
      );
      await get('/v1/contracts', '/v1/contracts');
      const unlinked = await get('/v1/unlinked', '/v1/unlinked');
      expect(unlinked.body.items.length).toBeGreaterThan(0);
      await get('/v1/dead-letters', '/v1/dead-letters');

      const patch = await request(server)
        .patch(`${BASE}/v1/incidents/${id}`)
        .set('authorization', USER)
        .send({ action: 'acknowledge' });
      expect(patch.status).toBe(200);
      expectDocumented('/v1/incidents/{id}', 'patch', patch);
      expectDocumented(
        '/v1/incidents/{id}',
        'patch',
        await request(server)
          .patch(`${BASE}/v1/incidents/${id}`)
          .set('authorization', USER)
          .send({ action: 'explode' }),
      );

      // Every documented operation was exercised against the real router.
      const documented = Object.entries(doc.paths).flatMap(
        ([p, ops]: [string, any]) => Object.keys(ops).map(m => `${m} ${p}`),
      );
      expect(documented.filter(op => !seen.has(op))).toEqual([]);
    });

    it('a response that breaks the document fails the check', () => {
      const validate = ajv.getSchema(
        responseSchema('/v1/incidents', 'get', 200, 'application/json'),
      )!;
      expect(validate({ items: [{ id: 'x' }] })).toBe(false);
      expect(validate({ items: [], extra: 1 })).toBe(false);
    });
  },
);
