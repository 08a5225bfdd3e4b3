import { verdictOfLog } from '../../__testUtils__/verdictOfLog';

// Freshness and sensor failures that no amount of waiting satisfies (thin6). Worded unlike the
// corpus cases: other projects, other tables, other versions.
describe('waits that can never be satisfied are not late data', () => {
  const freshnessRun = (...extra: string[]) =>
    [
      '06:12:01  Running with dbt=1.8.2',
      '06:12:04  3 of 12 START freshness of billing.fx_rates ........................ [RUN]',
      '06:12:05  3 of 12 ERROR STALE freshness of billing.fx_rates .................. [ERROR STALE in 0.61s]',
      ...extra,
      '06:12:09  Done.',
    ].join('\n');

  it('reads a stale table whose override is an empty freshness block as configuration', () => {
    const v = verdictOfLog(
      freshnessRun('-- sources.yml: tables: - name: fx_rates  freshness: {}'),
    );
    expect(v.classification.category).toBe('config_error');
    expect(v.retry.safeToRetry).toBe(false);
  });

  it.each([
    '"max_loaded_at_time_ago_in_s": 5184000.0',
    'max_loaded_at_time_ago_in_s=31536000',
    'Warned [    0.0s] source    billing.fx_rates (last updated 45 days ago)',
  ])('reads a source not loaded for weeks (%s) as retired, never safe', age => {
    const v = verdictOfLog(freshnessRun(age));
    expect(v.classification.category).toBe('config_error');
    expect(v.retry.safeToRetry).toBe(false);
  });

  it('keeps a source a few hours late as a delay that may be retried after a wait', () => {
    const v = verdictOfLog(
      freshnessRun('"max_loaded_at_time_ago_in_s": 93600.0'),
    );
    expect(v.classification.category).toBe('source_delay');
  });

  it('keeps "last updated 3 days ago" as a delay, not a retired source', () => {
    const v = verdictOfLog(
      freshnessRun('source billing.fx_rates (last updated 3 days ago)'),
    );
    expect(v.classification.category).toBe('source_delay');
  });

  it.each([
    'airflow.exceptions.AirflowException: The external DAG ledger_close_v2 does not exist.',
    'airflow.exceptions.AirflowException: The external task post_ledger in DAG ledger_close does not exist.',
  ])(
    'reads an external sensor whose target is not defined as configuration: %s',
    line => {
      const v = verdictOfLog(
        [
          'INFO - Executing <Task(ExternalTaskSensor): wait_for_ledger> on 2026-05-02 04:00:00+00:00',
          'INFO - Poking for tasks None in dag ledger_close_v2 on 2026-05-02T04:00:00+00:00 ...',
          line,
        ].join('\n'),
      );
      expect(v.classification.category).toBe('config_error');
      expect(v.retry.safeToRetry).toBe(false);
    },
  );
});
