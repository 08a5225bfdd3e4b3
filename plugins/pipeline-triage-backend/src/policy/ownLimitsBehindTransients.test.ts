import { verdictOfLog } from '../__testUtils__/verdictOfLog';
import { deterministicSignOf } from '../__testUtils__/deterministicSignOf';

/**
 * Round traps6: failures worded like capacity, a lost pod or a refused connection whose cause is
 * the job's own setting. Each sign is checked directly, and the verdict must not be "safe".
 */
const triage = (logExcerpt: string) =>
  verdictOfLog(logExcerpt, { signals: { rowsWritten: 0 } });
const sign = deterministicSignOf;

describe("failures caused by the job's own limits and settings", () => {
  it.each([
    [
      'a Glue job whose MaxConcurrentRuns is taken',
      'botocore.errorfactory.ConcurrentRunsExceededException: An error occurred (ConcurrentRunsExceededException) when calling the StartJobRun operation: Concurrent runs exceeded for nightly-rollup',
      /own concurrency limit/,
    ],
    [
      'a Databricks run skipped at max_concurrent_runs',
      'state_message: Skipping this run because the limit of 3 maximum concurrent runs has been reached.',
      /own concurrency limit/,
    ],
    [
      'a Kubernetes Job stopped at its own deadline',
      'Warning  DeadlineExceeded  job-controller  Job was active longer than specified deadline',
      /activeDeadlineSeconds/,
    ],
    [
      'a pod stopped at its activeDeadlineSeconds',
      'Status: Failed\nReason: DeadlineExceeded\nMessage: Pod was active on the node longer than the specified deadline',
      /activeDeadlineSeconds/,
    ],
    [
      'a Glue connection whose subnet has no S3 endpoint',
      'JobRunState FAILED: VPC S3 endpoint validation failed for SubnetId: subnet-0a1b. VPC: vpc-9c8d. Reason: Could not find S3 endpoint or NAT gateway for subnetId: subnet-0a1b in Vpc vpc-9c8d',
      /no route to S3/,
    ],
    [
      'libpq refused on localhost inside a worker container',
      'psycopg2.OperationalError: could not connect to server: Connection refused\n\tIs the server running on host "localhost" (127.0.0.1) and accepting\n\tTCP/IP connections on port 5432?',
      /loopback/,
    ],
    [
      'an HTTP client refused on 127.0.0.1',
      "requests.exceptions.ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=8081): Max retries exceeded with url: /subjects (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object>: Failed to establish a new connection: [Errno 111] Connection refused'))",
      /loopback/,
    ],
  ])('refuses a retry of %s', (_name, log, reason) => {
    expect(sign(log)).toMatch(reason);
    const v = triage(log);
    expect(v.retry.safeToRetry).toBe(false);
    expect(v.classification.category).toBe('config_error');
  });

  it('still retries a refused connection to a remote host', () => {
    const log =
      'org.postgresql.util.PSQLException: Connection to db-primary.internal:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.';
    expect(sign(log)).toBeUndefined();
  });

  it('still retries a refusal from a sidecar proxy on the loopback that may be starting', () => {
    const log =
      'INFO cloud-sql-proxy: Listening on 127.0.0.1:5432\nsqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused\nConnection to localhost:5432 refused.';
    expect(sign(log)).toBeUndefined();
  });

  it('does not read an MWAA log source in double braces as an unrendered template', () => {
    const log =
      '[2023-09-06, 18:11:51 UTC] {{taskinstance.py:1703}} ERROR - Task failed with exception\nbotocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling the RunJobFlow operation (reached max retries: 4): Rate exceeded';
    expect(sign(log)).toBeUndefined();
    expect(triage(log).retry.safeToRetry).toBe(true);
  });

  it('still refuses a path with an unrendered template', () => {
    expect(
      sign('FileNotFoundError: s3://lake/raw/{{ ds_nodash }}/part-0.parquet'),
    ).toMatch(/unrendered template/);
  });
});

describe('a status poll throttled after the run started', () => {
  const poll = (before: string) =>
    `${before}\nbotocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling the GetJobRun operation (reached max retries: 4): Rate exceeded`;

  it('refuses a retry that would start the job again', () => {
    const log = poll('INFO - Starting job "daily_counts"...');
    expect(sign(log)).toMatch(/status poll was throttled/);
    expect(triage(log).retry.safeToRetry).toBe(false);
  });

  it('leaves a throttled poll with no start in the log to the usual policy', () => {
    expect(sign(poll('INFO - Checking job state'))).toBeUndefined();
  });
});
