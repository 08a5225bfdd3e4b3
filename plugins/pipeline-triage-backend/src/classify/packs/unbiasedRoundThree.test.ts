import { verdictOfLog } from '../../__testUtils__/verdictOfLog';
import { extractEvidence } from '../../evidence';
import { decidePartialWrite } from '../../policy/decidePartialWrite';
import { nonTransientReason } from '../../policy/transience';
import { classify } from '../classify';

const categoryOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log })).category;

// No idempotency declared: the verdict as a plain sender gets it.
const triage = (log: string) =>
  verdictOfLog(log, { jobType: 'spark', context: {} });

/**
 * Families generalised from the misses of an unbiased sample of public reports (issue 17, third
 * random round); each message is worded unlike the corpus case that exposed it.
 */
describe('unbiased round three families', () => {
  it.each([
    [
      'java.lang.IllegalStateException: The slot in which the task was executed has been released. Probably loss of TaskManager a81c0e at tm-3.flink.svc/10.2.0.9:6122',
      'infrastructure',
    ],
    [
      "org.apache.kafka.connect.errors.ConnectException: Invalid metric name 'debezium.mysql:type=connector-metrics,context=streaming,server=db01:3306'",
      'config_error',
    ],
    [
      'org.apache.kafka.connect.runtime.rest.errors.BadRequestException: Connector configuration is invalid and contains the following 2 error(s):',
      'config_error',
    ],
    [
      'io.trino.spi.TrinoException: statement is too large (stack overflow while parsing)',
      'code_error',
    ],
    [
      'Query 20261201_101010_00001_abcde failed: Query text length (1200345) exceeds the maximum length (1000000)',
      'code_error',
    ],
    [
      'ERROR: (gcloud.dataproc.jobs.submit.spark) Job [9f0e1d2c3b4a] failed with error:\nTask not found',
      'infrastructure',
    ],
  ])('%s -> %s', (log, category) => {
    expect(categoryOf(log)).toBe(category);
  });

  it('names no transient cause for a lost TaskManager or a lost Dataproc driver task', () => {
    for (const log of [
      'java.lang.Exception: The slot in which the task was executed has been released. Probably loss of TaskManager 77aa at worker-2/10.0.0.2:6121',
      'WARNING: Job terminated, but output did not finish streaming.\nERROR: (gcloud.dataproc.jobs.submit.pyspark) Job [abc123] failed with error:\nTask not found',
    ]) {
      expect(triage(log).retry.safeToRetry).toBe(false);
    }
  });

  it("reads BigQuery's 400 for a job that failed internally as the job's failure, not a rejected request", () => {
    const internal = extractEvidence({
      logExcerpt:
        'google.api_core.exceptions.BadRequest: 400 GET https://bigquery.googleapis.com/bigquery/v2/projects/p/queries/j1?location=EU: The job encountered an internal error during execution and was unable to complete successfully.',
    });
    expect(
      nonTransientReason(internal, 'dependency_unavailable'),
    ).toBeUndefined();
    const rejected = extractEvidence({
      logExcerpt:
        'google.api_core.exceptions.BadRequest: 400 GET https://bigquery.googleapis.com/bigquery/v2/projects/p/queries/j2?location=EU: Syntax error: Unexpected keyword FROM at [3:1]',
    });
    expect(
      nonTransientReason(rejected, 'dependency_unavailable')?.reason,
    ).toMatch(/HTTP 400/);
  });

  it('counts a Hudi Flink instant committed earlier in the run as written output', () => {
    const log = [
      '2026-03-02 10:00:01,100 INFO  org.apache.hudi.sink.StreamWriteOperatorCoordinator [] - Commit instant [20260302095959123] success!',
      '2026-03-02 10:10:02,500 ERROR org.apache.hudi.sink.StreamWriteOperatorCoordinator [] - Executor executes action [commits the instant 20260302100959001] error',
    ].join('\n');
    expect(
      decidePartialWrite({}, extractEvidence({ logExcerpt: log })).partialWrite,
    ).toBe('true');
  });
});
