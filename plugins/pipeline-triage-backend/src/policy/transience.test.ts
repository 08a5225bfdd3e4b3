import { extractEvidence } from '../evidence';
import { nonTransientReason } from './transience';

const reason = (logExcerpt: string, exitCode?: number) =>
  nonTransientReason(
    extractEvidence({
      logExcerpt,
      signals: exitCode ? { exitCode } : undefined,
    }),
    'dependency_unavailable',
  );

describe('nonTransientReason', () => {
  it('leaves a plain transient failure alone', () => {
    expect(
      reason(
        'requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://api.example.com/x',
      ),
    ).toBeUndefined();
  });

  it('treats a restart strategy that gave up as a failure that persists', () => {
    const log = [
      'org.apache.flink.runtime.JobException: Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=12, backoffTimeMS=10000)',
      'Caused by: org.apache.kafka.common.errors.TimeoutException: Timeout of 60000ms expired before the position for partition payments-5 could be determined',
    ].join('\n');
    expect(reason(log)?.reason).toMatch(/restart strategy/);
  });

  it.each([
    [
      'java.io.IOException: File already exists:/warehouse/t/.spark-staging-1/dt=1/part-00212.c000.snappy.parquet',
      /already there/,
    ],
    [
      "pyspark.sql.utils.AnalysisException: u'path s3://b/out/d=2017-05-10 already exists.;'",
      /already there/,
    ],
    [
      'airflow.exceptions.AirflowException: The external DAG ingest_orders_v2 does not exist.',
      /does not exist/,
    ],
    [
      '17:53:39  ERROR STALE [0.4s] source raw.orders (last updated 8 days ago; error_after: 5 days)',
      /stopped rather than run late/,
    ],
    [
      'reason="Instance was preempted after reaching the maximum run duration of 24 hours for preemptible VMs"',
      /maximum run duration/,
    ],
    ['Reason: (128 vs. 128) limit hit.\nRetriable: False', /permanent/],
    // A 500 that carries the job's own cost cap is a setting, not an outage.
    [
      'google.api_core.exceptions.InternalServerError: 500 Query exceeded limit for bytes billed: 163595928. 164626432 or higher required.; reason: bytesBilledLimitExceeded',
      /cost cap/,
    ],
    // Snowflake reports a suspended warehouse with SQLSTATE 57P03 ("cannot connect now").
    [
      "snowflake.connector.errors.ProgrammingError: 000608 (57P03): Warehouse 'EXPORTS_WH' is suspended.",
      /suspended/,
    ],
  ])('finds a deterministic sign in "%s"', (log, why) => {
    expect(reason(log)?.reason).toMatch(why);
  });

  it('leaves a source that is hours late alone', () => {
    expect(
      reason(
        'ERROR STALE source raw.orders (last updated 7 hours ago; error_after: 6 hours)',
      ),
    ).toBeUndefined();
  });

  it('refuses a request the service rejected and a memory kill', () => {
    expect(
      reason(
        'requests.exceptions.HTTPError: 400 Client Error: Bad Request for url: https://api.example.com/x',
      )?.reason,
    ).toMatch(/HTTP 400/);
    expect(
      reason('Task exited with return code Negsignal.SIGKILL', 137)?.reason,
    ).toMatch(/137/);
  });
});
