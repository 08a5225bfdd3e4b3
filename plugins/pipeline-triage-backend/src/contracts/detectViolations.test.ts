import type {
  DatasetRef,
  FailureEvent,
  SchemaField,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { detectViolations } from './detectViolations';
import { parseContract } from './parseContract';
import { exampleContract, exampleText, lineText } from './__testUtils__';
import { isContractError, ParsedContract } from './types';
import type { DetectViolationsInput, Violation } from './violation';

const orders = exampleContract('orders');
const payments = exampleContract('payments');
const customers = exampleContract('customers');
const ordersText = exampleText('orders');
const paymentsText = exampleText('payments');
const customersText = exampleText('customers');

function event(extra: Partial<FailureEvent> = {}): FailureEvent {
  return {
    source: 'openlineage',
    outcome: 'fail',
    job: { namespace: 'airflow-prod', name: 'checkout.orders_ingest' },
    eventTime: '2025-06-02T05:00:00Z',
    ...extra,
  };
}

function dataset(name: string, extra: Partial<DatasetRef> = {}): DatasetRef {
  return { namespace: 's3://acme-datalake-raw', name, ...extra };
}

/** The orders contract's columns as the data has them, with `change` applied. */
function ordersSchema(
  change: (fields: SchemaField[]) => SchemaField[] = f => f,
): SchemaField[] {
  return change([
    { name: 'order_id', type: 'string', nullable: false },
    { name: 'customer_id', type: 'string', nullable: false },
    { name: 'order_status', type: 'string' },
    { name: 'currency_code', type: 'string' },
    { name: 'order_total', type: 'decimal(12,2)' },
    { name: 'item_count', type: 'int' },
    { name: 'shipping_country', type: 'string', nullable: true },
    { name: 'ordered_at', type: 'timestamp' },
    { name: 'updated_at', type: 'timestamp' },
  ]);
}

function detect(
  input: Partial<DetectViolationsInput> & { dataset: DatasetRef },
  contract: ParsedContract = orders,
): Violation[] {
  const names = new Map([
    [orders, 'orders'],
    [payments, 'payments'],
    [customers, 'customers'],
  ]);
  const which = names.get(contract) ?? 'orders';
  return detectViolations({
    contract,
    contractEntityRef: `api:default/checkout-${which}`,
    tableEntityRef: `resource:default/raw-${which}`,
    event: event(),
    ...input,
  });
}

const inputOrders = (extra: Partial<DatasetRef> = {}) =>
  dataset('checkout/orders', extra);

describe('detectViolations: schema from a schema facet', () => {
  it('reports a missing required column at its property, with the line', () => {
    const [v, ...rest] = detect({
      dataset: inputOrders({
        schema: ordersSchema(f => f.filter(c => c.name !== 'currency_code')),
      }),
      eventId: 'ev-1',
      incidentId: 'inc-1',
    });
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      kind: 'schema',
      clause: 'missing_required_column',
      contractRef: 'api:default/checkout-orders',
      tableRef: 'resource:default/raw-orders',
      contractTable: 'orders',
      path: 'schema[0].properties[3]',
      line: 148,
      file: 'examples/contracts/checkout-orders.odcs.yaml',
      column: 'currency_code',
      observed: 'absent',
      expected: 'required column currency_code (string)',
      evidence: 'schema',
      eventId: 'ev-1',
      incidentId: 'inc-1',
    });
    expect(lineText(ordersText, v.line)).toContain('- name: currency_code');
    expect(v.evidenceText).toBe(
      'contract checkout-orders: required column currency_code missing from raw-orders',
    );
    expect(v.message).toContain('schema[0].properties[3], line 148');
  });

  it('reports a type change at the logicalType key, comparing logical types', () => {
    const [v, ...rest] = detect({
      dataset: inputOrders({
        schema: ordersSchema(f =>
          f.map(c =>
            c.name === 'item_count' ? { ...c, type: 'StringType' } : c,
          ),
        ),
      }),
    });
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      clause: 'type_changed',
      column: 'item_count',
      path: 'schema[0].properties[5].logicalType',
      observed: 'StringType (string)',
      expected: 'integer (int)',
    });
    expect(lineText(ordersText, v.line)).toContain('logicalType: integer');
  });

  it('accepts other spellings of the same logical type, and unknown types', () => {
    const schema = ordersSchema(f =>
      f.map(c => {
        if (c.name === 'order_total') return { ...c, type: 'NUMBER(12,2)' };
        if (c.name === 'item_count') return { ...c, type: 'BIGINT' };
        if (c.name === 'ordered_at') return { ...c, type: 'TIMESTAMP_NTZ' };
        if (c.name === 'order_status') return { ...c, type: 'some_enum_type' };
        return { ...c, type: c.type?.toUpperCase() };
      }),
    );
    expect(detect({ dataset: inputOrders({ schema }) })).toEqual([]);
  });

  it('lets an ODCS v3.0 `date` column hold timestamps', () => {
    const schema: SchemaField[] = payments.tables[0].properties.map(p => ({
      name: p.name,
      type: p.name.endsWith('_at') ? 'TimestampType' : p.physicalType,
    }));
    expect(
      detect({ dataset: dataset('checkout/payments', { schema }) }, payments),
    ).toEqual([]);
  });

  it('reports a new column against the list of properties', () => {
    const [v, ...rest] = detect({
      dataset: inputOrders({
        schema: ordersSchema(f => [
          ...f,
          { name: 'discount_code', type: 'string' },
        ]),
      }),
    });
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      clause: 'unexpected_column',
      column: 'discount_code',
      path: 'schema[0].properties',
      line: 96,
      observed: 'new column discount_code: string',
    });
    expect(v.evidenceText).toBe(
      'contract checkout-orders: unexpected new column discount_code in raw-orders',
    );
  });

  it('reports a rename once, instead of a missing and a new column', () => {
    const violations = detect({
      dataset: inputOrders({
        schema: ordersSchema(f =>
          f.map(c =>
            c.name === 'currency_code' ? { ...c, name: 'currency' } : c,
          ),
        ),
      }),
    });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      clause: 'renamed_column',
      column: 'currency_code',
      path: 'schema[0].properties[3]',
      line: 148,
      observed: 'currency (string)',
      expected: 'currency_code (string)',
    });
    expect(violations[0].evidenceText).toContain('renamed to currency');
  });

  it('does not guess a rename when two columns of the type went missing', () => {
    const violations = detect({
      dataset: inputOrders({
        schema: ordersSchema(f => [
          ...f.filter(
            c => c.name !== 'currency_code' && c.name !== 'order_status',
          ),
          { name: 'currency', type: 'string' },
        ]),
      }),
    });
    expect(violations.map(v => `${v.clause}:${v.column}`).sort()).toEqual([
      'missing_required_column:currency_code',
      'missing_required_column:order_status',
      'unexpected_column:currency',
    ]);
  });

  it('reports a required column observed nullable at its required key', () => {
    const [v, ...rest] = detect({
      dataset: inputOrders({
        schema: ordersSchema(f =>
          f.map(c => (c.name === 'customer_id' ? { ...c, nullable: true } : c)),
        ),
      }),
    });
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      clause: 'nullability_changed',
      column: 'customer_id',
      path: 'schema[0].properties[1].required',
      observed: 'nullable',
    });
    expect(lineText(ordersText, v.line)).toContain('required: true');
  });

  it('does not report a missing optional column or a partition column kept in the path', () => {
    const schema = ordersSchema(f =>
      f.filter(c => c.name !== 'shipping_country'),
    );
    expect(schema.some(c => c.name === 'dt')).toBe(false);
    expect(detect({ dataset: inputOrders({ schema }) })).toEqual([]);
  });

  it('matches columns case-insensitively (Snowflake upper-cases)', () => {
    const schema: SchemaField[] = customers.tables[0].properties.map(p => ({
      name: p.name.toUpperCase(),
      type:
        {
          signed_up_at: 'TIMESTAMP_TZ',
          updated_at: 'TIMESTAMP_TZ',
          marketing_opt_in: 'BOOLEAN',
        }[p.name] ?? 'VARCHAR(16777216)',
    }));
    expect(
      detect(
        { dataset: dataset('RAW.CHECKOUT.CUSTOMERS', { schema }) },
        customers,
      ),
    ).toEqual([]);
  });

  it('reads DCS fields as the schema to compare with', () => {
    const schema: SchemaField[] = [
      { name: 'CUSTOMER_ID', type: 'VARCHAR' },
      { name: 'COUNTRY_CODE', type: 'VARCHAR' },
      { name: 'MARKETING_OPT_IN', type: 'VARCHAR' },
      { name: 'SIGNED_UP_AT', type: 'TIMESTAMP_TZ' },
      { name: 'UPDATED_AT', type: 'TIMESTAMP_TZ' },
      { name: '_CDC_LSN', type: 'VARCHAR' },
    ];
    const violations = detect(
      { dataset: dataset('RAW.CHECKOUT.CUSTOMERS', { schema }) },
      customers,
    );
    expect(violations.map(v => [v.clause, v.column, v.path])).toEqual([
      [
        'type_changed',
        'marketing_opt_in',
        'models.customers.fields.marketing_opt_in.type',
      ],
      ['missing_required_column', 'email', 'models.customers.fields.email'],
    ]);
    expect(lineText(customersText, violations[0].line)).toContain(
      'type: boolean',
    );
    expect(lineText(customersText, violations[1].line)).toContain('email:');
  });
});

