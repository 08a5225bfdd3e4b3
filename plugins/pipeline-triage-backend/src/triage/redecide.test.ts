import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';
import {
  attackerAnswer,
  FakeAnthropic,
} from '../investigate/__testUtils__/fakeAnthropic';

jest.setTimeout(180_000);

/**
 * A verdict changed after first triage (a person's override, an accepted model suggestion, new
 * evidence attached) is routed and graded exactly as first triage would for the same cause.
 */
const databases = TestDatabases.create({ ids: databaseIds() });
const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header('user:default/priya.raman');
const API = '/api/pipeline-triage';

/** Two contracted inputs of one job, their contracts owned by two different teams. */
const LEFT_OWNER = 'group:default/finance-data';
const RIGHT_OWNER = 'group:default/growth-analytics';
const JOB = { namespace: 'airflow-prod', name: 'onedoor.load_pair' };

function contract(name: string, required: string[]) {
  return [
    'apiVersion: v3.1.0',
    'kind: DataContract',
    `id: ${name}-contract`,
    `name: ${name}`,
    'version: 1.0.0',
    'status: active',
    'schema:',
    `  - name: ${name}`,
    '    physicalType: table',
    '    properties:',
    ...required.flatMap(p => [
      `      - name: ${p}`,
      '        logicalType: string',
      '        required: true',
    ]),
    '',
  ].join('\n');
}

function catalogEntities() {
  const table = (name: string, contractOwner: string, required: string[]) => [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: `onedoor-${name}-contract`, namespace: 'default' },
      spec: {
        type: 'datacontract',
        lifecycle: 'production',
        owner: contractOwner,
        definition: contract(name, required),
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: `onedoor-${name}`,
        namespace: 'default',
        annotations: {
          'pipeline-triage.io/openlineage-dataset': `s3://onedoor/${name}`,
          'pipeline-triage.io/data-contract': `api:default/onedoor-${name}-contract`,
        },
      },
      spec: { type: 'table', owner: 'group:default/data-platform' },
    },
  ];
  return [
    ...table('left', LEFT_OWNER, ['id']),
    ...table('right', RIGHT_OWNER, ['id', 'amount']),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'onedoor-load-pair',
        namespace: 'default',
        annotations: {
          'pipeline-triage.io/openlineage-job': `${JOB.namespace}/${JOB.name}`,
        },
      },
      spec: {
        type: 'data-pipeline',
        lifecycle: 'production',
        owner: 'group:default/data-platform',
      },
    },
  ];
}

let n = 0;
const runId = () => `redecide-run-${++n}-${Date.now()}`;
/** A word per failure, so each is an incident of its own (digits do not tell signatures apart). */
const WORDS = [
  'amber',
  'birch',
  'cedar',
  'dune',
  'ember',
  'fjord',
  'grove',
  'heath',
];

/**
 * Staging, so a broken contract is what lifts the severity (the rules alone say "normal"); the
 * message says nothing a rule recognises: only the contract says what broke. Both inputs sent a
 * schema; only the right one breaks its contract.
 */
const contractFailure = () => ({
  source: 'generic',
  job: JOB,
  environment: 'staging',
  runId: runId(),
  eventTime: new Date(Date.now() - 60_000 + n).toISOString(),
  errorMessage: `Step ${
    WORDS[n % WORDS.length]
  } ended; the operator reported status 7`,
  inputs: [
    {
      namespace: 's3://onedoor',
      name: 'left',
      schema: [{ name: 'id', type: 'string' }],
    },
    {
      namespace: 's3://onedoor',
      name: 'right',
      schema: [{ name: 'id', type: 'string' }],
    },
  ],
});

/** A failure the rules call a permission problem, whose input is late but within its 26 h SLA. */
const lateButPermission = () => ({
  source: 'generic',
  job: { namespace: 'dbt-prod', name: 'dbt-run-commerce' },
  runId: runId(),
  eventTime: new Date(Date.now() - 60_000 + n).toISOString(),
  errorMessage:
    "snowflake.connector.errors.ProgrammingError: 003001 (42501): SQL access control error: Insufficient privileges to operate on table 'CUSTOMERS'",
  inputs: [
    { namespace: 'snowflake://acme-prod', name: 'RAW.CHECKOUT.CUSTOMERS' },
  ],
  signals: { delaySeconds: 3 * 3600 },
});

