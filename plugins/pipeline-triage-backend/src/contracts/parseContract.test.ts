import { parseContract } from './parseContract';
import { exampleContract, exampleText, lineText } from './__testUtils__';
import {
  ContractError,
  formatProblem,
  isContractError,
  ParsedContract,
} from './types';

function parsed(text: string): ParsedContract {
  const result = parseContract(text, { file: 'test.yaml' });
  if (isContractError(result)) throw new Error(result.message);
  return result;
}

function failed(
  text: string,
  source = { entityRef: 'api:default/x', file: 'x.yaml' },
): ContractError {
  const result = parseContract(text, source);
  if (!isContractError(result)) throw new Error('expected a ContractError');
  return result;
}

const MINIMAL = `apiVersion: v3.1.0
kind: DataContract
id: c1
version: 1.0.0
status: active
`;

describe('parseContract: ODCS v3.1.0 (team object)', () => {
  const text = exampleText('orders');
  const c = exampleContract('orders');

  it('reads the header', () => {
    expect(c).toMatchObject({
      format: 'odcs-3.1',
      specVersion: 'v3.1.0',
      id: '3c0f6a52-9e1d-4b7a-8f24-6d1e5b0c7a31',
      name: 'checkout-orders',
      version: '2.1.0',
      status: 'active',
      source: { entityRef: 'api:default/checkout-orders' },
    });
    expect(c.warnings).toEqual([]);
  });

  it('reads the team and its members', () => {
    expect(c.owner.team).toBe('checkout-producers');
    expect(c.owner.members.map(m => [m.username, m.role])).toEqual([
      ['kenji.watanabe', 'owner'],
      ['olivia.brennan', 'data steward'],
      ['samuel.adeyemi', 'engineer'],
    ]);
    expect(c.owner.members[0].path).toBe('team.members[0]');
    expect(lineText(text, c.owner.members[0].line)).toContain(
      'username: kenji.watanabe',
    );
  });

  it('reads support channels with their scope', () => {
    const issues = c.support.find(s => s.scope === 'issues')!;
    expect(issues).toMatchObject({
      channel: 'CHKDATA',
      tool: 'ticket',
      url: 'https://jira.acme.example/projects/CHKDATA/issues',
      path: 'support[1]',
    });
    expect(lineText(text, issues.line)).toContain('channel: CHKDATA');
  });

  it('converts SLA durations to seconds', () => {
    expect(c.sla.latency).toMatchObject({
      value: 4,
      unit: 'h',
      seconds: 4 * 3600,
      path: 'slaProperties[0]',
    });
    expect(c.sla.frequency).toMatchObject({
      value: 1,
      unit: 'd',
      seconds: 86400,
      path: 'slaProperties[1]',
    });
    expect(c.sla.retention?.seconds).toBe(3 * 365 * 86400);
    expect(c.sla.timeOfAvailability).toMatchObject({
      value: '03:00Z',
      path: 'slaProperties[2]',
    });
    expect(c.sla.clauses).toHaveLength(4);
    expect(lineText(text, c.sla.latency!.line)).toContain('property: latency');
  });

  it('reads tables and properties with paths and lines', () => {
    expect(c.tables).toHaveLength(1);
    const orders = c.tables[0];
    expect(orders).toMatchObject({
      name: 'orders',
      physicalName: 'checkout/orders',
      path: 'schema[0]',
    });
    expect(lineText(text, orders.line)).toContain('- name: orders');

    const required = orders.properties.filter(p => p.required).map(p => p.name);
    expect(required).toEqual([
      'order_id',
      'customer_id',
      'order_status',
      'currency_code',
      'order_total',
      'item_count',
      'ordered_at',
      'updated_at',
      'dt',
    ]);
    const shipping = orders.properties.find(
      p => p.name === 'shipping_country',
    )!;
    expect(shipping.nullable).toBe(true);

    const currency = orders.properties[3];
    expect(currency).toMatchObject({
      name: 'currency_code',
      path: 'schema[0].properties[3]',
      logicalType: 'string',
      nullable: false,
    });
    expect(lineText(text, currency.line)).toContain('- name: currency_code');

    const total = orders.properties[4];
    expect(total).toMatchObject({
      logicalType: 'number',
      physicalType: 'decimal(12,2)',
    });
    expect(total.keyLocations.logicalType?.path).toBe(
      'schema[0].properties[4].logicalType',
    );
    expect(lineText(text, total.keyLocations.logicalType?.line)).toContain(
      'logicalType: number',
    );
    expect(lineText(text, total.keyLocations.required?.line)).toContain(
      'required: true',
    );

    expect(orders.properties[0]).toMatchObject({
      unique: true,
      primaryKey: true,
    });
    expect(orders.properties[9]).toMatchObject({
      name: 'dt',
      partitioned: true,
      logicalType: 'date',
    });
  });

  it('reads v3.1 quality (metric, arguments) at property and schema level', () => {
    const byPath = Object.fromEntries(c.quality.map(q => [q.path, q]));
    expect(byPath['schema[0].properties[0].quality[0]']).toMatchObject({
      table: 'orders',
      column: 'order_id',
      metric: 'duplicateValues',
      operator: 'mustBe',
      threshold: 0,
      dimension: 'uniqueness',
    });
    expect(byPath['schema[0].properties[1].quality[0]']).toMatchObject({
      column: 'customer_id',
      metric: 'nullValues',
    });
    expect(byPath['schema[0].properties[2].quality[0]']).toMatchObject({
      metric: 'invalidValues',
      validValues: [
        'placed',
        'paid',
        'shipped',
        'delivered',
        'cancelled',
        'refunded',
      ],
    });
    expect(byPath['schema[0].quality[0]']).toMatchObject({
      metric: 'rowCount',
      operator: 'mustBeGreaterThan',
      threshold: 10000,
    });
    expect(byPath['schema[0].quality[1]']).toMatchObject({
      type: 'sql',
      name: 'no_future_orders',
    });
    expect(byPath['schema[0].quality[1]'].metric).toBeUndefined();
    expect(
      lineText(text, byPath['schema[0].properties[1].quality[0]'].line),
    ).toContain('metric: nullValues');
    expect(c.tables[0].quality.map(q => q.path)).toEqual([
      'schema[0].quality[0]',
      'schema[0].quality[1]',
    ]);
  });
});

