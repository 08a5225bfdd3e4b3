import { createHmac, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';
import { replay } from '../emitters/replayRequest';

jest.setTimeout(180_000);

const BASE = '/api/pipeline-triage';
const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header('user:default/guest');
const WEBHOOK_SECRET = 'dbt-cloud-test-secret-3f9a';

const MODEL = 'model.shop_http.fct_invoices';
const TEST = 'test.shop_http.not_null_fct_invoices_invoice_id.5e1d2c3b4a';
const SKIPPED = 'model.shop_http.fct_invoices_daily';

type NodeResult = [uniqueId: string, status: string, message?: string];

/** A test's failing rows: 12 when it failed, 0 when it passed; models have none. */
function testFailures(uniqueId: string, status: string): number | null {
  if (!uniqueId.startsWith('test.')) return null;
  return status === 'fail' ? 12 : 0;
}

/** A run_results.json as dbt 1.8 writes it, for one invocation finishing at `at`. */
function runResults(at: Date, nodes: NodeResult[]) {
  const done = at.toISOString();
  const started = new Date(at.getTime() - 2000).toISOString();
  return {
    metadata: {
      dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json',
      dbt_version: '1.8.7',
      generated_at: done,
      invocation_id: randomUUID(),
      env: {},
    },
    results: nodes.map(([uniqueId, status, message]) => ({
      status,
      unique_id: uniqueId,
      message: message ?? null,
      failures: testFailures(uniqueId, status),
      execution_time: 1.2,
      thread_id: 'Thread-1',
      adapter_response: {},
      timing: [
        { name: 'compile', started_at: started, completed_at: started },
        { name: 'execute', started_at: started, completed_at: done },
      ],
      relation_name: uniqueId.startsWith('model.')
        ? `"analytics"."marts"."${uniqueId.split('.')[2]}"`
        : null,
      compiled_code: uniqueId.startsWith('test.')
        ? 'select invoice_id from "analytics"."marts"."fct_invoices" where invoice_id is null'
        : null,
    })),
    elapsed_time: 3.4,
    args: { target: 'prod', which: 'build' },
  };
}

/** A manifest of about `megabytes` MB: the run's nodes and many others with their code and docs. */
function bigManifest(megabytes: number) {
  const filler = 'select * from somewhere -- '.padEnd(2000, 'x');
  const nodes: Record<string, unknown> = {
    [MODEL]: {
      name: 'fct_invoices',
      resource_type: 'model',
      schema: 'marts',
      database: 'analytics',
      alias: 'fct_invoices',
      meta: { owner: 'billing-data@shop.example' },
      compiled_path: 'target/compiled/shop_http/models/marts/fct_invoices.sql',
      contract: { enforced: true },
      checksum: { name: 'sha256', checksum: 'ab'.repeat(32) },
      raw_code: filler,
      depends_on: { nodes: [] },
    },
  };
  const count = Math.ceil((megabytes * 1024 * 1024) / 2200);
  for (let i = 0; i < count; i++)
    nodes[`model.shop_http.other_${i}`] = {
      name: `other_${i}`,
      resource_type: 'model',
      raw_code: filler,
      compiled_code: null,
      description: 'Another model of the project, not in this run.',
      columns: { id: { name: 'id', description: 'key' } },
    };
  return {
    metadata: {
      dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json',
    },
    nodes,
    sources: {},
    macros: {},
    docs: {},
  };
}

const sign = (raw: string, secret = WEBHOOK_SECRET) =>
  createHmac('sha256', secret).update(raw).digest('hex');

/** A dbt Cloud job-run webhook body, as documented in "Webhooks for your jobs". */
function dbtCloudEvent(eventType: string, runStatus: string, runId: string) {
  const at = new Date().toISOString();
  return {
    accountId: 51234,
    eventId: `wev_${randomUUID().replace(/-/g, '')}`,
    timestamp: at,
    eventType,
    webhookName: 'pipeline-triage',
    data: {
      jobId: '90817',
      jobName: 'Hourly invoices (dbt build)',
      runId,
      environmentId: '3321',
      environmentName: 'Production',
      dbtVersion: '1.8.7',
      projectName: 'Shop analytics',
      runReason: 'scheduled',
      runStartedAt: at,
      ...(runStatus === 'Errored'
        ? { runErroredAt: at }
        : { runFinishedAt: at }),
      runStatus,
      runStatusMessage:
        runStatus === 'Errored'
          ? 'Database Error in model fct_invoices (models/marts/fct_invoices.sql)\n  relation "raw.invoices" does not exist'
          : 'None',
    },
  };
}

/**
 * dbt through HTTP on the real backend: a passing run resolves the incidents of the nodes it
 * ran; dbt artifacts have a body limit of their own; dbt Cloud's signed job-run webhook.
 */
describe.each(databaseIds())('dbt over HTTP (%s)', databaseId => {
  let backend: Awaited<ReturnType<typeof startTriageBackend>>;
  const server = () => backend.server;

  beforeAll(async () => {
    backend = await startTriageBackend(databaseId, {
      ingest: { maxBodySizeByFormat: { dbt: '40mb' } },
      dbtCloud: { webhookSecret: WEBHOOK_SECRET },
    });
  });
  afterAll(async () => {
    await backend?.stop();
  });

  const incident = async (id: string) =>
    (
      await request(server())
        .get(`${BASE}/v1/incidents/${id}`)
        .set('authorization', USER)
    ).body;

  it('a dbt failure followed by a passing run of the same nodes ends resolved', async () => {
    const failedAt = new Date(Date.now() - 60 * 60 * 1000);
    const failed = await request(server())
      .post(`${BASE}/v1/events`)
      .set('authorization', SENDER)
      .send(
        runResults(failedAt, [
          [
            MODEL,
            'error',
            'Database Error in model fct_invoices (models/marts/fct_invoices.sql)\n  column "tax_amount" does not exist',
          ],
          [TEST, 'fail', 'Got 12 results, configured to fail if != 0'],
          [SKIPPED, 'skipped'],
        ]),
      );
    expect(failed.status).toBe(202);
    expect(failed.body.results).toHaveLength(2);
    const [modelIncident, testIncident] = failed.body.results.map(
      (r: { incidentId: string }) => r.incidentId,
    );
    expect(modelIncident).toEqual(expect.any(String));
    expect(testIncident).toEqual(expect.any(String));
    expect((await incident(modelIncident)).status).toBe('open');

    // The next run passes: every node it ran is a success of that node's job.
    const passed = await request(server())
      .post(`${BASE}/v1/dbt`)
      .set('authorization', SENDER)
      .send({
        run_results: runResults(new Date(), [
          [MODEL, 'success', 'SELECT 1204'],
          [TEST, 'pass'],
          [SKIPPED, 'success', 'SELECT 31'],
        ]),
      });
    expect(passed.status).toBe(202);
    expect(passed.body.results).toHaveLength(3);
    // The two nodes with open incidents are stored and processed; the node that never failed
    // is counted in its job's run history, not stored (#19 point 2).
    const stored = passed.body.results.filter(
      (r: { status: string }) => r.status === 'accepted',
    );
    expect(stored).toHaveLength(2);
    for (const r of stored) expect(r).toMatchObject({ processing: 'ignored' });
    expect(
      passed.body.results.filter(
        (r: { status: string }) => r.status === 'counted',
      ),
    ).toHaveLength(1);

    for (const id of [modelIncident, testIncident]) {
      const detail = await incident(id);
      expect(detail.status).toBe('resolved');
      expect(detail.lastSuccess).toEqual(expect.any(String));
    }
    // Each success went through processing, like any other event.
    const event = await request(server())
      .get(`${BASE}/v1/events/${stored[0].eventId}`)
      .set('authorization', SENDER);
    expect(event.body).toMatchObject({
      status: 'done',
      outcome: 'success',
      source: 'dbt',
      job: { namespace: 'dbt', name: MODEL },
    });
  });

  it('takes gzip dbt artifacts far above the events limit on /v1/dbt, and keeps that limit elsewhere', async () => {
    const body = JSON.stringify({
      run_results: runResults(new Date(), [
        [
          MODEL,
          'error',
          'Database Error in model fct_invoices (models/marts/fct_invoices.sql)\n  permission denied for schema marts',
        ],
      ]),
      manifest: bigManifest(25),
    });
    expect(body.length).toBeGreaterThan(20 * 1024 * 1024);
    const gz = gzipSync(body);
    // Byte for byte over a socket: supertest would serialize a Buffer sent as JSON.
    const postGzip = (path: string, bytes: Buffer) =>
      replay(server(), {
        path: `${BASE}${path}`,
        headers: {
          authorization: SENDER,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
        },
        body: bytes,
      });

    const dbt = await postGzip('/v1/dbt', gz);
    expect(dbt.status).toBe(202);
    const [result] = dbt.body.results;
    expect(result.status).toBe('accepted');
    // The manifest was read (and trimmed to the run's nodes): the node's path and contract.
    const event = await request(server())
      .get(`${BASE}/v1/events/${result.eventId}`)
      .set('authorization', SENDER);
    expect(event.body.job).toEqual({
      namespace: 'dbt',
      name: MODEL,
      type: 'dbt/model',
      dbtUniqueId: MODEL,
      codePath: 'target/compiled/shop_http/models/marts/fct_invoices.sql',
      contractEnforced: true,
    });

    // The same body on the shared path: its limit (5mb by default) still applies, after gunzip.
    const events = await postGzip('/v1/events', gz);
    expect(events.status).toBe(413);
    expect(events.body.error.message).toMatch(
      /^Request body exceeds the 5mb limit \(after decompression\); dbt artifacts go to POST \/v1\/dbt/,
    );

    // Over the dbt limit (40mb here), counted after decompression.
    const hugeBody = JSON.stringify({
      run_results: runResults(new Date(), [[MODEL, 'success']]),
      manifest: bigManifest(50),
    });
    expect(hugeBody.length).toBeGreaterThan(40 * 1024 * 1024);
    const tooLarge = await postGzip('/v1/dbt', gzipSync(hugeBody));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message).toMatch(
      /^Request body exceeds the 40mb limit/,
    );
  });

  it('refuses a body that is not a dbt artifact on /v1/dbt, naming what it expects', async () => {
    const res = await request(server())
      .post(`${BASE}/v1/dbt`)
      .set('authorization', SENDER)
      .send({ job: { name: 'x' }, eventTime: new Date().toISOString() });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^\(root\): not a dbt artifact/);
  });

  it('takes a signed dbt Cloud webhook: an errored run is a failure, a later success resolves it', async () => {
    const post = (raw: string, authorization?: string) => {
      const req = request(server())
        .post(`${BASE}/v1/dbt-cloud`)
        .set('content-type', 'application/json');
      return (
        authorization ? req.set('authorization', authorization) : req
      ).send(raw);
    };
    const errored = JSON.stringify(
      dbtCloudEvent('job.run.errored', 'Errored', '70001'),
    );

    const unsigned = await post(errored);
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error.message).toMatch(/missing Authorization header/);
    const wrong = await post(errored, sign(errored, 'another-secret'));
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/not the HMAC-SHA256 of the body/);
    // Signed over other bytes (the body was altered on the way).
    const altered = await post(
      errored.replace('70001', '70002'),
      sign(errored),
    );
    expect(altered.status).toBe(401);

    const padded = JSON.stringify({
      ...dbtCloudEvent('job.run.errored', 'Errored', '70004'),
      padding: 'x'.repeat(300 * 1024),
    });
    const tooLarge = await post(padded, sign(padded));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message).toMatch(/exceeds the 256kb limit/);

    const res = await post(errored, sign(errored));
    expect(res.status).toBe(202);
    const [failure] = res.body.results;
    expect(failure.incidentId).toEqual(expect.any(String));
    const opened = await incident(failure.incidentId);
    expect(opened).toMatchObject({
      status: 'open',
      jobNamespace: 'dbt-cloud',
      jobName: 'Hourly invoices (dbt build)',
      environment: 'prod',
    });

    const started = JSON.stringify(
      dbtCloudEvent('job.run.started', 'Running', '70003'),
    );
    const ignored = await post(started, sign(started));
    expect(ignored.status).toBe(200);
    expect(ignored.body.results[0].status).toBe('ignored');

    const completed = JSON.stringify(
      dbtCloudEvent('job.run.completed', 'Success', '70003'),
    );
    const success = await post(completed, sign(completed));
    expect(success.status).toBe(202);
    expect(success.body.results[0]).toMatchObject({
      status: 'accepted',
      processing: 'ignored',
    });
    expect((await incident(failure.incidentId)).status).toBe('resolved');
  });
});
