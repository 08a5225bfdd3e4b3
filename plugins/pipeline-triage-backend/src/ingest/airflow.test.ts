import { airflowAdapter } from './airflow';
import { fixture, problemsOf, testContext as ctx } from './__testUtils__';

const sample = () => fixture('airflow-up-for-retry.json');
const rejectionOf = (payload: unknown) =>
  problemsOf(() => airflowAdapter.normalize(payload, ctx));

describe('airflowAdapter', () => {
  it('normalizes a failed attempt that Airflow will retry', () => {
    const [event] = airflowAdapter.normalize(sample(), ctx);
    expect(event).toMatchObject({
      source: 'airflow',
      outcome: 'fail',
      environment: 'prod',
      job: {
        namespace: 'airflow',
        name: 'orders_daily.load_orders_to_bq',
        airflowDagId: 'orders_daily',
        airflowTaskId: 'load_orders_to_bq',
        type: 'airflow/BigQueryInsertJobOperator',
      },
      runId: 'scheduled__2026-11-19T02:00:00+00:00',
      batchId: '2026-11-19T02:00:00+00:00',
      attempt: 1,
      maxAttempts: 3,
      eventTime: '2026-11-20T02:05:47.120034+00:00',
      signals: { durationSeconds: 155.637119 },
      links: [
        {
          kind: 'airflow_task_instance',
          url: expect.stringMatching(
            /^https:\/\/airflow\.acme\.example\/dags\/orders_daily/,
          ),
        },
      ],
    });
    expect(event.errorMessage).toMatch(
      /^google\.api_core\.exceptions\.BadRequest: 400 Error while reading data/,
    );
    expect(event.stackTrace).toMatch(/^Traceback \(most recent call last\):/);
    expect(event.logExcerpt).toContain('Marking task as UP_FOR_RETRY');
  });

  it('maps failed and success states', () => {
    expect(
      airflowAdapter.normalize({ ...sample(), state: 'failed' }, ctx)[0]
        .outcome,
    ).toBe('fail');
    const [ok] = airflowAdapter.normalize(
      {
        ...sample(),
        state: 'success',
        exception: null,
        exception_type: null,
        traceback: null,
      },
      ctx,
    );
    expect(ok.outcome).toBe('success');
    expect(ok.errorMessage).toBeUndefined();
  });

  it('does not repeat the exception type when the message already starts with it', () => {
    const [event] = airflowAdapter.normalize(
      {
        ...sample(),
        exception_type: 'KeyError',
        exception: "KeyError: 'order_id'",
      },
      ctx,
    );
    expect(event.errorMessage).toBe("KeyError: 'order_id'");
  });

  it('accepts the minimum: dag, task, state and a time', () => {
    const [event] = airflowAdapter.normalize(
      {
        source: 'airflow',
        dag_id: 'd',
        task_id: 't',
        state: 'failed',
        logical_date: '2026-11-19 02:00:00',
      },
      ctx,
    );
    expect(event).toEqual({
      source: 'airflow',
      outcome: 'fail',
      environment: 'dev',
      job: {
        namespace: 'airflow',
        name: 'd.t',
        type: 'airflow/task',
        airflowDagId: 'd',
        airflowTaskId: 't',
      },
      batchId: '2026-11-19T02:00:00Z',
      eventTime: '2026-11-19T02:00:00Z',
    });
  });

  it('names every malformed field', () => {
    expect(
      rejectionOf({
        source: 'airflow',
        dag_id: 'orders_daily',
        state: 'queued',
        try_number: '1',
        max_tries: -1,
        end_date: 'soon',
        log_url: 'not a url',
        duration: 'long',
      }),
    ).toEqual([
      { field: 'task_id', reason: 'required' },
      {
        field: 'state',
        reason:
          'state queued is not a run outcome; expected failed, up_for_retry or success',
      },
      { field: 'try_number', reason: 'expected a number' },
      { field: 'max_tries', reason: 'expected an integer >= 0' },
      { field: 'end_date', reason: 'expected an ISO 8601 date-time' },
      { field: 'end_date', reason: 'required (or start_date, logical_date)' },
      { field: 'log_url', reason: 'expected a URL' },
      { field: 'duration', reason: 'expected a number' },
    ]);
  });
});