describe('parseContract: ODCS v3.0.2 (team array)', () => {
  const text = exampleText('payments');
  const c = exampleContract('payments');

  it('reads the header, members and SLA', () => {
    expect(c).toMatchObject({
      format: 'odcs-3.0',
      specVersion: 'v3.0.2',
      name: 'checkout-payments',
      version: '1.4.0',
    });
    expect(c.owner.team).toBeUndefined();
    expect(c.owner.members.map(m => m.username)).toEqual([
      'kenji.watanabe',
      'olivia.brennan',
      'samuel.adeyemi',
    ]);
    expect(c.owner.members[1].path).toBe('team[1]');
    expect(c.sla.latency?.seconds).toBe(6 * 3600);
    expect(c.sla.frequency?.seconds).toBe(86400);
    expect(c.sla.frequency?.element).toBe('payments.dt'); // slaDefaultElement
    expect(c.sla.defaultElement).toBe('payments.dt');
    expect(c.warnings).toEqual([]);
  });

  it('keeps v3.0 `date` for timestamps, and the physical type beside it', () => {
    const created = c.tables[0].properties.find(p => p.name === 'created_at')!;
    expect(created).toMatchObject({
      logicalType: 'date',
      physicalType: 'timestamp',
      path: 'schema[0].properties[7]',
    });
    expect(lineText(text, created.line)).toContain('- name: created_at');
  });

  it('normalises v3.0 rule names onto metrics', () => {
    const rules = c.quality.map(q => [q.path, q.rule, q.metric]);
    expect(rules).toEqual([
      ['schema[0].quality[0]', 'rowCount', 'rowCount'],
      [
        'schema[0].properties[0].quality[0]',
        'duplicateCount',
        'duplicateValues',
      ],
      ['schema[0].properties[1].quality[0]', 'nullCheck', 'nullValues'],
      ['schema[0].properties[2].quality[0]', 'validValues', 'invalidValues'],
    ]);
    expect(c.quality[3].validValues).toContain('klarna');
    expect(lineText(text, c.quality[1].line)).toContain('type: library');
  });
});