describe.each(databases.eachSupportedId())(
  'a re-decided verdict routes as first triage on %s',
  databaseId => {
    const fake = new FakeAnthropic();
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;
    let dir: string;
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-redecide-'));
      fs.writeFileSync(
        path.join(dir, 'pair.yaml'),
        catalogEntities()
          .map(e => JSON.stringify(e))
          .join('\n---\n'),
      );
      const baseUrl = await fake.start();
      backend = await startTriageBackend(
        databaseId,
        {
          // On demand, and every rules result counts as unsure: a model suggestion is always offered.
          llm: {
            enabled: true,
            apiKey: 'test-only-fake-key',
            baseUrl,
            model: 'claude-test',
            mode: 'on-demand',
            confidenceThreshold: 1,
            maxRetries: 0,
          },
        },
        { catalogFiles: [path.join(dir, 'pair.yaml')] },
      );
      // Stitched (its relations set): the linker finds it.
      const stitched = (server: typeof backend.server, ref: string) =>
        until(
          async () =>
            (
              (
                await request(server).get(
                  `/api/catalog/entities/by-name/${ref}`,
                )
              ).body?.relations ?? []
            ).length > 0,
        );
      for (const ref of [
        'component/default/onedoor-load-pair',
        'resource/default/onedoor-left',
        'resource/default/onedoor-right',
      ]) {
        await stitched(backend.server, ref);
      }
    });
    afterAll(async () => {
      await backend?.stop();
      await fake.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const post = async (body: object) => {
      const res = await request(backend.server)
        .post(`${API}/v1/events`)
        .set('authorization', SENDER)
        .send(body);
      expect(res.status).toBe(202);
      return res.body.results[0] as { incidentId: string };
    };
    const incident = async (id: string) =>
      (
        await request(backend.server)
          .get(`${API}/v1/incidents/${id}`)
          .set('authorization', USER)
      ).body;
    const override = async (id: string, category: string) => {
      const res = await request(backend.server)
        .patch(`${API}/v1/incidents/${id}`)
        .set('authorization', USER)
        .send({
          action: 'override',
          category,
          reason: 'a person knows better',
        });
      expect(res.status).toBe(200);
      return res.body;
    };
    /** First triage of the contract failure: schema drift, for the broken table's contract owner. */
    const contractIncident = async () => {
      const { incidentId } = await post(contractFailure());
      const first = await incident(incidentId);
      expect(first).toMatchObject({
        category: 'schema_drift',
        routedTo: RIGHT_OWNER,
        severity: 'high',
      });
      expect(first.route.rule).toBe('schema_drift:contract_owner');
      return first;
    };

    it('holds an override to source_delay within the SLA, as first triage does', async () => {
      const { incidentId } = await post(lateButPermission());
      expect((await incident(incidentId)).category).toBe('permission');
      const overridden = await override(incidentId, 'source_delay');
      expect(overridden.route).toMatchObject({
        rule: 'source_delay:producer_owner',
        notify: false,
      });
      expect(overridden.route.reason).toMatch(/within its SLA/);
    });

    it('routes an override on a contract failure to the broken contract’s owner', async () => {
      const first = await contractIncident();
      const overridden = await override(first.id, 'data_quality');
      expect(overridden.routedTo).toBe(RIGHT_OWNER);
      expect(overridden.route.rule).toBe('data_quality:contract_owner');
    });

    it('routes an accepted model suggestion on a contract failure to the broken contract’s owner', async () => {
      const first = await contractIncident();
      fake.fallback = { kind: 'tool', input: attackerAnswer('data_quality') };
      const started = await request(backend.server)
        .post(`${API}/v1/incidents/${first.id}/investigate`)
        .set('authorization', USER);
      expect(started.status).toBe(202);
      const inv = await until(async () => {
        const items = (
          await request(backend.server)
            .get(`${API}/v1/incidents/${first.id}/investigations`)
            .set('authorization', USER)
        ).body.items;
        return items?.[0]?.status === 'completed' ? items[0] : undefined;
      });
      expect(inv.suggestion).toMatchObject({
        status: 'pending',
        category: 'data_quality',
      });
      const accepted = await request(backend.server)
        .post(`${API}/v1/incidents/${first.id}/investigations/${inv.id}/accept`)
        .set('authorization', USER);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        category: 'data_quality',
        routedTo: RIGHT_OWNER,
      });
    });

    it('keeps the contract evidence and the severity it lifts when evidence is attached', async () => {
      const first = await contractIncident();
      const res = await request(backend.server)
        .post(`${API}/v1/incidents/${first.id}/attachments`)
        .set('authorization', USER)
        .send({
          kind: 'log',
          name: 'worker.log',
          text: 'INFO worker 3 finished its share of the batch',
        });
      expect(res.status).toBe(201);
      expect(res.body.reclassified).toMatchObject({
        category: 'schema_drift',
        changed: false,
      });
      const after = await incident(first.id);
      expect(after).toMatchObject({
        category: 'schema_drift',
        severity: 'high',
        routedTo: RIGHT_OWNER,
      });
      expect(after.verdict.classification.category).toBe('schema_drift');
    });

    it('lets new evidence tighten a retry verdict but never loosen it', async () => {
      const job = { namespace: 'glue-prod', name: 'checkout-orders-ingest' };
      const SCALE_DOWN =
        'Task received SIGTERM signal: the worker was terminated by a scale-down';
      const base = () => ({
        source: 'generic',
        job,
        runId: runId(),
        eventTime: new Date(Date.now() - 60_000 + n).toISOString(),
        attempt: 1,
        maxAttempts: 3,
      });
      // What the log alone gets from first triage: a transient cause, safe to rerun.
      const alone = await post({ ...base(), errorMessage: SCALE_DOWN });
      expect(await incident(alone.incidentId)).toMatchObject({
        category: 'infrastructure',
        safeToRetry: true,
      });

      const { incidentId } = await post({
        ...base(),
        errorMessage: `Step ${
          WORDS[n % WORDS.length]
        } ended; the operator reported status 7`,
      });
      expect(await incident(incidentId)).toMatchObject({
        category: 'unknown',
        safeToRetry: false,
      });
      const res = await request(backend.server)
        .post(`${API}/v1/incidents/${incidentId}/attachments`)
        .set('authorization', USER)
        .send({ kind: 'log', name: 'driver.log', text: SCALE_DOWN });
      expect(res.status).toBe(201);
      expect(res.body.reclassified).toMatchObject({
        category: 'infrastructure',
        changed: true,
      });
      const after = await incident(incidentId);
      expect(after).toMatchObject({
        category: 'infrastructure',
        safeToRetry: false,
      });
      expect(after.verdict.retry.safeToRetry).toBe(false);
    });
  },
);

async function until<T>(
  read: () => Promise<T | false | undefined>,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (value) return value as T;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise(r => setTimeout(r, 200));
  }
}