describe('detectViolations: schema from error messages', () => {
  const noSchema = inputOrders();

  it.each([
    [
      'Spark',
      "org.apache.spark.sql.AnalysisException: cannot resolve '`currency_code`' given input columns: [order_id, customer_id, order_status, order_total, item_count, ordered_at, updated_at, dt]; line 1 pos 7",
    ],
    [
      'Spark 3.4',
      '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `o`.`currency_code` cannot be resolved. Did you mean one of the following? [`o`.`order_id`, `o`.`order_total`, `o`.`customer_id`].',
    ],
    [
      'Snowflake',
      "SQL compilation error: error line 3 at position 4\ninvalid identifier 'O.CURRENCY_CODE'",
    ],
    ['BigQuery', 'Unrecognized name: currency_code at [3:5]'],
    [
      'PostgreSQL',
      'ERROR:  column "currency_code" does not exist\nLINE 1: select currency_code from orders',
    ],
    [
      'Parquet',
      'java.lang.IllegalArgumentException: No such struct field currency_code in order_id, customer_id, order_status',
    ],
  ])(
    '%s: a contract column the engine cannot find is missing',
    (_engine, message) => {
      const violations = detect({
        dataset: noSchema,
        event: event({ errorMessage: message }),
      });
      expect(violations).toHaveLength(1);
      expect(violations[0]).toMatchObject({
        kind: 'schema',
        clause: 'missing_required_column',
        column: 'currency_code',
        path: 'schema[0].properties[3]',
        line: 148,
        evidence: 'error_message',
      });
      expect(violations[0].observed).toMatch(/^absent: /);
    },
  );

  it('a column the contract lacks is unexpected', () => {
    const violations = detect({
      dataset: noSchema,
      event: event({
        logExcerpt:
          "...\nSQL compilation error: invalid identifier 'DISCOUNT_CODE'\n...",
      }),
    });
    expect(violations).toEqual([
      expect.objectContaining({
        clause: 'unexpected_column',
        column: 'DISCOUNT_CODE',
        path: 'schema[0].properties',
        line: 96,
      }),
    ]);
  });

  it('stays out when the engine lists the columns of another table', () => {
    const message =
      "cannot resolve 'currency_code' given input columns: [payment_id, amount, psp_reference, created_at]";
    expect(
      detect({ dataset: noSchema, event: event({ errorMessage: message }) }),
    ).toEqual([]);
  });

  it('ignores error messages when the schema was sent', () => {
    const violations = detect({
      dataset: inputOrders({ schema: ordersSchema() }),
      event: event({
        errorMessage: 'Unrecognized name: currency_code at [3:5]',
      }),
    });
    expect(violations).toEqual([]);
  });

  it('says nothing for errors that name no column', () => {
    expect(
      detect({
        dataset: noSchema,
        event: event({
          errorMessage: 'java.lang.OutOfMemoryError: Java heap space',
        }),
      }),
    ).toEqual([]);
  });
});

