import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { dbtAdapter } from './dbt';
import { formatAge } from './dbtFreshness';
import { columnFromTestName, relationFromSql } from './dbtRunResults';
import { trimDbtPayload } from './dbtTrim';
import { fixture, problemsOf, testContext as ctx } from './__testUtils__';

const rejectionOf = (payload: unknown) =>
  problemsOf(() => dbtAdapter.normalize(payload, ctx));
const byJob = (events: FailureEvent[], name: string) =>
  events.find(e => e.job.name === name)!;
const failures = (events: FailureEvent[]) =>
  events.filter(e => e.outcome === 'fail');

const MODEL = 'model.commerce.fct_orders';
const UNIQUE = 'test.commerce.unique_dim_customers_customer_id.3b9f1c2d7e';
const ACCEPTED =
  'test.commerce.accepted_values_dim_customers_segment__retail__wholesale__partner.9a8b7c6d5e';
const RELATIONSHIPS =
  'test.commerce.relationships_fct_payments_order_id__order_id__ref_fct_orders_.5d4c3b2a19';

describe('dbtAdapter: run_results.json alone', () => {
  const events = dbtAdapter.normalize(fixture('dbt-run-results.json'), ctx);

  it('yields one failure per failed node; warn and skipped yield nothing', () => {
    expect(
      failures(events)
        .map(e => e.job.name)
        .sort(),
    ).toEqual([ACCEPTED, MODEL, RELATIONSHIPS, UNIQUE].sort());
    expect(
      events.find(e => e.job.name === 'model.commerce.fct_revenue_daily'),
    ).toBeUndefined();
    expect(
      events.find(
        e =>
          e.job.name ===
          'test.commerce.not_null_dim_customers_email.1f2e3d4c5b',
      ),
    ).toBeUndefined();
  });

  it("yields a success of the node's own job for each passing model and test", () => {
    const passed = events.filter(e => e.outcome === 'success');
    expect(passed.map(e => e.job.name).sort()).toEqual([
      'model.commerce.stg_orders',
      'test.commerce.not_null_fct_payments_payment_id.77aa88bb99',
    ]);
    expect(byJob(events, 'model.commerce.stg_orders')).toMatchObject({
      source: 'dbt',
      outcome: 'success',
      environment: 'prod',
      runId: '5f0c3d7e-2b8a-4c61-9e3f-7a1d4b6c8e21',
      job: {
        namespace: 'dbt',
        name: 'model.commerce.stg_orders',
        dbtUniqueId: 'model.commerce.stg_orders',
        type: 'dbt/model',
      },
    });
    expect(
      byJob(events, 'test.commerce.not_null_fct_payments_payment_id.77aa88bb99')
        .outputs,
    ).toBeUndefined();
  });

  it('keeps the model error text and names the job after the node', () => {
    expect(byJob(events, MODEL)).toMatchObject({
      source: 'dbt',
      outcome: 'fail',
      environment: 'prod',
      job: {
        namespace: 'dbt',
        name: MODEL,
        dbtUniqueId: MODEL,
        type: 'dbt/model',
      },
      runId: '5f0c3d7e-2b8a-4c61-9e3f-7a1d4b6c8e21',
      eventTime: '2026-11-20T02:12:06.870Z',
      errorMessage: expect.stringMatching(
        /^Database Error in model fct_orders \(models\/marts\/fct_orders\.sql\)\n {2}column "discount_amount" does not exist/,
      ),
      outputs: [{ namespace: '', name: 'analytics.marts.fct_orders' }],
      signals: { durationSeconds: 1.87 },
      producer: 'dbt-core/1.8.7',
    });
  });

  it('turns a failed test into a quality check on the tested model, from the compiled SQL', () => {
    expect(byJob(events, UNIQUE)).toMatchObject({
      errorMessage:
        'Failure in test unique_dim_customers_customer_id: Got 14 results, configured to fail if != 0',
      outputs: [
        {
          name: 'analytics.marts.dim_customers',
          quality: [
            {
              name: 'unique_dim_customers_customer_id',
              success: false,
              kind: 'unique',
              column: 'customer_id',
              failures: 14,
            },
          ],
        },
      ],
    });
    expect(byJob(events, ACCEPTED).outputs![0].quality![0]).toMatchObject({
      kind: 'accepted_values',
      column: 'segment',
      failures: 3,
    });
    expect(byJob(events, RELATIONSHIPS).outputs![0]).toMatchObject({
      name: 'analytics.marts.fct_payments',
      quality: [{ kind: 'relationships', column: 'order_id', failures: 7 }],
    });
  });
});

