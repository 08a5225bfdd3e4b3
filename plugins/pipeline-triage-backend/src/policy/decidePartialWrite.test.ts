import { extractEvidence } from '../evidence';
import { decidePartialWrite } from './decidePartialWrite';

const decide = (logExcerpt: string, signals?: Record<string, unknown>) =>
  decidePartialWrite({ signals }, extractEvidence({ logExcerpt, signals }));

describe('decidePartialWrite', () => {
  it('trusts signals first', () => {
    expect(decide('ERROR x', { commitsDuringRun: 2 }).partialWrite).toBe('true');
    expect(decide('ERROR x', { snapshotIds: ['123'] }).partialWrite).toBe('true');
    expect(decide('ERROR x', { partitionsWritten: 3 }).partialWrite).toBe('true');
    const v = decide('ERROR x', { rowsWritten: 10 });
    expect(v.reason).toContain('rowsWritten=10');
    expect(v.evidence).toEqual(['S1']);
    expect(decide('ERROR x', { rowsWritten: 0 }).partialWrite).toBe('false');
  });

  it.each([
    'INFO OptimisticTransaction: Committed delta #18822 to s3://lake/t/_delta_log',
    'INFO HoodieSparkSqlWriter: Commit 20240219083512 successful!',
    'INFO SnapshotProducer: Committed snapshot 8812734 (MergeAppend)',
    'INFO load.py: Wrote 15,204 rows to staging.orders',
    'INFO export.py: Uploaded s3://share/events/2024-01.csv.gz (2.1 GiB)',
    'INFO committer: renamed _temporary/part-0001 into place',
    '12:00:01  1 of 6 OK created sql table model shop.dim_customer .... [CREATE TABLE (1.2k rows) in 3.1s]',
    'INSERT 0 412',
    '02:41:58  Database error while running on-run-end',
  ])('sees committed output in "%s"', line => {
    expect(decide(`${line}\nERROR later failure`).partialWrite).toBe('true');
  });

  it('does not count negated writes', () => {
    expect(decide('destination > Destination closed without committing any records\nERROR sync failed').partialWrite).toBe('false');
  });

  it.each([
    ['connecting', 'psycopg2.OperationalError: could not connect to server: Connection refused'],
    ['authenticating', 'FATAL: password authentication failed for user "etl"'],
    ['waiting', 'airflow.exceptions.AirflowSensorTimeout: Sensor has timed out'],
    ['compiling', '002003 (42S02): SQL compilation error: Object \'RAW.ORDERS\' does not exist or not authorized.'],
    ['reading', 'org.apache.hadoop.mapreduce.lib.input.InvalidInputException: Input path does not exist: s3://b/in/2024-05-07'],
    ['parsing config', "airflow.exceptions.AirflowNotFoundException: The conn_id `pg` isn't defined"],
    ['checking data', '12:00:01  Failure in test not_null_orders_id (models/schema.yml)'],
  ])('places a failure while %s before any write', (_stage, line) => {
    expect(decide(line).partialWrite).toBe('false');
  });

  it.each([
    ['an AWS read call', 'botocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling the GetRecords operation: Rate exceeded'],
    ['an HTTP GET', '503 GET https://bigquery.googleapis.com/bigquery/v2/projects/p/jobs/j1: Visibility check was unavailable'],
    ['a Spark job aborted before commit', 'org.apache.spark.SparkException: Job aborted due to stage failure: Task 7 in stage 3.0 failed 4 times, most recent failure: ExecutorLostFailure'],
    ['a read step announced last', 'INFO extract.py: Querying ledger_entries for 2024-12-02\nERROR zombie task detected'],
  ])('infers nothing was written from %s when no write shows', (_what, log) => {
    expect(decide(log).partialWrite).toBe('false');
  });

  it('treats AWS write calls and write requests as write activity', () => {
    expect(decide('An error occurred (ServiceUnavailable) when calling the PutObject operation: Please try again').partialWrite).toBe('unknown');
    expect(decide('INFO Writing batch 3\nERROR Job aborted due to stage failure: Task 1 failed').partialWrite).toBe('unknown');
  });

  it('does not infer "nothing written" from a failed read once the log shows writing', () => {
    const log = ['INFO Uploading part 3 of 8 to s3://out/x', 'requests.exceptions.ConnectionError: Connection refused'].join('\n');
    expect(decide(log).partialWrite).toBe('unknown');
  });

  it('says unknown when nothing shows either way', () => {
    const v = decide('ERROR YarnScheduler: Lost executor 3 on host-1: Container from a bad node');
    expect(v.partialWrite).toBe('unknown');
    expect(v.reason).toMatch(/Nothing in the event shows/);
  });
});