describe('detectViolations: quality', () => {
  it('maps a failed OpenLineage not-null assertion to the property rule', () => {
    const [v, ...rest] = detect({
      dataset: inputOrders({
        quality: [
          {
            name: 'not_null',
            kind: 'not_null',
            column: 'customer_id',
            success: false,
            failures: 12,
          },
        ],
      }),
    });
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      kind: 'quality',
      clause: 'null_values',
      column: 'customer_id',
      path: 'schema[0].properties[1].quality[0]',
      line: 129,
      observed: '12 failing rows (not_null)',
      expected: 'nullValues mustBe 0',
      evidence: 'quality_check',
    });
    expect(lineText(ordersText, v.line)).toContain('metric: nullValues');
  });

  it('maps a failed dbt unique test, by its name, to a v3.0 rule', () => {
    const [v, ...rest] = detect(
      {
        dataset: dataset('checkout/payments', {
          quality: [
            {
              name: 'unique_raw_payments_payment_id',
              success: false,
              failures: 3,
            },
            { name: 'not_null_raw_payments_order_id', success: true },
          ],
        }),
      },
      payments,
    );
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      clause: 'duplicate_values',
      column: 'payment_id',
      path: 'schema[0].properties[0].quality[0]',
      line: 88,
      expected: 'duplicateCount mustBe 0',
    });
    expect(lineText(paymentsText, v.line)).toContain('type: library');
    expect(v.evidenceText).toContain(
      'duplicate values in payment_id of raw-payments',
    );
  });

  it('maps accepted values and row count checks', () => {
    const violations = detect({
      dataset: inputOrders({
        rowCount: 812,
        quality: [
          {
            name: 'expect_column_values_to_be_in_set',
            column: 'order_status',
            success: false,
            failures: 4,
          },
          { name: 'expect_table_row_count_to_be_between', success: false },
        ],
      }),
    });
    expect(violations.map(v => [v.clause, v.path, v.line, v.observed])).toEqual(
      [
        [
          'invalid_values',
          'schema[0].properties[2].quality[0]',
          141,
          '4 failing rows (expect_column_values_to_be_in_set)',
        ],
        ['row_count', 'schema[0].quality[0]', 195, '812 rows'],
      ],
    );
    expect(violations[0].expected).toContain('valid: placed, paid');
    expect(violations[1].expected).toBe('rowCount mustBeGreaterThan 10000');
  });

  it('points at the property when no rule matches but it says required or unique', () => {
    const violations = detect(
      {
        dataset: dataset('checkout/payments', {
          quality: [
            {
              name: 'not_null_payment_status',
              kind: 'not_null',
              column: 'payment_status',
              success: false,
            },
            {
              name: 'unique_amount',
              kind: 'unique',
              column: 'amount',
              success: false,
            },
          ],
        }),
      },
      payments,
    );
    expect(violations).toEqual([
      expect.objectContaining({
        clause: 'null_values',
        path: 'schema[0].properties[3].required',
        expected: 'required: true (no nulls)',
      }),
    ]);
    expect(lineText(paymentsText, violations[0].line)).toContain(
      'required: true',
    );
  });

  it('ignores checks the contract does not promise, and passing checks', () => {
    const violations = detect({
      dataset: inputOrders({
        quality: [
          {
            name: 'accepted_values_shipping_country',
            kind: 'accepted_values',
            column: 'shipping_country',
            success: false,
          },
          {
            name: 'not_null_shipping_country',
            column: 'shipping_country',
            success: false,
          },
          {
            name: 'relationships_customer_id',
            column: 'customer_id',
            success: false,
          },
          { name: 'not_null_order_id', column: 'order_id', success: true },
          { name: 'not_null', column: 'no_such_column', success: false },
        ],
      }),
    });
    expect(violations).toEqual([]);
  });

  it('maps DCS SodaCL checks, and reads a not-null constraint error when no check was sent', () => {
    const fromCheck = detect(
      {
        dataset: dataset('RAW.CHECKOUT.CUSTOMERS', {
          quality: [
            {
              name: 'expect_column_values_to_not_be_null',
              column: 'CUSTOMER_ID',
              success: false,
            },
          ],
        }),
      },
      customers,
    );
    expect(fromCheck).toEqual([
      expect.objectContaining({
        clause: 'null_values',
        path: 'quality.specification["checks for customers"][1]',
        line: 88,
        column: 'customer_id',
      }),
    ]);

    const fromError = detect(
      {
        dataset: dataset('RAW.CHECKOUT.CUSTOMERS'),
        event: event({
          errorMessage:
            'ERROR: null value in column "email" of relation "customers" violates not-null constraint',
        }),
      },
      customers,
    );
    expect(fromError).toEqual([
      expect.objectContaining({
        clause: 'null_values',
        column: 'email',
        path: 'models.customers.fields.email.required',
        evidence: 'error_message',
      }),
    ]);
    expect(lineText(customersText, fromError[0].line)).toContain(
      'required: true',
    );
  });
});