describe('parseContract: Data Contract Specification 0.9.3', () => {
  const text = exampleText('customers');
  const c = exampleContract('customers');

  it('reads info, owner and contact', () => {
    expect(c).toMatchObject({
      format: 'dcs',
      specVersion: '0.9.3',
      id: 'urn:datacontract:checkout:customers',
      name: 'Checkout customers',
      version: '1.1.0',
      status: 'active',
    });
    expect(c.owner.team).toBe('checkout-producers');
    expect(c.owner.members).toEqual([
      expect.objectContaining({
        username: 'checkout-producers@acme.example',
        email: 'checkout-producers@acme.example',
        role: 'contact',
        path: 'info.contact',
      }),
    ]);
    expect(c.support[0]).toMatchObject({
      scope: 'issues',
      url: 'https://jira.acme.example/projects/CHKDATA/issues',
    });
  });

  it('maps models to tables and fields to properties', () => {
    const customers = c.tables[0];
    expect(customers).toMatchObject({
      name: 'customers',
      path: 'models.customers',
      physicalType: 'table',
    });
    expect(lineText(text, customers.line)).toContain('customers:');
    const id = customers.properties[0];
    expect(id).toMatchObject({
      name: 'customer_id',
      path: 'models.customers.fields.customer_id',
      logicalType: 'string',
      required: true,
      unique: true,
      primaryKey: true,
      nullable: false,
    });
    expect(lineText(text, id.line)).toContain('customer_id:');
    expect(lineText(text, id.keyLocations.primaryKey?.line)).toContain(
      'primary: true',
    );
    const signedUp = customers.properties.find(p => p.name === 'signed_up_at')!;
    expect(signedUp).toMatchObject({
      logicalType: 'timestamp',
      physicalType: 'timestamp_tz',
    });
    expect(
      customers.properties.find(p => p.name === 'country_code')?.nullable,
    ).toBe(true);
  });

  it('reads servicelevels as SLA durations', () => {
    expect(c.sla.freshness).toMatchObject({
      value: '26h',
      seconds: 26 * 3600,
      path: 'servicelevels.freshness',
      element: 'customers.updated_at',
    });
    expect(c.sla.frequency).toMatchObject({ value: 'daily', seconds: 86400 });
    expect(c.sla.retention?.seconds).toBe(3 * 365 * 86400);
    expect(lineText(text, c.sla.freshness!.line)).toContain('freshness:');
  });

  it('reads SodaCL checks as quality rules with their lines', () => {
    expect(c.quality.map(q => [q.metric, q.column ?? null])).toEqual([
      ['rowCount', null],
      ['missingValues', 'customer_id'],
      ['duplicateValues', 'customer_id'],
      ['invalidValues', 'email'],
      ['freshness', 'updated_at'],
    ]);
    const missing = c.quality[1];
    expect(missing.path).toBe(
      'quality.specification["checks for customers"][1]',
    );
    expect(lineText(text, missing.line)).toContain(
      'missing_count(customer_id) = 0',
    );
    expect(lineText(text, c.quality[3].line)).toContain(
      'invalid_count(email) = 0',
    );
    expect(c.tables[0].quality).toHaveLength(5);
  });

  it('resolves local $ref definitions and model primary keys (DCS 1.x style)', () => {
    const c2 = parsed(`dataContractSpecification: 1.1.0
id: orders
info: { title: Orders, version: 1.0.0, owner: team-a }
definitions:
  order_id: { type: string, required: true, unique: true }
models:
  orders:
    primaryKey: [order_id]
    fields:
      order_id: { $ref: '#/definitions/order_id' }
      amount:
        type: decimal
        quality:
          - type: sql
            query: SELECT COUNT(*) FROM orders WHERE amount < 0
            mustBe: 0
`);
    const [id, amount] = c2.tables[0].properties;
    expect(id).toMatchObject({
      logicalType: 'string',
      required: true,
      unique: true,
      primaryKey: true,
      nullable: false,
    });
    expect(amount).toMatchObject({ logicalType: 'number', nullable: true });
    expect(amount.quality[0]).toMatchObject({
      type: 'sql',
      operator: 'mustBe',
      path: 'models.orders.fields.amount.quality[0]',
      line: 14,
    });
  });

  it('warns about field types the specification does not know', () => {
    const c2 = parsed(`dataContractSpecification: 0.9.3
id: x
info: { title: X, version: '1' }
models:
  t:
    fields:
      a: { type: strnig }
`);
    expect(c2.warnings).toEqual([
      expect.objectContaining({
        path: 'models.t.fields.a.type',
        line: 7,
        message: expect.stringContaining("got 'strnig'"),
      }),
    ]);
    expect(c2.tables[0].properties[0].logicalType).toBeUndefined();
  });

  it('rejects a DCS document without info.title, naming the path', () => {
    const e = failed(
      'dataContractSpecification: 0.9.3\nid: x\ninfo:\n  version: 1.0.0\n',
    );
    expect(e.problems).toEqual([
      { path: 'info.title', line: 3, message: 'required' },
    ]);
  });
});

