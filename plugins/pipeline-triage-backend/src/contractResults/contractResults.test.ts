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
import { startWithRealAuth } from '../emitters/__testUtils__/startWithRealAuth';
import { replay } from '../emitters/replayRequest';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: databaseIds() });
const ROUTE = '/api/pipeline-triage/v1/contract-results';
/** The `id` of examples/contracts/checkout-orders.odcs.yaml: what datacontract-cli reports. */
const ORDERS_ID = '3c0f6a52-9e1d-4b7a-8f24-6d1e5b0c7a31';
const ORDERS_LINES = fs
  .readFileSync(
    path.join(EXAMPLES_DIR, 'contracts/checkout-orders.odcs.yaml'),
    'utf8',
  )
  .split('\n');

/** The 1-based line of the first `key` line after the property `name`. */
function lineOf(property: string, key: string): number {
  const at = ORDERS_LINES.findIndex(l => l.trim() === `- name: ${property}`);
  return (
    ORDERS_LINES.findIndex((l, i) => i > at && l.trim().startsWith(`${key}:`)) +
    1
  );
}

/** A check as datacontract-cli's pydantic model dumps it (datacontract/model/run.py). */
function check(
  model: string,
  field: string | null,
  type: string,
  category: string,
  result: string,
  name: string,
  reason: string | null = null,
) {
  return {
    id: randomUUID(),
    key: field ? `${model}__${field}__${type}` : `${model}__${type}`,
    category,
    type,
    name,
    model,
    field,
    qualityId: null,
    tags: null,
    engine: 'datacontract',
    language: 'sql',
    implementation: 'SELECT ...',
    result,
    reason,
    diagnostics: null,
    failedSamples: null,
  };
}

/** The Run JSON `datacontract test --publish` posts (model_dump_json of the Run model). */
function publishedRun(dataContractId: string, checks: object[]) {
  return {
    runId: randomUUID(),
    datacontractCliVersion: '0.11.4',
    dataContractId,
    dataContractVersion: '2.1.0',
    dataProductId: null,
    outputPortId: null,
    server: 'raw-lake-prod',
    filters: null,
    timestampStart: '2026-12-07T06:00:01.204316Z',
    timestampEnd: '2026-12-07T06:00:09.881032Z',
    result: 'failed',
    checks,
    logs: [
      {
        level: 'INFO',
        message: 'Running checks',
        timestamp: '2026-12-07T06:00:01.204500Z',
      },
    ],
  };
}

/**
 * The request datacontract-cli's publish_test_results_to_entropy_data makes with python-requests
 * when ENTROPY_DATA_HOST names the Backstage host: the JSON with Content-Type and x-api-key.
 */
function cliRequest(run: object, apiKey = SENDER_TOKEN) {
  return {
    path: ROUTE,
    body: Buffer.from(JSON.stringify(run), 'utf8'),
    headers: {
      'user-agent': 'python-requests/2.32.3',
      'accept-encoding': 'gzip, deflate',
      accept: '*/*',
      connection: 'keep-alive',
      'content-type': 'application/json',
      'x-api-key': apiKey,
    },
  };
}

/** JUnit XML as datacontract/output/junit_test_results.py writes it (minidom, pretty). */
function junit(
  runId: string,
  dataContractId: string,
  cases: string,
  version = '2.1.0',
) {
  return `<?xml version="1.0" ?>
<testsuite id="${runId}" name="${dataContractId}" tests="3" errors="0" failures="1" skipped="1" timestamp="2026-12-07T07:15:00.120000" time="4.2">
  <properties>
    <property name="dataContractId" value="${dataContractId}"/>
    <property name="dataContractVersion" value="${version}"/>
    <property name="server" value="raw-lake-prod"/>
  </properties>
${cases}
  <system-out>2026-12-07 07:15:00.120000+00:00 INFO: Running checks
</system-out>
</testsuite>
`;
}

