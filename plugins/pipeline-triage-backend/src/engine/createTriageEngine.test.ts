import { failureEventSchema } from '@pipeline-triage/plugin-pipeline-triage-common';
import { createTriageEngine } from './createTriageEngine';

const event = (logExcerpt: string, extra: Record<string, unknown> = {}) =>
  failureEventSchema.parse({
    job: { name: 'orders_daily' },
    eventTime: '2024-05-08T03:12:47Z',
    logExcerpt,
    ...extra,
  });

describe('createTriageEngine', () => {
  const engine = createTriageEngine();

  it('triages an event end to end', () => {
    const { verdict, evidenceLines, causeChain } = engine.triage(
      event(
        [
          '[2024-02-20, 07:00:06 UTC] {taskinstance.py:1937} ERROR - Task failed with exception',
          'Traceback (most recent call last):',
          '  File "/usr/local/lib/python3.11/site-packages/airflow/sensors/base.py", line 274, in execute',
          '    raise AirflowSensorTimeout(message)',
          'airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; run duration of 3602.8 seconds exceeds the specified timeout of 3600.0.',
        ].join('\n'),
        {
          source: 'airflow',
          job: {
            name: 'feed.wait',
            airflowDagId: 'feed',
            airflowTaskId: 'wait',
          },
          attempt: 1,
          maxAttempts: 3,
        },
      ),
    );
    expect(verdict.classification.category).toBe('source_delay');
    expect(verdict.partialWrite.partialWrite).toBe('false');
    expect(verdict.retry.safeToRetry).toBe(true);
    expect(verdict.retry.wait).toBe('upstream');
    expect(verdict.summary).toMatch(
      /^Source delay: AirflowSensorTimeout: Sensor has timed out/,
    );
    expect(verdict.signature).toMatch(/^source_delay:[0-9a-f]{12}$/);
    expect(verdict.severity).toBe('normal');
    expect(causeChain[0]).toMatch(/AirflowSensorTimeout/);
    expect(evidenceLines.find(l => l.id === 'L5')?.kind).toBe('cause');
    expect(verdict.recommendation.diagnostics.length).toBeGreaterThan(0);
  });

  it('uses the context: idempotent jobs may retry after a partial write, runbooks pass through', () => {
    const log =
      'INFO Committed delta #12 to s3://lake/t/_delta_log\nrequests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://api.x/v1';
    expect(engine.triage(event(log)).verdict.retry.safeToRetry).toBe(false);
    const r = engine.triage(event(log), {
      idempotent: true,
      runbookUrl: 'https://runbooks/orders',
    });
    expect(r.verdict.retry.safeToRetry).toBe(true);
    expect(r.verdict.recommendation.runbookUrl).toBe('https://runbooks/orders');
  });

  it('takes user rule packs, validated', () => {
    const custom = createTriageEngine({
      userRulePacks: [
        {
          name: 'acme',
          rules: [
            {
              id: 'acme-vault',
              category: 'dependency_unavailable',
              patterns: ['Vault is sealed'],
              weight: 0.95,
            },
          ],
        },
      ],
    });
    expect(
      custom.triage(event('ERROR secret read failed: Vault is sealed')).verdict
        .classification.rules,
    ).toContain('acme-vault');
    expect(() =>
      createTriageEngine({
        userRulePacks: [
          {
            name: 'bad',
            rules: [
              {
                id: 'x',
                category: 'code_error',
                patterns: ['(?=(a+)+)b'],
                weight: 1,
              },
            ],
          },
        ],
      }),
    ).toThrow(/rule 'x' field 'patterns.0'/);
  });

  // Speed is a benchmark figure (npm run bench:classify), not a test: a loaded CI machine
  // makes any wall-clock bound flaky. What a test can hold is that repeated calls are pure.
  it('gives the same verdict on repeated calls (no state carried between events)', () => {
    const info = Array.from(
      { length: 60 },
      (_, i) =>
        `24/05/13 19:02:${String(i).padStart(
          2,
          '0',
        )} INFO TaskSetManager: Finished task ${i}.0 in stage 3.0`,
    );
    const e = event(
      [
        ...info,
        'org.apache.spark.SparkException: Job aborted due to stage failure: Task 1 in stage 3.0 failed 4 times, most recent failure: Lost task 1.3: java.lang.OutOfMemoryError: Java heap space',
        '\tat x.Y.z(Y.java:1)',
      ].join('\n'),
    );
    const first = engine.triage(e).verdict;
    engine.triage(
      event(
        'psycopg2.OperationalError: could not connect to server: Connection refused',
      ),
    );
    for (let i = 0; i < 20; i += 1)
      expect(engine.triage(e).verdict).toEqual(first);
    expect(first.classification.category).toBe('resource_exhaustion');
  });
});
