import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../bin/pipeline-triage');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function fixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pt-cli-'));
  mkdirSync(join(dir, 'cases', 'nested'), { recursive: true });
  writeFileSync(
    join(dir, 'cases', 'sensor.json'),
    JSON.stringify({
      id: 'sensor-timeout',
      platform: 'airflow',
      job: 'feed.wait_for_manifest',
      log: 'airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; run duration of 3602.8 seconds exceeds the specified timeout of 3600.0.',
      signals: { attempt: 1, maxAttempts: 3 },
      expected: {
        category: 'source_delay',
        acceptable: [],
        safe_to_retry: true,
        partial_write: false,
      },
    }),
  );
  writeFileSync(
    join(dir, 'cases', 'nested', 'oom.json'),
    JSON.stringify({
      id: 'oom',
      platform: 'spark',
      job: 'features',
      log: 'java.lang.OutOfMemoryError: Java heap space',
      expected: {
        category: 'code_error',
        acceptable: [],
        safe_to_retry: false,
        partial_write: false,
      },
    }),
  );
  writeFileSync(
    join(dir, 'event.json'),
    JSON.stringify({
      job: { name: 'orders_load' },
      eventTime: '2024-05-01T00:00:00Z',
      errorMessage:
        'psycopg2.errors.NotNullViolation: null value in column "id" violates not-null constraint',
    }),
  );
  writeFileSync(
    join(dir, 'raw.log'),
    'INFO start\njava.io.IOException: No space left on device\n',
  );
  writeFileSync(join(dir, 'broken.json'), '{"job": ');
  writeFileSync(
    join(dir, 'annotations.yaml'),
    'pipeline-triage.io/idempotent: "true"\npipeline-triage.io/runbook-url: https://runbooks/x\n',
  );
  return dir;
}

describe('pipeline-triage CLI', () => {
  const dir = fixtures();

  it('classifies cases, canonical events and raw logs as JSON lines', () => {
    const r = cli(
      'classify',
      '--json',
      join(dir, 'cases'),
      join(dir, 'event.json'),
      join(dir, 'raw.log'),
    );
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    expect(lines.map(l => [l.id, l.category])).toEqual([
      ['oom', 'resource_exhaustion'],
      ['sensor-timeout', 'source_delay'],
      [null, 'data_quality'],
      [null, 'resource_exhaustion'],
    ]);
    const sensor = lines[1];
    expect(sensor).toMatchObject({
      domain: 'data',
      safeToRetry: true,
      partialWrite: 'false',
    });
    expect(sensor.confidence).toBeGreaterThan(0.8);
    expect(sensor.evidence[0]).toMatch(/AirflowSensorTimeout/);
    expect(lines[3].input).toBe(join(dir, 'raw.log'));
  });

  it("classifies a dbt run's failed nodes, not its passing ones", () => {
    const r = cli(
      'classify',
      '--json',
      resolve(
        __dirname,
        '../../pipeline-triage-backend/src/ingest/__fixtures__/dbt-run-results.json',
      ),
    );
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    // Four failed nodes; the built model and the passing test are successes, not classified.
    expect(lines).toHaveLength(4);
    expect(lines.map(l => l.input)).toEqual(
      [1, 2, 3, 4].map(i => expect.stringMatching(new RegExp(`#${i}$`))),
    );
  });

  it("applies --contract's checks to the event: violations printed, in --json, and scored", () => {
    const contract = resolve(
      __dirname,
      '../../../examples/contracts/checkout-orders.odcs.yaml',
    );
    const requiredLine =
      readFileSync(contract, 'utf8')
        .split('\n')
        .findIndex(l => l.trim() === '- name: customer_id') + 1;
    // The orders table without customer_id, which the contract requires; a log that says nothing.
    writeFileSync(
      join(dir, 'orders-event.json'),
      JSON.stringify({
        job: { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
        eventTime: '2026-12-07T06:00:00Z',
        errorMessage: 'Task exited with return code 1',
        inputs: [
          {
            namespace: 's3://acme-datalake-raw',
            name: 'checkout/orders',
            schema: [
              ['order_id', 'string'],
              ['order_status', 'string'],
              ['currency_code', 'string'],
              ['order_total', 'decimal(12,2)'],
              ['item_count', 'int'],
              ['shipping_country', 'string'],
              ['ordered_at', 'timestamp'],
              ['updated_at', 'timestamp'],
              ['dt', 'date'],
            ].map(([name, type]) => ({ name, type })),
          },
        ],
      }),
    );
    const event = join(dir, 'orders-event.json');

    const without = JSON.parse(cli('classify', '--json', event).stdout);
    expect(without.contractViolations).toBeUndefined();
    expect(without.category).toBe('unknown');

    const r = cli('classify', '--json', '--contract', contract, event);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout);
    expect(line.contractViolations).toEqual([
      expect.objectContaining({
        kind: 'schema',
        clause: 'missing_required_column',
        table: 'orders',
        column: 'customer_id',
        line: requiredLine,
      }),
    ]);
    // A broken clause is evidence: the verdict follows it, as in the backend.
    expect(line.category).toBe('schema_drift');
    expect(line.rules).toContain('extra:contract_violation');

    const text = cli('classify', '--contract', contract, event);
    expect(text.stdout).toContain('contract: 1 violation');
    expect(text.stdout).toContain(
      `Column customer_id is required by contract checkout-orders (schema[0].properties[1], line ${requiredLine})`,
    );
  });

  it('refuses a --contract file that is no usable contract, naming it', () => {
    writeFileSync(
      join(dir, 'contract.yaml'),
      'apiVersion: v3.0.0\nkind: DataContract\nid: orders\n',
    );
    const r = cli(
      'classify',
      '--contract',
      join(dir, 'contract.yaml'),
      join(dir, 'raw.log'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `Contract ${join(dir, 'contract.yaml')} cannot be used`,
    );
    expect(r.stderr).toContain('version (line 1): required');
  });

  it('prints a readable summary and applies annotations', () => {
    const r = cli(
      'classify',
      '--annotations',
      join(dir, 'annotations.yaml'),
      join(dir, 'cases', 'nested', 'oom.json'),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Resource exhaustion [resource_exhaustion, infra]',
    );
    expect(r.stdout).toContain('retry: Not safe');
  });

  it('scores labelled cases and enforces --min-accuracy', () => {
    const table = cli('eval', join(dir, 'cases'));
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      'accuracy (category or acceptable)        50.0%',
    );
    expect(table.stdout).toMatch(/oom\s+code_error\s+resource_exhaustion/);
    const json = cli('eval', '--json', join(dir, 'cases'));
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({
      cases: 2,
      accuracy: 0.5,
      safeRetry: { precision: 1, recall: 1 },
    });
    expect(report.confusion).toEqual([
      { expected: 'code_error', predicted: 'resource_exhaustion', count: 1 },
    ]);
    const gate = cli('eval', '--min-accuracy', '0.9', join(dir, 'cases'));
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain('accuracy 0.5 is below --min-accuracy 0.9');
  });

  it('reports bad inputs in one line naming the file, without a stack trace', () => {
    const bad = cli('classify', join(dir, 'broken.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`Invalid JSON in ${join(dir, 'broken.json')}`);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const missing = cli('classify', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      `Cannot read ${join(dir, 'nope.json')}: no such file or directory`,
    );
    const empty = cli('eval', join(dir, 'raw.log'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('No labelled cases found');
  });
});
