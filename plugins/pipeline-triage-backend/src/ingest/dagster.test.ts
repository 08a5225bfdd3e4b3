import { dagsterAdapter } from './dagster';
import { fixture, problemsOf, testContext as ctx } from './__testUtils__';

const sample = () => fixture('dagster-failure.json');

describe('dagsterAdapter', () => {
  it('normalizes a run failure', () => {
    const [event] = dagsterAdapter.normalize(sample(), ctx);
    expect(event).toMatchObject({
      source: 'dagster',
      outcome: 'fail',
      environment: 'prod',
      job: {
        namespace: 'dagster',
        name: 'orders_daily_job',
        dagsterJob: 'orders_daily_job',
      },
      runId: 'a3f1c9e2-5b7d-4c8e-9a1f-2e6d8b4c7a05',
      parentRunId: '5e0b7a91-2c4d-4f6e-8a1b-3c5d7e9f0a12',
      batchId: '2026-11-19',
      attempt: 2,
      maxAttempts: 3,
      eventTime: '2026-11-20T02:05:12.877Z',
      signals: { failedTasks: 1, durationSeconds: 312.877 },
      links: [
        {
          kind: 'dagster_run',
          url: 'https://dagster.acme.example/runs/a3f1c9e2-5b7d-4c8e-9a1f-2e6d8b4c7a05',
        },
      ],
    });
    expect(event.errorMessage).toBe(
      'dagster._core.errors.DagsterExecutionStepExecutionError: Error occurred while executing op "load_orders":',
    );
  });

  it('renders the cause chain as a Python traceback, root cause first', () => {
    const [event] = dagsterAdapter.normalize(sample(), ctx);
    const trace = event.stackTrace!;
    const root = trace.indexOf(
      'psycopg2.errors.UndefinedColumn: column "discount_amount"',
    );
    const link = trace.indexOf(
      'The above exception was the direct cause of the following exception:',
    );
    const outer = trace.indexOf(
      'DagsterExecutionStepExecutionError: Error occurred',
    );
    expect(
      trace.startsWith(
        'Traceback (most recent call last):\n  File "/opt/dagster/app/commerce/ops/orders.py", line 58',
      ),
    ).toBe(true);
    expect(root).toBeGreaterThan(0);
    expect(link).toBeGreaterThan(root);
    expect(outer).toBeGreaterThan(link);
  });

  it('marks implicit chaining and headers several failed steps', () => {
    const payload = sample();
    const inner = {
      cls_name: 'TimeoutError',
      message: 'read timed out',
      stack: [],
    };
    payload.step_failures[0].error.cause = null;
    payload.step_failures[0].error.context = inner;
    payload.step_failures.push({
      step_key: 'publish',
      error: {
        cls_name: 'ValueError',
        message: 'bad row 17',
        stack: [],
        cause: null,
      },
    });
    const [event] = dagsterAdapter.normalize(payload, ctx);
    expect(event.stackTrace).toContain(
      'TimeoutError: read timed out\n\nDuring handling of the above exception, another exception occurred:',
    );
    expect(event.stackTrace).toMatch(/^Step load_orders failed:\n/);
    expect(event.stackTrace).toContain(
      '\n\nStep publish failed:\nValueError: bad row 17',
    );
    expect(event.signals?.failedTasks).toBe(2);
  });

  it('maps SUCCESS and CANCELED', () => {
    expect(
      dagsterAdapter.normalize(
        { ...sample(), status: 'SUCCESS', step_failures: [] },
        ctx,
      )[0],
    ).toMatchObject({
      outcome: 'success',
    });
    expect(
      dagsterAdapter.normalize({ ...sample(), status: 'CANCELED' }, ctx)[0]
        .outcome,
    ).toBe('abort');
  });

  it('names malformed fields, deep in the chain too', () => {
    const payload = sample();
    payload.step_failures[0].error.cause.stack = 'not a list';
    payload.tags['dagster/retry_number'] = 'two';
    payload.status = 'STARTED';
    expect(problemsOf(() => dagsterAdapter.normalize(payload, ctx))).toEqual([
      {
        field: 'status',
        reason:
          'status STARTED is not a run outcome; expected FAILURE, SUCCESS or CANCELED',
      },
      {
        field: 'step_failures[0].error.cause.stack',
        reason: 'expected an array',
      },
      {
        field: 'tags.dagster/retry_number',
        reason: 'expected a whole number',
      },
    ]);
  });
});