describe('parseContract: invalid contracts', () => {
  it('names the path of a wrong logical type, with its line', () => {
    const e = failed(`${MINIMAL}schema:
  - name: t
    properties:
      - name: a
        logicalType: string
      - name: b
        logicalType: integer
      - name: c
        logicalType: text
`);
    expect(e.entityRef).toBe('api:default/x');
    expect(e.file).toBe('x.yaml');
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({
      path: 'schema[0].properties[2].logicalType',
      line: 14,
    });
    expect(e.problems[0].message).toMatch(
      /^expected one of string, date, timestamp, time, number, integer, object, array, boolean, got 'text'$/,
    );
    expect(formatProblem(e.problems[0])).toMatch(
      /^schema\[0\]\.properties\[2\]\.logicalType \(line 14\): expected one of string, date/,
    );
    expect(e.message).toContain('api:default/x');
  });

  it('reports every problem, not only the first', () => {
    const e = failed(`apiVersion: v3.1.0
kind: DataContract
id: c1
schema:
  - properties:
      - name: a
        required: yes please
support:
  - url: https://x
slaProperties:
  - property: latency
`);
    expect(e.problems.map(p => `${p.path}: ${p.message}`)).toEqual([
      'version: required',
      'status: required',
      'schema[0].name: required',
      "schema[0].properties[0].required: expected boolean, got 'yes please'",
      'support[0].channel: required',
      'slaProperties[0].value: required',
    ]);
    expect(e.problems[0].line).toBe(1);
    expect(e.problems[3].line).toBe(7);
  });

  it('checks quality rules by type', () => {
    const e = failed(`${MINIMAL}schema:
  - name: t
    quality:
      - type: library
        mustBe: 0
      - type: sql
      - metric: nullCount
        mustBe: 0
      - type: custom
        engine: soda
      - metric: rowCount
        mustBeGreaterThan: many
        dimension: volume
`);
    expect(e.problems.map(p => `${p.path}: ${p.message}`)).toEqual([
      'schema[0].quality[0].metric: required for a library check (v3.1 `metric`: one of nullValues, missingValues, invalidValues, duplicateValues, rowCount; v3.0 `rule`)',
      'schema[0].quality[1].query: required for a sql check',
      "schema[0].quality[2].metric: expected one of nullValues, missingValues, invalidValues, duplicateValues, rowCount, got 'nullCount'",
      'schema[0].quality[3].implementation: required for a custom check',
      "schema[0].quality[4].mustBeGreaterThan: expected number, got 'many'",
      "schema[0].quality[4].dimension: expected one of accuracy, completeness, conformity, consistency, coverage, timeliness, uniqueness, got 'volume'",
    ]);
  });

  it('explains a malformed team by the shape it is closest to', () => {
    const e = failed(`${MINIMAL}team:
  name: t
  members:
    - username: a
      role: [owner]
`);
    expect(e.problems).toEqual([
      {
        path: 'team.members[0].role',
        line: 10,
        message: 'expected string, got a list',
      },
    ]);
  });

  it('rejects ODCS v2 and unknown kinds', () => {
    const e = failed(
      MINIMAL.replace('v3.1.0', 'v2.2.2').replace('DataContract', 'Contract'),
    );
    expect(e.problems.map(p => p.path)).toEqual(['apiVersion', 'kind']);
    expect(e.problems[0].message).toContain('v3.0.x or v3.1.x');
  });

  it('reports YAML syntax errors with their line', () => {
    const e = failed(`${MINIMAL}schema: [\nname: x\n`);
    expect(e.problems[0].path).toBe('');
    expect(e.problems[0].line).toBeGreaterThanOrEqual(6);
    expect(e.problems[0].message).toMatch(/^invalid YAML/);
  });

  it('rejects what is not a contract', () => {
    expect(failed('hello: world\n').problems[0].message).toContain(
      'not a data contract',
    );
    expect(failed('- a\n- b\n').problems[0].message).toContain(
      'expected a mapping',
    );
    expect(failed('').problems[0].message).toContain('expected a mapping');
  });

  it('never throws, whatever the text', () => {
    const texts = [
      '',
      '~',
      '42',
      '"x"',
      '[1, 2',
      '{a: 1}',
      'apiVersion: 3',
      'dataContractSpecification: {}',
      'kind: DataContract',
      `${MINIMAL}schema: 7`,
      `${MINIMAL}team: 7`,
      'a: &x [*x]',
      '\u0000\u0001',
      `${MINIMAL}---\nx: 1\n`,
    ];
    for (const text of texts) {
      expect(() => parseContract(text, {})).not.toThrow();
      expect(parseContract(text, {})).toBeDefined();
    }
  });
});