describe('dbtAdapter: wrapper with manifest and sources', () => {
  const events = dbtAdapter.normalize(
    {
      run_results: fixture('dbt-run-results.json'),
      manifest: fixture('dbt-manifest.json'),
      sources: fixture('dbt-sources.json'),
      environment: 'staging',
    },
    ctx,
  );

  it('adds owners, contract enforcement and the compiled path from the manifest', () => {
    expect(byJob(events, MODEL)).toMatchObject({
      environment: 'staging',
      owners: ['commerce-data@acme.example'],
      job: {
        contractEnforced: true,
        codePath: 'target/compiled/commerce/models/marts/fct_orders.sql',
      },
    });
  });

  it('takes the tested model and its group owner for tests', () => {
    expect(byJob(events, UNIQUE)).toMatchObject({
      owners: ['customer-data@acme.example'],
      outputs: [
        {
          name: 'analytics.marts.dim_customers',
          quality: [{ column: 'customer_id' }],
        },
      ],
    });
    // depends_on lists both models; the tested one is named first in the test name.
    expect(byJob(events, RELATIONSHIPS)).toMatchObject({
      owners: ['payments-team', 'finance-data'],
      outputs: [
        {
          name: 'analytics.marts.fct_payments',
          quality: [{ column: 'order_id' }],
        },
      ],
    });
  });

  it('reports source freshness errors as source delays; warn is not a failure', () => {
    const orders = byJob(events, 'source.commerce.raw.orders');
    expect(orders).toMatchObject({
      job: {
        namespace: 'dbt',
        type: 'dbt/source',
        dbtUniqueId: 'source.commerce.raw.orders',
      },
      errorMessage:
        'Source freshness error: source.commerce.raw.orders max_loaded_at 2026-11-20T02:00:00Z is 26h old (error after 24h)',
      signals: { delaySeconds: 93600 },
      inputs: [{ name: 'raw.public.orders' }],
      owners: ['ingest-team'],
      eventTime: '2026-11-21T04:00:00+00:00',
      runId: 'c9d8e7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f',
    });
    expect(
      byJob(events, 'source.commerce.stripe.charges').errorMessage,
    ).toMatch(
      /^Source freshness runtime error: source\.commerce\.stripe\.charges: Database Error in source charges/,
    );
    expect(
      events.find(e => e.job.name === 'source.commerce.raw.customers'),
    ).toBeUndefined();
    expect(failures(events)).toHaveLength(6);
    // A fresh source is a success of its job: it resolves an earlier delay incident.
    expect(byJob(events, 'source.commerce.raw.payments')).toMatchObject({
      outcome: 'success',
      job: { type: 'dbt/source' },
    });
  });

  it('accepts sources.json on its own', () => {
    const alone = dbtAdapter.normalize(fixture('dbt-sources.json'), ctx);
    expect(failures(alone).map(e => e.job.name)).toEqual([
      'source.commerce.raw.orders',
      'source.commerce.stripe.charges',
    ]);
    expect(alone[0].environment).toBe('dev');
  });
});