describe('detectViolations: freshness', () => {
  it('reports a late partition past the latency SLA', () => {
    const [v, ...rest] = detect({
      dataset: inputOrders(),
      event: event({
        signals: { delaySeconds: 5.5 * 3600 },
        inputs: [inputOrders()],
      }),
    });
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      kind: 'freshness',
      clause: 'latency',
      path: 'slaProperties[0]',
      line: 75,
      observed: 'late by 5h 30m',
      expected: 'latency ≤ 4h',
      evidence: 'signals',
    });
    expect(lineText(ordersText, v.line)).toContain('property: latency');
    expect(v.evidenceText).toBe(
      'contract checkout-orders: raw-orders late by 5h 30m, latency SLA is 4h',
    );
  });

  it('stays quiet within the SLA, without a delay, or for an output of the run', () => {
    expect(
      detect({
        dataset: inputOrders(),
        event: event({ signals: { delaySeconds: 3 * 3600 } }),
      }),
    ).toEqual([]);
    expect(
      detect({ dataset: inputOrders(), event: event({ signals: {} }) }),
    ).toEqual([]);
    expect(
      detect({
        dataset: inputOrders(),
        event: event({
          signals: { delaySeconds: 9 * 3600 },
          outputs: [inputOrders()],
        }),
      }),
    ).toEqual([]);
  });

  it('reads the delay of a source_delay from the log, and uses DCS freshness', () => {
    const [v] = detect(
      {
        dataset: dataset('RAW.CHECKOUT.CUSTOMERS'),
        category: 'source_delay',
        event: event({
          errorMessage:
            'airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; run duration of 108000.3 seconds exceeded the specified timeout of 108000.0.',
        }),
      },
      customers,
    );
    expect(v).toMatchObject({
      clause: 'latency',
      path: 'servicelevels.freshness',
      line: 69,
      expected: 'freshness ≤ 1d 2h',
      evidence: 'error_message',
    });
  });

  it('falls back to the frequency SLA when there is no latency', () => {
    const parsed = parseContract(
      'apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\nslaProperties:\n  - property: frequency\n    value: 1\n    unit: day\n',
      {},
    );
    if (isContractError(parsed)) throw new Error(parsed.message);
    const [v] = detectViolations({
      contract: parsed,
      contractEntityRef: 'api:default/c',
      tableEntityRef: 'resource:default/t',
      dataset: dataset('t'),
      event: event({ signals: { delaySeconds: 2 * 86400 } }),
      delaySeconds: 30 * 3600,
    });
    expect(v).toMatchObject({
      path: 'slaProperties[0]',
      line: 7,
      observed: 'late by 1d 6h',
      expected: 'frequency ≤ 1d',
    });
  });
});

