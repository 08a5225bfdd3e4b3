import { verdictOfLog } from '../__testUtils__/verdictOfLog';

const sensorLog = (own: string, poked: string) =>
  [
    `[2025-03-04, 06:00:01 UTC] {taskinstance.py:1150} INFO - Executing <Task(ExternalTaskSensor): wait_for_billing> on ${own}`,
    `[2025-03-04, 06:00:02 UTC] {external_task.py:265} INFO - Poking for tasks ['export'] in dag billing on ${poked} ...`,
    '[2025-03-04, 09:00:03 UTC] {taskinstance.py:1937} ERROR - Task failed with exception',
    'airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; run duration of 10801.2 seconds exceeds the specified timeout of 10800.0.',
  ].join('\n');

describe('an ExternalTaskSensor that times out', () => {
  it('is not safe when it waits for another time of day than its own run, and says why', () => {
    const v = verdictOfLog(
      sensorLog('2025-03-03T06:00:00+00:00', '2025-03-02T05:30:00+00:00'),
    );
    expect(v.classification.category).toBe('source_delay');
    expect(v.retry.safeToRetry).toBe(false);
    expect(v.retry.reason).toMatch(
      /upstream run at 05:30, another time of day than its own run \(06:00\).*execution_delta/,
    );
  });

  it('stays a late upstream, safe once it lands, when it waits for its own time of day', () => {
    const v = verdictOfLog(
      sensorLog('2025-03-03T06:00:00+00:00', '2025-03-02T06:00:00+00:00'),
    );
    expect(v.retry.safeToRetry).toBe(true);
    expect(v.retry.wait).toBe('upstream');
  });
});

describe('a stale source', () => {
  const stale = [
    '09:12:01  2 of 3 ERROR STALE freshness of crm_legacy.accounts ........ [ERROR STALE in 1.9s]',
    '09:12:02  3 of 3 ERROR STALE freshness of crm_legacy.contacts ........ [ERROR STALE in 2.2s]',
  ];

  it('is not safe when the log says the source is retired', () => {
    const v = verdictOfLog(
      [
        ...stale,
        'note: the crm_legacy feed was decommissioned after the CRM migration',
      ].join('\n'),
    );
    expect(v.retry.safeToRetry).toBe(false);
    expect(v.retry.reason).toMatch(/source is retired/);
  });

  it('reads retirement words only beside a stale or waiting source', () => {
    const v = verdictOfLog(
      'ERROR: relation "crm_legacy.accounts" does not exist\nHINT: the crm_legacy schema was retired',
    );
    expect(v.retry.reason).not.toMatch(/source is retired/);
  });
});
