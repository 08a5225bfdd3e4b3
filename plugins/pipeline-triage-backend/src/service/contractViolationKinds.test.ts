import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import {
  EXAMPLES_DIR,
  startTriageBackend,
} from '../__testUtils__/startTriageBackend';

jest.setTimeout(180_000);

/**
 * Each kind of contract violation, posted in the format a real sender uses, against the example
 * contracts: the right clause, at its path and line in the contract file, routed to the
 * contract's owner, and listed for the table, the contract and the table's producer pipeline.
 */
const databases = TestDatabases.create({ ids: databaseIds() });
const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header();
const ORDERS = fs
  .readFileSync(
    path.join(EXAMPLES_DIR, 'contracts/checkout-orders.odcs.yaml'),
    'utf8',
  )
  .split('\n');
const CUSTOMERS = fs
  .readFileSync(
    path.join(EXAMPLES_DIR, 'contracts/checkout-customers.dcs.yaml'),
    'utf8',
  )
  .split('\n');

/** 1-based line of the first line matching `re` at or after line `from`. */
const lineOf = (lines: string[], re: RegExp, from = 1) =>
  lines.findIndex((l, i) => i + 1 >= from && re.test(l)) + 1;
/** The lines of one property block of the ODCS contract: `- name: <column>` up to the next property. */
function propertyBlock(column: string): number[] {
  const start = lineOf(ORDERS, new RegExp(`^\\s+- name: ${column}$`));
  const indent = ORDERS[start - 1].indexOf('-');
  let end = start;
  while (
    end < ORDERS.length &&
    !(ORDERS[end].indexOf('-') === indent && /^\s+- name:/.test(ORDERS[end]))
  )
    end++;
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

/** The columns of checkout-orders as the contract declares them, in OpenLineage schema facet form. */
const ORDER_COLUMNS: Array<{ name: string; type: string }> = [
  { name: 'order_id', type: 'string' },
  { name: 'customer_id', type: 'string' },
  { name: 'order_status', type: 'string' },
  { name: 'currency_code', type: 'string' },
  { name: 'order_total', type: 'decimal(12,2)' },
  { name: 'item_count', type: 'int' },
  { name: 'shipping_country', type: 'string' },
  { name: 'ordered_at', type: 'timestamp' },
  { name: 'updated_at', type: 'timestamp' },
  { name: 'dt', type: 'date' },
];

const PRODUCER =
  'https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/spark';
let n = 0;

/** An OpenLineage FAIL of the orders load reading raw orders with the given schema facet and input facets. */
function openLineageFail(
  message: string,
  fields: Array<{ name: string; type: string }>,
  inputFacets?: object,
) {
  n++;
  return {
    eventType: 'FAIL',
    eventTime: new Date(Date.now() - 600_000 + n * 1000).toISOString(),
    producer: PRODUCER,
    schemaURL:
      'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: {
      runId: `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`,
      facets: {
        errorMessage: {
          _producer: PRODUCER,
          _schemaURL:
            'https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet',
          message,
          programmingLanguage: 'python',
        },
      },
    },
    job: { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
    inputs: [
      {
        namespace: 's3://acme-datalake-raw',
        name: 'checkout/orders',
        facets: {
          schema: {
            _producer: PRODUCER,
            _schemaURL:
              'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet',
            fields,
          },
        },
        ...(inputFacets ? { inputFacets } : {}),
      },
    ],
    outputs: [],
  };
}

const without = (name: string) => ORDER_COLUMNS.filter(c => c.name !== name);
const retyped = (name: string, type: string) =>
  ORDER_COLUMNS.map(c => (c.name === name ? { name, type } : c));

describe.each(databases.eachSupportedId())(
  'each kind of contract violation on %s',
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
      const [result] = res.body.results;
      expect(result).toMatchObject({ status: 'accepted' });
      return result as { incidentId: string };
    };
    const violations = async (entityRef: string) => {
      const res = await request(backend.server)
        .get('/api/pipeline-triage/v1/contract-violations')
        .query({ entityRef })
        .set('authorization', USER);
      expect(res.status).toBe(200);
      return res.body.items as any[];
    };
    const incident = async (id: string) =>
      (
        await request(backend.server)
          .get(`/api/pipeline-triage/v1/incidents/${id}`)
          .set('authorization', USER)
      ).body;

    /** The violation as the table, the contract and the producer each see it; routed to the contract owner. */
    async function expectViolation(opts: {
      incidentId: string;
      table: string;
      contract: string;
      producer: string;
      clause: string;
      column?: string;
    }) {
      const found: any[] = [];
      for (const ref of [opts.table, opts.contract, opts.producer]) {
        const v = (await violations(ref)).find(
          x =>
            x.clause === opts.clause &&
            x.lastIncidentId === opts.incidentId &&
            (!opts.column || x.column === opts.column),
        );
        expect({ ref, clause: opts.clause, found: Boolean(v) }).toEqual({
          ref,
          clause: opts.clause,
          found: true,
        });
        expect(v).toMatchObject({
          contractRef: opts.contract,
          tableRef: opts.table,
          count: expect.any(Number),
          lastSeen: expect.any(String),
        });
        found.push(v);
      }
      const detail = await incident(opts.incidentId);
      expect(detail.routedTo).toBe('group:default/checkout-producers');
      if (opts.clause === 'latency') {
        // A late input goes to its producer by cause; here the producer is the contract's owner team.
        expect(detail.route.rule).toBe('source_delay:producer_owner');
      } else {
        expect(detail.route.rule).toMatch(/:contract_owner$/);
        expect(detail.route.members).toEqual(['user:default/kenji.watanabe']);
      }
      return found[0];
    }

    const orders = {
      table: 'resource:default/raw-orders',
      contract: 'api:default/checkout-orders',
      producer: 'component:default/checkout-orders-ingest',
    };

    it('a type change in the schema facet breaks the column’s type clause', async () => {
      const { incidentId } = await post(
        openLineageFail(
          "Cannot cast 'three' to INT: column item_count",
          retyped('item_count', 'string'),
        ),
      );
      const v = await expectViolation({
        incidentId,
        ...orders,
        clause: 'type_changed',
        column: 'item_count',
      });
      expect(v.path).toMatch(/^schema\[0\]\.properties\[5\]/);
      expect(propertyBlock('item_count')).toContain(v.line);
      expect(v.observed).toMatch(/string/);
      expect(v.expected).toMatch(/integer/);
    });

    it('a new column is an unexpected column of the table', async () => {
      const { incidentId } = await post(
        openLineageFail(
          'AnalysisException: found unexpected column coupon_code in source',
          [...ORDER_COLUMNS, { name: 'coupon_code', type: 'string' }],
        ),
      );
      const v = await expectViolation({
        incidentId,
        ...orders,
        clause: 'unexpected_column',
        column: 'coupon_code',
      });
      expect(v.path).toMatch(/^schema\[0\]/);
      expect(v.line).toBeGreaterThanOrEqual(
        lineOf(ORDERS, /^ {2}- name: orders$/),
      );
      expect(v.line).toBeLessThan(lineOf(ORDERS, /^\s+- name: order_id$/));
    });

    it('one column gone and one of the same type added is a rename', async () => {
      const { incidentId } = await post(
        openLineageFail(
          'AnalysisException: cannot resolve column shipping_country',
          [
            ...without('shipping_country'),
            { name: 'ship_country', type: 'string' },
          ],
        ),
      );
      const v = await expectViolation({
        incidentId,
        ...orders,
        clause: 'renamed_column',
        column: 'shipping_country',
      });
      expect(v.path).toMatch(/^schema\[0\]\.properties\[6\]/);
      expect(propertyBlock('shipping_country')).toContain(v.line);
      expect(v.observed).toMatch(/ship_country/);
    });

    it('a failed not-null assertion breaks the column’s nullValues rule', async () => {
      const { incidentId } = await post(
        openLineageFail(
          'Data quality assertions failed: not_null(customer_id)',
          ORDER_COLUMNS,
          {
            dataQualityAssertions: {
              _producer: PRODUCER,
              _schemaURL:
                'https://openlineage.io/spec/facets/1-0-1/DataQualityAssertionsDatasetFacet.json#/$defs/DataQualityAssertionsDatasetFacet',
              assertions: [
                {
                  assertion: 'not_null',
                  success: false,
                  column: 'customer_id',
                },
                { assertion: 'unique', success: true, column: 'order_id' },
              ],
            },
          },
        ),
      );
      const v = await expectViolation({
        incidentId,
        ...orders,
        clause: 'null_values',
        column: 'customer_id',
      });
      // The clause is the nullValues rule of customer_id.
      expect(v.path).toMatch(/^schema\[0\]\.properties\[1\]/);
      expect(propertyBlock('customer_id')).toContain(v.line);
    });

    it('a late partition past the latency SLA breaks the SLA clause', async () => {
      n++;
      const { incidentId } = await post({
        source: 'generic',
        job: { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
        runId: `late-${n}`,
        eventTime: new Date().toISOString(),
        errorMessage: `airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; partition dt=${new Date()
          .toISOString()
          .slice(
            0,
            10,
          )} of s3://acme-datalake-raw/checkout/orders not found after 21600 seconds`,
        inputs: [
          { namespace: 's3://acme-datalake-raw', name: 'checkout/orders' },
        ],
        signals: { delaySeconds: 6 * 3600 },
      });
      const v = await expectViolation({
        incidentId,
        ...orders,
        clause: 'latency',
      });
      expect(v.path).toMatch(/^slaProperties\[0\]/);
      expect(ORDERS[v.line - 1]).toMatch(/property: latency/);
      expect(v.observed).toMatch(/6h|6 h|21600/);
    });

    it('a failed dbt unique test on a source breaks the uniqueness clause of the older-format (DCS) contract', async () => {
      const testId =
        'test.commerce.source_unique_checkout_raw_customers_customer_id.5e2c1a7b90';
      const { incidentId } = await post({
        run_results: {
          metadata: {
            dbt_schema_version:
              'https://schemas.getdbt.com/dbt/run-results/v6.json',
            dbt_version: '1.9.4',
            generated_at: new Date().toISOString(),
            invocation_id: `5d0e8b7a-2c41-4f93-9a6e-${String(++n).padStart(
              12,
              '0',
            )}`,
            env: { environment: 'prod' },
          },
          results: [
            {
              status: 'fail',
              timing: [],
              thread_id: 'Thread-1 (worker)',
              execution_time: 1.2,
              adapter_response: {},
              message: 'Got 3 results, configured to fail if != 0',
              failures: 3,
              unique_id: testId,
              compiled_code:
                'select customer_id as unique_field, count(*) as n_records from RAW.CHECKOUT.CUSTOMERS where customer_id is not null group by customer_id having count(*) > 1',
              relation_name: null,
            },
          ],
          elapsed_time: 1.5,
          args: {},
        },
        manifest: {
          metadata: {
            dbt_schema_version:
              'https://schemas.getdbt.com/dbt/manifest/v12.json',
            project_name: 'commerce',
          },
          nodes: {
            [testId]: {
              resource_type: 'test',
              name: 'source_unique_checkout_raw_customers_customer_id',
              unique_id: testId,
              package_name: 'commerce',
              column_name: 'customer_id',
              test_metadata: {
                name: 'unique',
                kwargs: { column_name: 'customer_id' },
              },
              depends_on: { nodes: ['source.commerce.checkout_raw.customers'] },
            },
          },
          sources: {
            'source.commerce.checkout_raw.customers': {
              resource_type: 'source',
              name: 'customers',
              unique_id: 'source.commerce.checkout_raw.customers',
              database: 'RAW',
              schema: 'CHECKOUT',
              identifier: 'CUSTOMERS',
              relation_name: 'RAW.CHECKOUT.CUSTOMERS',
            },
          },
        },
      });
      const found: any[] = [];
      for (const ref of [
        'resource:default/raw-customers',
        'api:default/checkout-customers',
        'component:default/customers-cdc-ingest',
      ]) {
        const v = (await violations(ref)).find(
          x =>
            x.clause === 'duplicate_values' && x.lastIncidentId === incidentId,
        );
        expect({ ref, found: Boolean(v) }).toEqual({ ref, found: true });
        found.push(v);
      }
      const [v] = found;
      expect(v).toMatchObject({
        contractRef: 'api:default/checkout-customers',
        tableRef: 'resource:default/raw-customers',
        column: 'customer_id',
      });
      // The clause is in the DCS document: the field's unique flag or the SodaCL duplicate check.
      expect(v.path).toMatch(
        /^(models\.customers\.fields\.customer_id|quality)/,
      );
      expect(CUSTOMERS[v.line - 1]).toMatch(
        /unique: true|duplicate_count\(customer_id\)|customer_id:/,
      );
      const detail = await incident(incidentId);
      expect(detail.routedTo).toBe('group:default/checkout-producers');
    });
  },
);