describe('trimDbtPayload', () => {
  const wrapper = () => {
    const manifest = fixture('dbt-manifest.json');
    // What a real manifest has beside what is read: code, docs, macros, maps, other nodes.
    Object.assign(manifest.nodes[MODEL], {
      raw_code: 'select 1',
      description: 'Orders',
    });
    manifest.nodes['model.commerce.not_in_this_run'] = { name: 'other' };
    return {
      run_results: fixture('dbt-run-results.json'),
      manifest: {
        ...manifest,
        macros: { 'macro.x.big': { macro_sql: 'x'.repeat(10_000) } },
        child_map: { [MODEL]: [] },
      },
      sources: fixture('dbt-sources.json'),
      environment: 'staging',
    };
  };

  it('keeps what the adapter reads: the same events come out', () => {
    expect(dbtAdapter.normalize(trimDbtPayload(wrapper()), ctx)).toEqual(
      dbtAdapter.normalize(wrapper(), ctx),
    );
  });

  it("keeps only the results' nodes (and the models their tests check), with the fields read", () => {
    const trimmed = trimDbtPayload(wrapper()) as any;
    expect(Object.keys(trimmed.manifest).sort()).toEqual([
      'groups',
      'metadata',
      'nodes',
      'sources',
    ]);
    const kept = Object.keys(trimmed.manifest.nodes);
    expect(kept).toContain(MODEL);
    expect(kept).not.toContain('model.commerce.not_in_this_run');
    expect(trimmed.manifest.nodes[MODEL]).not.toHaveProperty('raw_code');
    expect(trimmed.manifest.nodes[MODEL]).not.toHaveProperty('description');
    expect(trimmed.manifest.nodes[MODEL].contract).toEqual(
      wrapper().manifest.nodes[MODEL].contract,
    );
  });

  it('passes a bare artifact through as it is', () => {
    const bare = fixture('dbt-run-results.json');
    expect(trimDbtPayload(bare)).toBe(bare);
  });
});

describe('dbtAdapter: malformed artifacts', () => {
  it('names the bad fields with the wrapper prefix', () => {
    const runResults = fixture('dbt-run-results.json');
    runResults.results[1].status = 3;
    runResults.results[3].failures = 'fourteen';
    delete runResults.results[4].unique_id;
    expect(rejectionOf({ run_results: runResults })).toEqual([
      { field: 'run_results.results[1].status', reason: 'expected a string' },
      { field: 'run_results.results[3].failures', reason: 'expected a number' },
      { field: 'run_results.results[4].unique_id', reason: 'required' },
    ]);
  });

  it('needs an artifact in the wrapper', () => {
    expect(rejectionOf({ manifest: fixture('dbt-manifest.json') })).toEqual([
      {
        field: 'run_results',
        reason: 'required: a dbt payload needs run_results (or sources)',
      },
    ]);
    expect(rejectionOf({ run_results: [] })).toEqual([
      { field: 'run_results', reason: 'expected an object' },
    ]);
  });

  it('yields only successes for a clean run, and nothing for nodes that did not run', () => {
    const clean = fixture('dbt-run-results.json');
    clean.results = clean.results.filter(
      (r: { status: string }) => r.status === 'success' || r.status === 'pass',
    );
    expect(
      dbtAdapter.normalize(clean, ctx).map(e => [e.job.name, e.outcome]),
    ).toEqual([
      ['model.commerce.stg_orders', 'success'],
      ['test.commerce.not_null_fct_payments_payment_id.77aa88bb99', 'success'],
    ]);
    clean.results = fixture('dbt-run-results.json').results.filter(
      (r: { status: string }) => r.status === 'skipped' || r.status === 'warn',
    );
    expect(dbtAdapter.normalize(clean, ctx)).toEqual([]);
  });
});

describe('dbt helpers', () => {
  it('derives the column from a generic test name', () => {
    expect(
      columnFromTestName(
        'not_null_fct_orders_order_id',
        'not_null',
        'fct_orders',
      ),
    ).toBe('order_id');
    expect(
      columnFromTestName(
        'accepted_values_dim_customers_segment__retail__wholesale',
        'accepted_values',
        'dim_customers',
      ),
    ).toBe('segment');
    expect(
      columnFromTestName('assert_positive_amounts', 'custom', 'fct_orders'),
    ).toBeUndefined();
    expect(
      columnFromTestName('unique_fct_orders_order_id', 'unique', undefined),
    ).toBeUndefined();
  });

  it('reads the tested relation from compiled SQL', () => {
    expect(
      relationFromSql('select 1 from "analytics"."marts"."fct_orders" where x'),
    ).toBe('analytics.marts.fct_orders');
    expect(relationFromSql('select * from `proj`.`ds`.`t`')).toBe('proj.ds.t');
    expect(relationFromSql('select 1 from child')).toBeUndefined();
    expect(relationFromSql(undefined)).toBeUndefined();
  });

  it('formats ages like a person would', () => {
    expect(formatAge(93600)).toBe('26h');
    expect(formatAge(5400)).toBe('1.5h');
    expect(formatAge(900)).toBe('15m');
    expect(formatAge(42)).toBe('42s');
  });
});