describe('parseContract: warnings that do not block', () => {
  it('warns about unknown keys at closed levels, and still parses', () => {
    const c = parsed(`${MINIMAL}schema:
  - name: t
    properties:
      - name: a
        logicalType: string
        requried: true
`);
    expect(c.warnings).toEqual([
      {
        path: 'schema[0].properties[0].requried',
        line: 11,
        message: 'unknown key, ignored',
      },
    ]);
    expect(c.tables[0].properties[0].nullable).toBe(true);
  });

  it('warns about v3.1 constructs in a v3.0 document, and the other way round', () => {
    const v30 = parsed(
      `${MINIMAL.replace('v3.1.0', 'v3.0.2')}version: 1.0
team:
  name: t
  members: [{ username: a, role: owner }]
schema:
  - name: t
    properties:
      - name: ts
        logicalType: timestamp
        quality:
          - metric: nullValues
            mustBe: 0
`.replace('version: 1.0.0\n', ''),
    );
    expect(v30.version).toBe('1');
    expect(v30.warnings.map(w => w.path)).toEqual([
      'version',
      'team',
      'schema[0].properties[0].logicalType',
      'schema[0].properties[0].quality[0].metric',
    ]);
    expect(v30.owner).toMatchObject({
      team: 't',
      members: [{ username: 'a', role: 'owner' }],
    });

    const v31 = parsed(`${MINIMAL}team:
  - username: a
schema:
  - name: t
    quality:
      - type: library
        rule: rowCount
        mustBeGreaterThan: 1
        mustBeLessThan: 9
`);
    expect(v31.warnings.map(w => w.path)).toEqual([
      'team',
      'schema[0].quality[0].rule',
      'schema[0].quality[0]',
    ]);
    expect(v31.quality[0]).toMatchObject({
      metric: 'rowCount',
      operator: 'mustBeGreaterThan',
    });
  });

  it('reads SLA values written as ISO durations and ignores non-durations', () => {
    const c = parsed(`${MINIMAL}slaProperties:
  - property: latency
    value: PT90M
  - property: frequency
    value: 1
    unit: fortnight
`);
    expect(c.sla.latency?.seconds).toBe(5400);
    expect(c.sla.frequency).toBeUndefined();
    expect(c.sla.clauses[1]).toMatchObject({
      property: 'frequency',
      value: 1,
      unit: 'fortnight',
    });
    expect(c.sla.clauses[1].seconds).toBeUndefined();
  });

  it('reads nested properties and array items', () => {
    const c = parsed(`${MINIMAL}schema:
  - name: t
    properties:
      - name: address
        logicalType: object
        properties:
          - name: zip
            logicalType: string
            quality: [{ metric: nullValues, mustBe: 0 }]
      - name: tags
        logicalType: array
        items:
          logicalType: string
`);
    const [address, tags] = c.tables[0].properties;
    expect(address.children[0]).toMatchObject({
      name: 'zip',
      path: 'schema[0].properties[0].properties[0]',
    });
    expect(tags.children[0]).toMatchObject({
      name: 'tags[]',
      path: 'schema[0].properties[1].items',
      logicalType: 'string',
    });
    expect(c.quality[0]).toMatchObject({
      column: 'zip',
      path: 'schema[0].properties[0].properties[0].quality[0]',
    });
  });
});