describe('detectViolations: which table', () => {
  const twoTables = parseContract(
    `apiVersion: v3.1.0
kind: DataContract
id: c
version: 1.0.0
status: active
schema:
  - name: orders
    physicalName: ORDERS
    properties: [{ name: id, required: true, logicalType: string }]
  - name: payments
    physicalName: PAYMENTS
    properties: [{ name: id, required: true, logicalType: string }]
`,
    {},
  ) as ParsedContract;

  it('matches the dataset to a table by name', () => {
    const violations = detectViolations({
      contract: twoTables,
      contractEntityRef: 'api:default/c',
      tableEntityRef: 'resource:default/payments',
      dataset: dataset('RAW.CHECKOUT.PAYMENTS', {
        schema: [{ name: 'other', type: 'int' }],
      }),
      event: event(),
    });
    expect(violations).toEqual([
      expect.objectContaining({
        clause: 'missing_required_column',
        path: 'schema[1].properties[0]',
        contractTable: 'payments',
      }),
      expect.objectContaining({
        clause: 'unexpected_column',
        path: 'schema[1].properties',
      }),
    ]);
  });

  it('reports nothing when the table is ambiguous', () => {
    expect(
      detectViolations({
        contract: twoTables,
        contractEntityRef: 'api:default/c',
        tableEntityRef: 'resource:default/x',
        dataset: dataset('RAW.CHECKOUT.REFUNDS', {
          schema: [{ name: 'other', type: 'int' }],
        }),
        event: event(),
      }),
    ).toEqual([]);
  });
});