describe.each(databases.eachSupportedId())(
  'contract test results (datacontract-cli) as contract findings, on %s',
  databaseId => {
    let env: Awaited<ReturnType<typeof startWithRealAuth>>;
    let reader: string;
    beforeAll(async () => {
      env = await startWithRealAuth(databaseId);
      reader = await env.readerHeader();
    });
    afterAll(async () => {
      await env?.backend.stop();
    });
    const violations = async (entityRef: string) => {
      const res = await request(env.server)
        .get('/api/pipeline-triage/v1/contract-violations')
        .query({ entityRef })
        .set('authorization', reader);
      expect(res.status).toBe(200);
      return res.body.items as any[];
    };

    it('records the failed and warning checks of a published run on the contract and its table; passed ones are not findings', async () => {
      const run = publishedRun(ORDERS_ID, [
        check(
          'orders',
          'order_id',
          'field_unique',
          'quality',
          'failed',
          'Check that unique field order_id has no duplicate values',
          'Value(s) not unique: 3',
        ),
        check(
          'orders',
          'customer_id',
          'field_required',
          'quality',
          'passed',
          'Check that field customer_id has no missing values',
        ),
        check(
          'orders',
          'order_status',
          'field_enum',
          'quality',
          'warning',
          "Check that field order_status only contains enum values ['placed', 'paid', 'shipped']",
          'Invalid values: 12',
        ),
        check(
          'orders',
          null,
          'connection',
          'test',
          'error',
          'Test server connection',
          'Access Denied (Service: S3, Status Code: 403)',
        ),
      ]);
      const res = await replay(env.server, cliRequest(run));
      expect(res.status).toBe(200); // datacontract-cli treats anything else as a failed publish
      expect(res.body).toMatchObject({
        runId: run.runId,
        contractRef: 'api:default/checkout-orders',
        recorded: 2,
        passed: 1,
      });
      expect(res.body.warnings).toBeUndefined();
      expect(res.body.notFindings).toEqual([
        expect.objectContaining({
          check: 'Test server connection',
          result: 'error',
          reason: expect.stringContaining('Access Denied'),
        }),
      ]);

      for (const entityRef of [
        'api:default/checkout-orders',
        'resource:default/raw-orders',
      ]) {
        const ours = (await violations(entityRef)).filter(
          f => f.lastTestRunId === run.runId,
        );
        expect(ours).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              kind: 'quality',
              clause: 'duplicate_values',
              contractRef: 'api:default/checkout-orders',
              tableRef: 'resource:default/raw-orders',
              column: 'order_id',
              line: lineOf('order_id', 'unique'),
              observed: 'Value(s) not unique: 3',
              count: 1,
            }),
            expect.objectContaining({
              clause: 'invalid_values',
              column: 'order_status',
              observed: 'warning: Invalid values: 12',
            }),
          ]),
        );
        expect(ours).toHaveLength(2);
        expect(ours[0].lastIncidentId).toBeUndefined();
        expect(ours.map(f => f.column)).not.toContain('customer_id');
      }

      // A CI retry posts the same run again: nothing is counted twice.
      expect((await replay(env.server, cliRequest(run))).status).toBe(200);
      const again = (await violations('api:default/checkout-orders')).find(
        f => f.lastTestRunId === run.runId && f.column === 'order_id',
      );
      expect(again.count).toBe(1);
    });

    it('accepts the JUnit XML of datacontract test --output-format junit by its content type', async () => {
      const runId = randomUUID();
      const xml = junit(
        runId,
        ORDERS_ID,
        `  <testcase classname="orders.order_id" name="orders__order_id__field_is_present"/>
  <testcase classname="orders.order_total" name="orders__order_total__field_type">
    <failure message="Type mismatch, expected number, got varchar" type="schema">Name: Check that field order_total has type number
Engine: datacontract
Implementation:
None

Result: failed
Reason: Type mismatch, expected number, got varchar
Diagnostics:
null
</failure>
  </testcase>
  <testcase classname="orders" name="orders__row_count">
    <skipped message="Skipped" type="quality"/>
  </testcase>`,
        '2.0.0',
      );
      const res = await request(env.server)
        .post(ROUTE)
        .set('authorization', `Bearer ${SENDER_TOKEN}`)
        .set('content-type', 'application/xml')
        .send(xml);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ runId, recorded: 1, passed: 1 });
      expect(res.body.warnings).toEqual([
        'dataContractVersion: the run tested version 2.0.0; the catalog has 2.1.0',
      ]);
      const ours = (await violations('resource:default/raw-orders')).filter(
        f => f.lastTestRunId === runId,
      );
      expect(ours).toEqual([
        expect.objectContaining({
          kind: 'schema',
          clause: 'type_changed',
          column: 'order_total',
          line: lineOf('order_total', 'logicalType'),
          observed: 'Type mismatch, expected number, got varchar',
          expected: 'Check that field order_total has type number',
        }),
      ]);
    });

    it('answers a run of a contract the catalog does not have with a 404 naming the id', async () => {
      const run = publishedRun('urn:datacontract:nobody:nothing', [
        check('things', 'id', 'field_unique', 'quality', 'failed', 'x', 'y'),
      ]);
      const res = await replay(env.server, cliRequest(run));
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain(
        'dataContractId: no data contract in the catalog has the id "urn:datacontract:nobody:nothing"',
      );
    });

    it.each([
      [
        'a run without dataContractId',
        'application/json',
        JSON.stringify({
          ...publishedRun(ORDERS_ID, []),
          dataContractId: null,
        }),
        'dataContractId',
      ],
      [
        'an unknown check result',
        'application/json',
        JSON.stringify(
          publishedRun(ORDERS_ID, [
            {
              ...check('orders', 'x', 'field_unique', 'quality', 'failed', 'n'),
              result: 'exploded',
            },
          ]),
        ),
        'checks.0.result',
      ],
      ['a JSON array', 'application/json', '[]', 'body'],
      [
        'XML that is not well formed',
        'application/xml',
        '<testsuite id="a"><testcase></testsuite>',
        'body: not well-formed XML',
      ],
      [
        'JUnit without the contract id',
        'application/xml',
        '<testsuite id="a" name="Data Contract"><testcase classname="orders" name="x"/></testsuite>',
        'testsuite.properties.dataContractId',
      ],
      ['a text body', 'text/plain', 'hello', 'content-type'],
    ])(
      'answers %s with a 400 naming the field',
      async (_what, type, body, field) => {
        const res = await request(env.server)
          .post(ROUTE)
          .set('authorization', `Bearer ${SENDER_TOKEN}`)
          .set('content-type', type)
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(field);
      },
    );

    it('refuses a request without a sender token', async () => {
      const run = publishedRun(ORDERS_ID, []);
      const anonymous = await request(env.server).post(ROUTE).send(run);
      expect(anonymous.status).toBe(401);
      const wrongKey = await replay(env.server, cliRequest(run, 'not-a-token'));
      expect(wrongKey.status).toBe(401);
    });
  },
);
