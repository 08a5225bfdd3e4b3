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
const USER = mockCredentials.user.header();
const ORDERS_CONTRACT = fs
  .readFileSync(
    path.join(EXAMPLES_DIR, 'contracts/checkout-orders.odcs.yaml'),
    'utf8',
  )
  .split('\n');

let n = 0;
const event = (
  job: { namespace: string; name: string },
  message: string,
  extra: object,
) => ({
  source: 'generic',
  job,
  runId: `contract-run-${++n}`,
  eventTime: new Date(Date.now() - 1000 * (100 - n)).toISOString(),
  errorMessage: message,
  ...extra,
});

describe.each(databases.eachSupportedId())(
  'contract violations and schema drift on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;
    beforeAll(async () => {
      backend = await startTriageBackend(databaseId);
    });
    afterAll(async () => {
      await backend?.stop();
    });
    const post = async (body: object) => {
      const res = await request(backend.server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', SENDER)
        .send(body);
      expect(res.status).toBe(202);
      return res.body.results[0];
    };
    const violations = async (entityRef: string) =>
      (
        await request(backend.server)
          .get('/api/pipeline-triage/v1/contract-violations')
          .query({ entityRef })
          .set('authorization', USER)
      ).body.items;

    it('records a missing required column at its clause and line, for the table, the contract and the pipelines', async () => {
      const { incidentId } = await post(
        event(
          { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
          "invalid identifier 'SRC.CURRENCY_CODE'",
          {
            inputs: [
              {
                namespace: 's3://acme-datalake-raw',
                name: 'checkout/orders',
                schema: [
                  { name: 'order_id', type: 'string' },
                  { name: 'customer_id', type: 'string' },
                  { name: 'order_ts', type: 'timestamp' },
                  { name: 'status', type: 'string' },
                  { name: 'amount', type: 'decimal(12,2)' },
                ],
              },
            ],
          },
        ),
      );
      for (const ref of [
        'resource:default/raw-orders',
        'api:default/checkout-orders',
        'component:default/orders-daily-load',
        'component:default/checkout-orders-ingest',
      ]) {
        const items = await violations(ref);
        const missing = items.find(
          (v: any) =>
            v.clause === 'missing_required_column' &&
            v.column === 'currency_code',
        );
        expect({ ref, missing: Boolean(missing) }).toEqual({
          ref,
          missing: true,
        });
        expect(missing).toMatchObject({
          contractRef: 'api:default/checkout-orders',
          tableRef: 'resource:default/raw-orders',
          count: 1,
          lastIncidentId: incidentId,
        });
        // The clause's line in the contract file is the property's own line.
        expect(ORDERS_CONTRACT[missing.line - 1]).toMatch(/currency_code/);
        expect(missing.path).toMatch(/^schema\[\d+\]\.properties\[\d+\]/);
      }
      expect(await violations('resource:default/stg-payments')).toEqual([]);
    });

    it('reports drift against the last schema seen for a table without a contract', async () => {
      const job = {
        namespace: 'airflow-prod',
        name: 'orders_daily.load_orders',
      };
      const output = (fields: Array<{ name: string; type: string }>) => ({
        outputs: [
          {
            namespace: 'snowflake://acme-prod',
            name: 'ANALYTICS.STAGING.STG_ORDERS',
            schema: fields,
          },
        ],
      });
      await post({
        ...event(
          job,
          '',
          output([
            { name: 'ORDER_ID', type: 'VARCHAR' },
            { name: 'AMOUNT', type: 'NUMBER(12,2)' },
            { name: 'CHANNEL', type: 'VARCHAR' },
          ]),
        ),
        outcome: 'success',
      });
      await post(
        event(
          job,
          'Task failed: downstream check found missing CHANNEL column',
          output([
            { name: 'ORDER_ID', type: 'VARCHAR' },
            { name: 'AMOUNT', type: 'VARCHAR' },
          ]),
        ),
      );
      const drift = (
        await request(backend.server)
          .get('/api/pipeline-triage/v1/schema-drift')
          .query({ entityRef: 'resource:default/stg-orders' })
          .set('authorization', USER)
      ).body.items;
      expect(drift).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'observed_drift',
            clause: 'removed_column',
            column: 'CHANNEL',
            tableRef: 'resource:default/stg-orders',
          }),
          expect.objectContaining({
            kind: 'observed_drift',
            clause: 'type_changed',
            column: 'AMOUNT',
          }),
        ]),
      );
      expect(await violations('resource:default/stg-orders')).toEqual([]);
    });

    it('reports the state of a contract definition', async () => {
      const ok = await request(backend.server)
        .get('/api/pipeline-triage/v1/contracts')
        .query({ entityRef: 'api:default/checkout-orders' })
        .set('authorization', USER);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        valid: true,
        format: 'odcs-3.1',
        owners: { usernames: ['kenji.watanabe'] },
      });
      expect(ok.body.tables[0].required).toContain('currency_code');
      const dcs = await request(backend.server)
        .get('/api/pipeline-triage/v1/contracts')
        .query({ entityRef: 'api:default/checkout-customers' })
        .set('authorization', USER);
      expect(dcs.body).toMatchObject({ valid: true, format: 'dcs' });
      const missing = await request(backend.server)
        .get('/api/pipeline-triage/v1/contracts')
        .query({ entityRef: 'api:default/nope' })
        .set('authorization', USER);
      expect(missing.status).toBe(404);
    });

    it('names the field when a query is bad', async () => {
      const res = await request(backend.server)
        .get('/api/pipeline-triage/v1/contract-violations')
        .query({ entityRef: 'nope' })
        .set('authorization', USER);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/entityRef/);
    });
  },
);
