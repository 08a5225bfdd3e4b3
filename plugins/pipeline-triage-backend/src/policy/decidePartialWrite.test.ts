import { extractEvidence } from '../evidence';
import { decidePartialWrite } from './decidePartialWrite';

const decide = (logExcerpt: string, signals?: Record<string, unknown>) =>
  decidePartialWrite({ signals }, extractEvidence({ logExcerpt, signals }));

describe('decidePartialWrite', () => {
  it('reads on-run-end hooks as a write unless no model passed', () => {
    // The hooks run after the models; a summary with no model passing wrote nothing.
    expect(
      decide(
        '07:30:13 | 3 of 3 ERROR creating sql table model analytics.fct ..... [ERROR]\nDatabase error while running on-run-end\nDone. PASS=0 WARN=0 ERROR=3 SKIP=0 TOTAL=3',
      ).partialWrite,
    ).not.toBe('true');
  });

  it('trusts signals first', () => {
    expect(decide('ERROR x', { commitsDuringRun: 2 }).partialWrite).toBe(
      'true',
    );
    expect(decide('ERROR x', { snapshotIds: ['123'] }).partialWrite).toBe(
      'true',
    );
    expect(decide('ERROR x', { partitionsWritten: 3 }).partialWrite).toBe(
      'true',
    );
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
    // Vendor reports of writes that had started before a later step failed
    '20/07/27 04:12:14 INFO SparkHadoopMapRedUtil: attempt_20200727041012_0009_m_000210_0: Committed',
    "INFO:  Load into table 'customers' completed, 100 record(s) loaded successfully.",
    'adbc_driver_manager.InternalError: INTERNAL: some files not loaded by COPY command, 901 files remain after 5 retries',
    '| s3://stage/f1.csv.gz | PARTIALLY_LOADED | 120 | 118 | 1 | 2 |',
    'Caused by: java.io.IOException: File already exists:/lake/t/2016/11/25/11337c2a_393_20170104223220.parquet',
    'INFO exec.Task: Partition db.events{dt=2026-01-01} stats: [numFiles=12, numRows=9001]',
    'INFO exec.Task: Loading data to table db.events partition (dt=2026-01-01)',
    '| number of rows inserted | 1200 |',
    // How engines log a commit in flight or a publish step (issue 17, data side)
    'INFO IcebergFilesCommitter: Committing append for checkpoint 19516 to table hive.ods.events branch main',
    'INFO HoodieHiveClient: Adding partitions 1 to table api_trade_ro',
    "INFO HoodieHiveClient: Executing SQL ALTER TABLE `ads`.`trade_ro` ADD IF NOT EXISTS PARTITION (`dt`='2021-01') LOCATION '/data/t/dt=2021-01'",
    'INFO Replica: Updating replica metadata: alter_partitions db.events (40112 partitions in one request)',
    'INFO DAGScheduler: Job 3 finished: insertInto at ClickAppend.scala:88, took 95.114 s',
    'java.io.FileNotFoundException: No such file or directory: /mnt/lake/t/_temporary/0/task_201604220006_0106_m_000000/part-r-00000.avro',
    'INFO FileOutputCommitter: Renamed hdfs://nn1/wh/t/_temporary/0/task_1_0003_m_000004/part-4.parquet to hdfs://nn1/wh/t/dt=2018-05-14/part-4.parquet',
    'INFO MirrorStats: read 11,402,551 objects (270k/min), copied 11,380,904, avg object size 4.1 KB',
    '{"num_affected_rows": 1822, "num_inserted_rows": 1822}',
    'INFO JobBookmarkUtils: Committing job bookmark for job orders_to_s3, run jr_4d1c',
    'INFO TopicPartitionWriter: Committed s3://sink/topics/orders/partition=3/orders+3+0000012000.avro for orders-3',
    'destination > INFO i.a.c.i.d.s.S3StorageOperations(uploadRecordsToBucket):131 Uploaded buffer file to storage: part_0007.jsonl.gz -> s3://raw/orders/2024_11_28_7.jsonl.gz',
  ])('sees committed output in "%s"', line => {
    expect(decide(`${line}\nERROR later failure`).partialWrite).toBe('true');
  });

  // Issue 17, partial-write evidence: how copy tools, ELT tools, clients and table formats
  // report output that had landed before a later failure.
  it.each([
    'upload: ../../var/backups/db/part-0001.tar.gz to s3://corp-backups/db/part-0001.tar.gz',
    'copy: s3://artifacts/el7/pkg-a.tar.gz to s3://artifacts-backup/daily/el7/pkg-a.tar.gz',
    'Operation completed over 5.9k objects/445.6 MiB.',
    'Number of Transfers Completed: 9228',
    'Number of Copy Transfers Completed: 93',
    '100.0 %, 120986 Done, 129 Failed, 0 Pending, 0 Skipped, 121115 Total',
    '2026/03/06 07:30:02 INFO  : Videos/a/b.nfo: Copied (new)',
    'Streaming Insert is 50.02501250625313% Complete\nStreaming Insert is 100.0% Complete',
    '[info     ] Incremental state has been updated at 2026-11-04 15:01:14.177829.',
    'INFO HoodieActiveTimeline: Marking instant complete [==>20260201081201__commit__INFLIGHT]',
    'ERROR HoodieTimelineArchiveLog: Failed to archive commits, .commit file: 20260201021259.commit.requested',
    'INFO WorkerSinkTask{id=sink-1} Committing offsets asynchronously using sequence number 2: {events-0=OffsetAndMetadata{offset=88123301}}',
    'ERROR WorkerSinkTask{id=sink-1} Commit of offsets threw an unexpected exception for sequence number 3: {events-0=OffsetAndMetadata{offset=1}}',
    'io.trino.spi.TrinoException: All operations other than the following update operations were completed: replace table parameters default.t',
    '"partialSuccess" : true,',
    'UPDATE 412',
    'INSERT: 1,204 rows',
    'Number of affected rows: 37',
    'Records: 500  Duplicates: 0  Warnings: 0',
    'time=2020-03-20 13:22:22 name=target_snowflake level=INFO message=Loading into test_pk."T3": {"inserts": 3, "updates": 0, "size_bytes": 57}',
    'INFO Completed write operation for 500 records to the database',
    'Message delivered to orders [3] @ offset 812',
    'dagster - DEBUG - etl - 9f1c - load_orders - HANDLED_OUTPUT - Handled output "result" using IO manager "io_manager"',
    "12:01:44.101 | INFO    | Task run 'load_to_warehouse-0' - Finished in state Completed()",
    '    "numOutputRows" : 1822',
    'INFO Wrote marker s3://lake/events/dt=2026-01-01/_SUCCESS',
    'INFO Moving data to directory hdfs://nn/warehouse/db.db/events/dt=2026-01-01',
    'INFO S3AFileSystem: Completed multipart upload of s3a://lake/out/part-0.parquet',
    'This statement inserted 1,200 rows into analytics.orders.',
    '37 rows updated',
    '12:00:41  2 of 5 OK created sql incremental model mart.fct_sessions ... [SCRIPT (1.2 GiB processed) in 41.02s]',
    'INFO - Marking task as SUCCESS. dag_id=shop_daily, task_id=load_orders, execution_date=20260101T000000',
    '2022-08-14T12:13:39Z [debug    ] {"bookmarks": {"groups": {"replication_key_value": "2022-07-14"}}} cmd_type=loader name=target-postgres (out) run_id=59ae stdio=stdout',
    'INFO producer: acked 1200 records to orders',
    // SQLMesh CLI: a model batch finished, or the batch stage completed
    '[2/7] finance.daily_revenue   [insert 2026-03-01 - 2026-03-02]   12.40s',
    '✔ Model batches executed',
  ])('sees output that had landed in "%s"', line => {
    expect(decide(`${line}\nERROR later failure`).partialWrite).toBe('true');
  });

  it('reads a SQLAlchemy COMMIT as a write only after a DML statement', () => {
    const dml = [
      'INFO sqlalchemy.engine.Engine INSERT INTO orders (id, qty) VALUES (%(id)s, %(qty)s)',
      'INFO sqlalchemy.engine.Engine COMMIT',
      'ERROR psycopg2.errors.UniqueViolation: duplicate key value',
    ].join('\n');
    expect(decide(dml).partialWrite).toBe('true');
    const readOnly = [
      'INFO sqlalchemy.engine.Engine SELECT id FROM orders',
      'INFO sqlalchemy.engine.Engine COMMIT',
      'ERROR later failure',
    ].join('\n');
    expect(decide(readOnly).partialWrite).not.toBe('true');
  });

  it.each([
    // Failures and empty counts are not writes.
    'upload failed: ../../var/backups/db/part-0003.tar.gz to s3://corp-backups/db/part-0003.tar.gz',
    'Number of Transfers Completed: 0',
    'Streaming Insert is 0.0% Complete',
    'ERROR WorkerSinkTask{id=sink-1} Commit of offsets failed due to exception while flushing:',
    '"numOutputRows" : -1',
    'time=2020-09-03 17:36:15 name=target_snowflake level=INFO message=Loading into DB."T": {"inserts": 0, "updates": 0, "size_bytes": 137}',
    // A move into Hive's staging directory is not a publish.
    'INFO Moving data to directory hdfs://nn/warehouse/db.db/t/.hive-staging_hive_2026-01-01_1/-ext-10000 from hdfs://nn/tmp/x',
    // "Committed in" counts only in an Iceberg log.
    'INFO Committed in 412 ms',
    '0 rows updated',
    'INFO - Marking task as SUCCESS. dag_id=shop_daily, task_id=extract_orders, execution_date=20260101T000000',
    // The tap's state on its own stdout is not the target's.
    '[debug    ] {"bookmarks": {}} cmd_type=extractor name=tap-postgres stdio=stdout',
  ])('does not read "%s" as a write', line => {
    expect(decide(`${line}\nERROR later failure`).partialWrite).not.toBe(
      'true',
    );
  });

  it('reads an attempt that committed nothing, or an upload never composed, as nothing written', () => {
    const airbyte = [
      'replication-orchestrator > sync summary: {',
      '  "recordsEmitted" : 24300000,',
      '  "recordsCommitted" : 0,',
      'ERROR Workload Heartbeat Error',
    ].join('\n');
    expect(decide(airbyte).partialWrite).toBe('false');
    // A stream that committed records wins over another that committed none.
    expect(
      decide(
        '"recordsCommitted" : 2304\n"recordsCommitted" : 0\nERROR destination failed',
      ).partialWrite,
    ).toBe('true');
    expect(
      decide(
        'PreconditionException: 412 Precondition Failed\nCommandException: Some temporary components were not uploaded successfully. Please retry this upload.',
      ).partialWrite,
    ).toBe('false');
  });

  it('reads a worker stopped before its command finished as nothing copied out', () => {
    const v = decide(
      'ERROR - Task t:NA:1 failed. The job was stopped before the command finished. PAPI error code 10.',
    );
    expect(v.partialWrite).toBe('false');
    expect(
      decide('export-runner: aborting run, 0 of 14 exports written')
        .partialWrite,
    ).toBe('false');
  });

  it('does not read committer staging, counters or metastore reads as writes when they are empty or reads', () => {
    // An attempt's in-progress directory is not committed task output.
    expect(
      decide(
        'java.io.FileNotFoundException: /wh/t/_temporary/0/_temporary/attempt_1_0003_m_000004_0/part-4.parquet\nERROR Job aborted.',
      ).partialWrite,
    ).not.toBe('true');
    expect(
      decide('INFO stats: copied 0, failed 12\nERROR aborting').partialWrite,
    ).not.toBe('true');
    expect(
      decide(
        'ERROR ThriftHiveMetastore.getPartitionNamesByFilter: Read timed out',
      ).partialWrite,
    ).not.toBe('true');
    // A commit the catalog rejected did not land; another writer's commit is not ours.
    expect(
      decide(
        'INFO SparkWrite: Committing overwrite by filter (ref(name="dt") == "2025-03-19") with 61 new data files to table glue.db.events\nsoftware.amazon.awssdk.services.glue.model.AccessDeniedException: Insufficient Lake Formation permission(s) on events',
      ).partialWrite,
    ).not.toBe('true');
    expect(
      decide(
        'INFO IcebergFilesCommitter: Committing append for checkpoint 7 to table db.t\nERROR TaskManager lost: heartbeat timed out',
      ).partialWrite,
    ).toBe('true');
    expect(
      decide(
        'io.delta.exceptions.ConcurrentAppendException: Files were added to the root of the table by a concurrent update.\nConflicting commit: {"operation":"WRITE","operationMetrics":{"numOutputRows":"1000","numFiles":"4"}}',
      ).partialWrite,
    ).not.toBe('true');
    // A job that read (collect) is not a write action.
    expect(
      decide(
        'INFO DAGScheduler: Job 4 finished: collect at Report.scala:12, took 3.2 s\nERROR boom',
      ).partialWrite,
    ).not.toBe('true');
  });

  it('does not count negated writes', () => {
    expect(
      decide(
        'destination > Destination closed without committing any records\nERROR sync failed',
      ).partialWrite,
    ).toBe('false');
  });

  it.each([
    [
      'connecting',
      'psycopg2.OperationalError: could not connect to server: Connection refused',
    ],
    ['authenticating', 'FATAL: password authentication failed for user "etl"'],
    [
      'waiting',
      'airflow.exceptions.AirflowSensorTimeout: Sensor has timed out',
    ],
    [
      'compiling',
      "002003 (42S02): SQL compilation error: Object 'RAW.ORDERS' does not exist or not authorized.",
    ],
    [
      'reading',
      'org.apache.hadoop.mapreduce.lib.input.InvalidInputException: Input path does not exist: s3://b/in/2024-05-07',
    ],
    [
      'parsing config',
      "airflow.exceptions.AirflowNotFoundException: The conn_id `pg` isn't defined",
    ],
    [
      'checking data',
      '12:00:01  Failure in test not_null_orders_id (models/schema.yml)',
    ],
  ])('places a failure while %s before any write', (_stage, line) => {
    expect(decide(line).partialWrite).toBe('false');
  });

  it.each([
    [
      'an AWS read call',
      'botocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling the GetRecords operation: Rate exceeded',
    ],
    [
      'an HTTP GET',
      '503 GET https://bigquery.googleapis.com/bigquery/v2/projects/p/jobs/j1: Visibility check was unavailable',
    ],
    [
      'a Spark job aborted before commit',
      'org.apache.spark.SparkException: Job aborted due to stage failure: Task 7 in stage 3.0 failed 4 times, most recent failure: ExecutorLostFailure',
    ],
    [
      'a read step announced last',
      'INFO extract.py: Querying ledger_entries for 2024-12-02\nERROR zombie task detected',
    ],
  ])('infers nothing was written from %s when no write shows', (_what, log) => {
    expect(decide(log).partialWrite).toBe('false');
  });

  it('treats AWS write calls and write requests as write activity', () => {
    expect(
      decide(
        'An error occurred (ServiceUnavailable) when calling the PutObject operation: Please try again',
      ).partialWrite,
    ).toBe('unknown');
    expect(
      decide(
        'INFO Writing batch 3\nERROR Job aborted due to stage failure: Task 1 failed',
      ).partialWrite,
    ).toBe('unknown');
  });

  it('does not infer "nothing written" from a failed read once the log shows writing', () => {
    const log = [
      'INFO Uploading part 3 of 8 to s3://out/x',
      'requests.exceptions.ConnectionError: Connection refused',
    ].join('\n');
    expect(decide(log).partialWrite).toBe('unknown');
  });

  it('says unknown when nothing shows either way', () => {
    const v = decide(
      'ERROR YarnScheduler: Lost executor 3 on host-1: Container from a bad node',
    );
    expect(v.partialWrite).toBe('unknown');
    expect(v.reason).toMatch(/Nothing in the event shows/);
  });

  it("places a Redshift or PostgreSQL driver's statement error at one rolled-back statement", () => {
    expect(
      decide(
        '[Amazon](500310) Invalid operation: 1023 \nDetails: Serializable isolation violation on table - 100167, transactions forming the cycle are: 55705701, 55705754 (pid:16606);',
      ).partialWrite,
    ).toBe('false');
    expect(
      decide('org.postgresql.util.PSQLException: ERROR: division by zero')
        .partialWrite,
    ).toBe('false');
  });

  it('reads a Flyway migration it could not roll back as applied', () => {
    const failed = [
      'Migrating schema `ops` to version "42 - add audit columns"',
      'ERROR: Migration of schema `ops` to version "42 - add audit columns" failed! Please restore backups and roll back database and code!',
    ].join('\n');
    expect(decide(failed).partialWrite).toBe('true');
    const rolledBack = [
      'Migrating schema `ops` to version "42 - add audit columns"',
      'ERROR: Migration of schema `ops` to version "42 - add audit columns" failed! Changes successfully rolled back.',
    ].join('\n');
    expect(decide(rolledBack).partialWrite).not.toBe('true');
  });

  it("counts a dbt run's passed models as written when a model failed", () => {
    const log = [
      'Database Error in model m (models/m.sql)\n  TrinoUserError(type=USER_ERROR, name=SCHEMA_NOT_FOUND, message="line 1:1: Schema \'x\' does not exist")',
      'Done. PASS=41 WARN=0 ERROR=1 SKIP=0 TOTAL=42',
    ].join('\n');
    expect(decide(log).partialWrite).not.toBe('true');
    expect(
      decide(log.replace('Database Error in model', 'Failure in model'))
        .partialWrite,
    ).toBe('true');
    // A test run's summary counts tests, not tables.
    expect(
      decide(
        'Failure in test not_null_orders_id (models/schema.yml)\nDone. PASS=41 WARN=0 ERROR=1 SKIP=0 TOTAL=42',
      ).partialWrite,
    ).not.toBe('true');
  });

  it('says nothing was written when the task or its cluster never started', () => {
    const queued = decide(
      "ERROR - Executor reports task instance <TaskInstance: billing.export scheduled__2024 [queued]> finished (failed) although the task says it's queued. (Info: None) Was the task killed externally?",
    );
    expect(queued.partialWrite).toBe('false');
    const launch = decide(
      "Cluster '1002-041533-k9x2vq1c' was terminated. Reason: AWS_INSUFFICIENT_INSTANCE_CAPACITY_FAILURE (CLOUD_FAILURE). Parameters: aws_api_error_code:InsufficientInstanceCapacity",
    );
    expect(launch.partialWrite).toBe('false');
  });

  it('places the failure at connecting from the stack when the message does not say', () => {
    const log = [
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3.11/site-packages/airflow/providers/postgres/hooks/postgres.py", line 175, in get_conn',
      '    self.conn = psycopg2.connect(**conn_args)',
      'psycopg2.OperationalError: FATAL:  the database system is in recovery mode',
    ].join('\n');
    expect(decide(log).partialWrite).toBe('false');
    // The same failure after the job had started inserting says nothing about those inserts.
    expect(
      decide(`INFO Inserting batch 3 into orders\n${log}`).partialWrite,
    ).toBe('unknown');
  });

  it('reads a read-only step or a SELECT as the phase the run failed in', () => {
    const dagster = [
      '2024-12-09 03:10:03 +0000 - dagster - DEBUG - finance_daily_job - 9a8b - 1 - extract_gl - STEP_START - Started execution of step "extract_gl".',
      '2024-12-09 03:21:40 +0000 - dagster - ERROR - finance_daily_job - 9a8b - RUN_FAILURE - Execution of run failed. Pod was terminated in response to imminent node shutdown.',
    ].join('\n');
    expect(decide(dagster).partialWrite).toBe('false');
    const loadStep = dagster.replace(/extract_gl/g, 'load_gl');
    expect(decide(loadStep).partialWrite).toBe('unknown');
    const select = [
      "INFO - Running statement: SELECT * FROM public.orders WHERE updated_at >= '2024-09-08', parameters: None",
      "INFO - Using connection ID 'orders_pg' for task execution.",
      'ERROR - Task received SIGTERM signal',
    ].join('\n');
    expect(decide(select).partialWrite).toBe('false');
  });

  it('counts a committed Spark write job as output written', () => {
    const v = decide(
      'INFO FileFormatWriter: Write Job 4c1e8d2a-77b3 committed. Elapsed time: 31022 ms.\nERROR Job aborted due to stage failure',
    );
    expect(v.partialWrite).toBe('true');
  });

  it('reads a dbt run summary with passes before the error as models already built', () => {
    const run = [
      '03:10:45  3 of 9 START sql incremental model marts.fct_orders ........ [RUN]',
      '03:25:47  Database Error in model fct_orders (models/marts/fct_orders.sql)',
      '  000625 (57014): Statement aborted because the number of waiters for this lock exceeds the 20 statements limit.',
      '03:25:47  Done. PASS=2 WARN=0 ERROR=1 SKIP=6 TOTAL=9',
    ].join('\n');
    expect(decide(run).partialWrite).toBe('true');
    // The same summary from `dbt test` counts passing tests, not built tables.
    const tests = run.replace(
      'START sql incremental model marts.fct_orders',
      'START test not_null_orders_id',
    );
    expect(decide(tests).partialWrite).not.toBe('true');
  });

  it('takes a second write started after a first as the first one finished', () => {
    const up = (n: number) =>
      `INFO - Uploading file /tmp/part-00${n}.csv to s3://exports/daily/2024-04-30/part-00${n}.csv`;
    const fail =
      'botocore.exceptions.ConnectionClosedError: Connection was closed before we received a valid response';
    expect(decide([up(1), up(2), fail].join('\n')).partialWrite).toBe('true');
    expect(decide([up(1), fail].join('\n')).partialWrite).toBe('unknown');
    // Writes announced after the failure say nothing about before it.
    expect(decide([fail, up(1), up(2)].join('\n')).partialWrite).not.toBe(
      'true',
    );
  });

  it('places a failed remote call before any write only when nothing in the log writes', () => {
    expect(
      decide(
        'requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: https://api.example.com/v2/orders?page=3',
      ).partialWrite,
    ).toBe('false');
    // A 504 on a bulk push may come after the server did the work.
    expect(
      decide(
        'requests.exceptions.HTTPError: 504 Server Error: Gateway Time-out for url: https://crm.example.com/api/v1/contacts/bulk',
      ).partialWrite,
    ).toBe('unknown');
    expect(
      decide(
        'INFO Pushing 25,000 contacts to CRM\nrequests.exceptions.HTTPError: 504 Server Error: Gateway Time-out for url: https://crm.example.com/api/v1/contacts',
      ).partialWrite,
    ).toBe('unknown');
  });

  it('counts committed records and failed write stages, and a failed start call as nothing run', () => {
    expect(
      decide(
        'destination > INFO Committed 14000 records for stream tickets\nsource > ERROR 502 Bad Gateway',
      ).partialWrite,
    ).toBe('true');
    const saveStage =
      'org.apache.spark.SparkException: Job aborted due to stage failure: ResultStage 7 (save at NativeMethodAccessorImpl.java:0) has failed the maximum allowable number of times: 4.';
    expect(decide(saveStage).partialWrite).toBe('unknown');
    expect(
      decide(
        'An error occurred (InternalServiceException) when calling the StartJobRun operation: Internal Service Exception',
      ).partialWrite,
    ).toBe('false');
  });
  it.each([
    // Spark JDBC save: a finished task of the save job committed its partition.
    '25/11/18 03:02:10 INFO DAGScheduler: Got job 6 (jdbc at Export.scala:57) with 24 output partitions\n25/11/18 03:04:31 INFO TaskSetManager: Finished task 2.0 in stage 9.0 (TID 201) in 140932 ms on host-8 (executor 3) (1/24)\norg.apache.spark.SparkException: Job aborted due to stage failure: Task 9 in stage 9.0 failed 4 times',
    // Airflow SQL-to-GCS: the next chunk means the previous one was uploaded.
    '{sql_to_gcs.py:180} INFO - Uploading chunk file #1 to GCS.\ngoogle.api_core.exceptions.Forbidden: 403 POST https://storage.googleapis.com/upload/storage/v1/b/x/o',
    '{gcs.py:520} INFO - File /tmp/tmpa81 uploaded to exports/file_0.csv in acme bucket\nrequests.exceptions.ConnectionError: Connection aborted.',
    '{s3_to_redshift.py:198} INFO - COPY command complete...\npsycopg2.errors.InsufficientPrivilege: permission denied for table audit',
    // BigQuery load statistics and Delta operation metrics of this run's write.
    'INFO job finished: state=DONE statistics={"load": {"outputRows": "18211", "badRecords": "2"}}\nLoadErrors: too many errors',
    'INFO operationMetrics={numTargetRowsInserted=805044, numOutputRows=816247}\njava.nio.file.AccessDeniedException: 403',
    // JDBC batch with statements that ran before the failing one.
    'com.databricks.jdbc.exception.DatabricksBatchUpdateException: NOT NULL constraint violated (update counts: [1, 1, -3])',
    // Snowflake COPY result tuples from the Python connector.
    "COPY result: [('orders_0.csv.gz', 'LOADED', 50000, 50000, 1, 0, None)]\nnet.snowflake.client.loader.Loader$DataError: 100038 (22018): Numeric value 'N/A' is not recognized",
  ])('reads loader and transfer reports of landed output: %s', log => {
    expect(decide(log).partialWrite).toBe('true');
  });

  it('does not read metrics of other transactions, rolled-back batches or a JDBC read as written', () => {
    // Delta's conflict errors quote the winning transaction's metrics.
    expect(
      decide(
        'io.delta.exceptions.ConcurrentAppendException: Files were added by a concurrent update. operationMetrics: {numOutputRows: 500}',
      ).partialWrite,
    ).not.toBe('true');
    // A batch the application rolled back left nothing.
    expect(
      decide(
        'java.sql.BatchUpdateException: duplicate key (update counts: [1, 1, -3])\nINFO transaction rolled back',
      ).partialWrite,
    ).not.toBe('true');
    // Finished tasks of a job that is not a JDBC save (a read and count).
    expect(
      decide(
        'INFO TaskSetManager: Finished task 2.0 in stage 1.0 (TID 3) in 120 ms on host (executor 1) (1/8)\norg.apache.spark.SparkException: Job aborted due to stage failure: Task 4 in stage 1.0 failed 4 times',
      ).partialWrite,
    ).not.toBe('true');
    // An aborted Snowflake COPY (ON_ERROR=ABORT_STATEMENT) and a failed BigQuery load.
    expect(
      decide(
        "snowflake.connector.errors.ProgrammingError: 100016 (22000): Found character '\\u0016' instead of record delimiter '\\n'\n  If you would like to continue loading when an error is encountered, use other values such as 'SKIP_FILE' or 'CONTINUE' for the ON_ERROR option.",
      ).partialWrite,
    ).not.toBe('true');
  });
  it('reads bulk results that count what was written before the failure', () => {
    expect(
      decide(
        'org.apache.spark.util.TaskCompletionListenerException: Could not write all entries [1/64320] (maybe ES was overloaded?). Bailing out...',
      ).partialWrite,
    ).toBe('true');
    // Every entry of the only bulk failed: nothing from this evidence.
    expect(
      decide(
        'org.apache.spark.util.TaskCompletionListenerException: Could not write all entries [50/50] (maybe ES was overloaded?). Bailing out...',
      ).partialWrite,
    ).not.toBe('true');
    expect(
      decide(
        "pymongo.errors.BulkWriteError: batch op errors occurred, full error: {'writeErrors': [{'index': 2113, 'code': 11000}], 'nInserted': 2113, 'nUpserted': 0}",
      ).partialWrite,
    ).toBe('true');
    expect(
      decide(
        "pymongo.errors.BulkWriteError: batch op errors occurred, full error: {'writeErrors': [{'index': 0, 'code': 11000}], 'nInserted': 0, 'nUpserted': 0}",
      ).partialWrite,
    ).not.toBe('true');
  });
  it.each([
    'INFO DataWritingSparkTask: Committed partition 3 (task 55, attempt 0, stage 4.0)\norg.apache.spark.SparkException: Job aborted due to stage failure',
    'INFO WriteToDataSourceV2Exec: Data source write support KafkaBatchWrite@5d1a committed.\nERROR later step failed',
    'INFO DAGScheduler: Got job 3 (insertInto at Daily.scala:40) with 8 output partitions\nINFO TaskSetManager: Finished task 1.0 in stage 5.0 (TID 9) in 812 ms on host (executor 2) (1/8)\nERROR Job aborted due to stage failure: Task 4 in stage 5.0 failed 4 times',
    'INFO producer: Produced event to topic purchases: key = u1 value = book\nKafkaException: Broker: Message size too large',
    'INFO Sent message=[order-812] with offset=[812]\norg.apache.kafka.common.errors.RecordTooLargeException: too large',
    "botocore response {'UnprocessedItems': {'orders': [{'PutRequest': {}}]}}\nProvisionedThroughputExceededException",
    "elasticsearch.helpers.errors.BulkIndexError: ('2 document(s) failed to index.', [])",
    '1200 rows created.\nERROR at line 1:\nORA-01653: unable to extend table',
    '*** Insert completed. 5 rows added.\n*** Failure 2801 Duplicate unique prime key error',
    'INFO mapreduce.ImportJobBase: Retrieved 1200 records.\nERROR tool.ImportTool: Import failed: hive exited with status 1',
    '{"dataRead": 1048576, "rowsCopied": 1200, "errors": [{"Code": 2200}]}',
    '1200 rows imported from 1 files in 3.2 seconds (0 skipped).\nFailed to import 40 rows: ParseError',
    "Load finished for table 'dbo'.'orders' (Id = 1). 1200 rows received.\nERROR Table 'dbo'.'lines' failed",
    '{"status": "success", "unique_id": "model.shop.orders"}\n{"status": "error", "unique_id": "model.shop.lines"}',
    'INFO Successfully called insertRows for channel:DB.SCH.T.ORDERS_0, buffer:StreamingBuffer{numOfRecords=500}\nERROR channel invalidated',
  ])('reads vendor result formats of output that landed: %s', log => {
    expect(decide(log).partialWrite).toBe('true');
  });

  it('does not read empty or aborted results of the same formats as written', () => {
    for (const log of [
      "botocore response {'UnprocessedItems': {}}\nValidationException: bad item",
      'INFO WriteToDataSourceV2Exec: Data source write support KafkaBatchWrite@5d1a is aborting.\nData source write support KafkaBatchWrite@5d1a aborted.',
      '0 rows created.\nORA-00001: unique constraint violated',
      '{"status": "success", "unique_id": "test.shop.not_null_orders_id"}',
    ]) {
      expect(decide(log).partialWrite).not.toBe('true');
    }
  });

  // Issue 17, third pass: acknowledgements of script statements, counters in each tool's
  // wording, and look-alikes that wrote nothing.
  it.each([
    'INSERT INTO t SELECT * FROM s WHERE id < 100\n\nQuery id: 1f\n\nOk.\n\nINSERT INTO t SELECT * FROM s WHERE id >= 100\nCode: 241. DB::Exception: Memory limit (total) exceeded',
    "  INSERT INTO sample_table (id, name) VALUES (1, 'a')\n  number of rows inserted: 1\n  INSERT INTO sample_table (id, email) VALUES (2, 'b')\nsnowflake.connector.errors.ProgrammingError: 000904 (42000): invalid identifier",
    '2020/11/28 07:00:31 SUCCESS 02-manifest (02-manifest.sql), ROWS AFFECTED: 1843211\n2020/11/28 07:00:38 FAILURE 03-events (03-events.sql), ERROR: googleapi: Error 400: Unrecognized name: x, invalidQuery',
    '[2025-01-19, 16:51:32 UTC] {sql.py:681} INFO - Loaded 1000 rows into orders so far\nMySQLdb.IntegrityError: (1062, "Duplicate entry")',
    '[12:41:25.940] [Batch# 750:Insert] {Product2} Processing... 785 records succeeded, 5 records failed.\nCommand failed',
    '[WARN] [Batch# REST:Insert] {Contact} Completed with issues. 4 records processed, 1 records failed.\nCommand failed',
    'INFO mapreduce.ExportJobBase: Beginning export of t\nINFO mapreduce.Job:  map 50% reduce 0%\nERROR tool.ExportTool: Error during export: Export job failed!',
    'ERROR writer: 1 of 1000 record(s) not persisted to t\nERROR job failed',
    '[2026-03-02 10:14:02,118] INFO [sink|task-0] Committing offsets asynchronously using sequence number 41: {events-0=OffsetAndMetadata{offset=88213}} (org.apache.kafka.connect.runtime.WorkerSinkTask:359)\nERROR Task threw an uncaught and unrecoverable exception',
    '[2017-01-01 10:00:00,000] INFO Finished commitOffsets successfully in 13 ms (org.apache.kafka.connect.runtime.WorkerSinkTask:440)\nERROR Task is being killed',
    'INFO:  UNLOAD completed, 1200 record(s) unloaded successfully.\nERROR: permission denied for table audit',
    'Table ORDERS:\n  1200 Rows successfully loaded.\n  40 Rows not loaded due to data errors.\nSQL*Loader-2: maximum error count exceeded',
    '[WARN ][logstash.outputs.elasticsearch] Could not index event to Elasticsearch. {:status=>400}\nmapper_parsing_exception',
    '{"FailedRecordCount": 1, "Records": [{"SequenceNumber": "49594189147623985939251953501666965394405037144469929986", "ShardId": "shardId-000000000000"}, {"ErrorCode": "ProvisionedThroughputExceededException"}]}\nERROR giving up',
  ])("reads a write acknowledged in the tool's wording: %s", log => {
    expect(decide(log).partialWrite).toBe('true');
  });

  it('does not read look-alikes that wrote nothing as written', () => {
    for (const log of [
      // a DML statement echoed but never acknowledged
      'INSERT INTO t SELECT * FROM s\nCode: 241. DB::Exception: Memory limit (total) exceeded',
      // acknowledged inside an explicit transaction that the failure rolls back
      'BEGIN\nINSERT INTO t VALUES (1)\nOk.\nINSERT INTO t VALUES (2)\nERROR: duplicate key value violates unique constraint',
      // an acknowledgement of a DDL statement after the DML
      'INSERT INTO t SELECT * FROM s\nCREATE TABLE u (id INT)\nOk.\nERROR: relation "v" does not exist',
      // pgjdbc: PostgreSQL runs the whole batch in one transaction
      'java.sql.BatchUpdateException: Batch entry 1 INSERT INTO t VALUES (2) was aborted: ERROR: duplicate key value violates unique constraint "t_pkey"  Call getNextException to see other errors in the batch., updateCounts: [1, -3]',
      // incremental models that merged nothing, then a failure
      '13:16:43  8 of 34 OK created sql incremental model a.snapshots ...... [MERGE (0.0 rows, 0 processed) in 6.55s]\n13:16:49  2 of 34 ERROR creating sql incremental model a.invocations [ERROR in 5.12s]\n13:16:50  Done. PASS=1 WARN=0 ERROR=1 SKIP=32 TOTAL=34',
      // every record of the total failed
      'ERROR writer: 1000 of 1000 record(s) not persisted to t',
      // insertAll without skipInvalidRows: the valid rows were stopped
      '{"insertErrors": [{"index": 3, "errors": [{"reason": "invalid"}]}, {"index": 0, "errors": [{"reason": "stopped"}]}]}',
    ]) {
      expect(decide(log).partialWrite).not.toBe('true');
    }
    expect(
      decide(
        '{"skipInvalidRows": true}\n{"insertErrors": [{"index": 3, "errors": [{"reason": "invalid"}]}]}\nERROR 1 row rejected',
      ).partialWrite,
    ).toBe('true');
  });
  // Issue 17 (pw4): bulk outcome counters, announcements that precede the work, and lines that
  // describe an earlier run or a move that failed.
  it('reads "N succeeded, M failed" bulk counts as written unless nothing succeeded', () => {
    expect(
      decide(
        'WARN es.Bulk - Tried bulk indexing 300 docs: 298 succeeded, 2 failed. Took 637 ms',
      ).partialWrite,
    ).toBe('true');
    expect(
      decide('WARN loader - batch 4: 0 succeeded, 50 failed').partialWrite,
    ).not.toBe('true');
  });

  it('counts a chunk announced before it is sent only when the next chunk was announced', () => {
    const failed =
      'pandas_gbq.gbq.GenericGBQException: Reason: badRequest, Message: Request payload size exceeds the limit';
    // one announcement: the only chunk was the one rejected
    expect(
      decide(`Streaming Insert is 100% Complete\n${failed}`).partialWrite,
    ).not.toBe('true');
    // a later announcement: the first chunk returned before the second was sent
    expect(
      decide(
        `Streaming Insert is 50.02% Complete\nStreaming Insert is 100.0% Complete\n${failed}`,
      ).partialWrite,
    ).toBe('true');
  });

  it("does not read Hive's move announcement as written when the MoveTask failed", () => {
    const moving =
      'INFO  : Loading data to table sales.daily partition (ds=2024-11-06) from hdfs://nn/tmp/.hive-staging_1/-ext-10000';
    expect(
      decide(
        `${moving}\nERROR : FAILED: Execution Error, return code 1 from org.apache.hadoop.hive.ql.exec.MoveTask. org.apache.hadoop.security.AccessControlException: Permission denied`,
      ).partialWrite,
    ).not.toBe('true');
    expect(
      decide(
        `${moving}\nINFO  : Partition sales.daily{ds=2024-11-06} stats: [numFiles=4, numRows=120]\nERROR : FAILED: Execution Error, return code 2 from org.apache.hadoop.hive.ql.exec.StatsTask`,
      ).partialWrite,
    ).toBe('true');
  });

  it("does not read a restarted stream's committed offsets as this run's writes", () => {
    expect(
      decide(
        'INFO MicroBatchExecution: Resuming at batch 1842 with committed offsets {KafkaV2[Subscribe[clicks]]: {"clicks":{"0":88123410}}} and available offsets {}\nERROR MicroBatchExecution: Query q terminated with error',
      ).partialWrite,
    ).not.toBe('true');
  });
  it('reads a table save as done once the next table save was announced', () => {
    const failed =
      'An error occurred while calling o6568.saveAsTable.\n: org.apache.spark.SparkException: Exception thrown in awaitResult:';
    expect(
      decide(`Loading to datamarts table\nLoading to reports table\n${failed}`)
        .partialWrite,
    ).toBe('true');
    expect(decide(`Loading to reports table\n${failed}`).partialWrite).not.toBe(
      'true',
    );
  });

  it("does not read a file left in a job's staging directory as published output", () => {
    const exists = (path: string) =>
      `Caused by: org.apache.hadoop.fs.FileAlreadyExistsException: ${path} for client 10.0.0.5 already exists\nERROR FileFormatWriter: Aborting job 6c3e.`;
    expect(
      decide(
        exists(
          '/wh/t1/.spark-staging-6c3e/part1=2/part-00000-6c3e.c000.snappy.parquet',
        ),
      ).partialWrite,
    ).not.toBe('true');
    expect(
      decide(exists('/wh/t1/part1=2/part-00000-6c3e.c000.snappy.parquet'))
        .partialWrite,
    ).toBe('true');
  });

  // pw5: families of fresh failures (worded unlike the corpus cases)
  describe('a maintenance step that failed after the write', () => {
    const wrote =
      '2025-02-01 03:00:02 INFO etl: loading into warehouse.fact_sales from s3://in/2025-02-01/';
    it.each([
      [
        'an ANALYZE refused by the database',
        'ERROR etl: ANALYZE warehouse.fact_sales failed: permission denied for table fact_sales',
      ],
      [
        'a Glue catalog sync',
        'ERROR etl: glue sync of warehouse.fact_sales failed: EntityNotFoundException: Database warehouse not found',
      ],
      [
        'dropping the staging table',
        'ERROR etl: Error dropping temp table warehouse.fact_sales_tmp: relation does not exist',
      ],
    ])('reads the load as done when %s fails', (_name, failure) => {
      const v = decide(`${wrote}\n${failure}`);
      expect(v.partialWrite).toBe('true');
      expect(v.reason).toContain('housekeeping');
    });

    it('reads an announced refresh step after an insert the same way', () => {
      expect(
        decide(
          'INFO job: inserting 12 files of results\nINFO job: Refreshing materialized views\nERROR job: relation "mv_daily" does not exist',
        ).partialWrite,
      ).toBe('true');
    });

    it('does not when the maintenance step is all the run did', () => {
      expect(
        decide(
          'INFO job: starting maintenance\npsycopg2.errors.ActiveSqlTransaction: VACUUM cannot run inside a transaction block',
        ).partialWrite,
      ).not.toBe('true');
    });

    it("does not read a conflicting compaction of another writer as this run's step", () => {
      expect(
        decide(
          'INFO OptimisticTransaction: Committing delta 40 ...\nio.delta.exceptions.ConcurrentAppendException: Files were added by a concurrent update.\nConflicting commit: {"operation":"OPTIMIZE"}',
        ).partialWrite,
      ).not.toBe('true');
    });
  });

  it.each([
    // migration tools summarise migrations only after committing them
    '[INFO] Successfully applied 3 migrations to schema "dw" (execution time 00:04.100s).',
    'INFO [liquibase.changelog] ChangeSet db/changelog/007.yaml::add-col::ops ran successfully in 41ms',
    '  Applying billing.0012_invoice_index... OK',
    // Delta OPTIMIZE returns its metrics after committing the compaction
    '|s3://lake/t |{numFilesAdded: 3, numFilesRemoved: 90, partitionsOptimized: 2}|',
  ])('reads finished units before a later step failed: %s', line => {
    expect(decide(`${line}\nERROR later step failed`).partialWrite).toBe(
      'true',
    );
  });

  it.each([
    'INFO sync: Imported 2,048 invoice records',
    'INFO job: 1,450 ledger rows have been upserted',
    'INFO export: Finished writing to gs://share/2025/06/',
  ])('reads qualified counts and finished write steps as written: %s', line => {
    expect(decide(`${line}\nERROR next step failed`).partialWrite).toBe('true');
  });

  it('does not read staged or spill files as written output', () => {
    expect(
      decide('INFO Uploaded 3 staged files\nERROR COPY failed').partialWrite,
    ).not.toBe('true');
    expect(
      decide('INFO Wrote 40 spill files\nERROR executor lost').partialWrite,
    ).not.toBe('true');
  });

  it('does not read the added-files figures of table history as this run', () => {
    expect(
      decide(
        'operationMetrics: {numAddedFiles -> 3, numRemovedFiles -> 90}\nERROR later step failed',
      ).partialWrite,
    ).not.toBe('true');
  });

  describe('numbered units', () => {
    it('reads a unit that succeeded in a numbered run as written', () => {
      expect(
        decide(
          '(1/3) replicating customers\nreplication succeeded\n(2/3) replicating orders\nERROR permission denied',
        ).partialWrite,
      ).toBe('true');
    });
    it('reads a write announced for unit 2 or later as an earlier unit written', () => {
      expect(
        decide('Copying object 7 of 9 to the archive\nERROR SlowDown')
          .partialWrite,
      ).toBe('true');
      expect(
        decide('Copying object 1 of 9 to the archive\nERROR SlowDown')
          .partialWrite,
      ).not.toBe('true');
    });
    it('counts a neutral numbered step only in a run that writes', () => {
      const step = 'Processing table 5/20 (crm.accounts)';
      expect(
        decide(`INFO saving output to the mart\n${step}\nERROR boom`)
          .partialWrite,
      ).toBe('true');
      expect(decide(`${step}\nERROR boom`).partialWrite).not.toBe('true');
    });
  });

  describe('batch outcomes that count their failures', () => {
    it('reads a bulk job that processed more records than failed as written', () => {
      expect(
        decide(
          '{"id":"750x","state":"JobComplete","numberRecordsProcessed":1200,"numberRecordsFailed":3}\nERROR 3 records failed',
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          '{"id":"750x","state":"JobComplete","numberRecordsProcessed":40,"numberRecordsFailed":40}\nERROR 40 records failed',
        ).partialWrite,
      ).not.toBe('true');
    });
    it('reads a cleanup of temp files after a load as housekeeping', () => {
      expect(
        decide(
          'INFO loader: writing 4 files to gs://out/day=7/\nINFO loader: cleaning up staging files\nERROR loader: 403 Forbidden on gs://tmp/x',
        ).partialWrite,
      ).toBe('true');
    });

    it('reads a failure count below the batch as the rest stored', () => {
      expect(
        decide(
          'PutEvents answered FailedEntryCount=2 Entries=10\nERROR 2 events not delivered',
        ).partialWrite,
      ).toBe('true');
    });
    it('does not when every record of the batch failed', () => {
      expect(
        decide(
          'PutRecordBatch answered FailedPutCount=10 RequestResponses=10\nERROR all records failed',
        ).partialWrite,
      ).not.toBe('true');
    });
  });

  describe('ingest APIs and connectors without a job-level commit (pw6)', () => {
    it("reads a Snowpipe history entry that inserted rows as written, whatever its neighbour's status", () => {
      expect(
        decide(
          '{"path":"a/b/part-7.json","rowsInserted":42,"rowsParsed":42,"status":"LOADED"}\n{"path":"a/b/part-8.json","rowsInserted":0,"status":"LOAD_FAILED","firstError":"bad row"}\nERROR pipe reported a failed file',
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          '{"path":"a/b/part-8.json","rowsInserted":0,"rowsParsed":9,"status":"LOAD_FAILED"}\nERROR pipe reported a failed file',
        ).partialWrite,
      ).not.toBe('true');
    });

    it('reads an acknowledged append on a committed write stream as written, not on a pending one', () => {
      expect(
        decide(
          'opened stream .../streams/Xyz type=COMMITTED\nappend_result { offset { value: 200 } }\nERROR 14 UNAVAILABLE: socket closed',
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          'opened stream .../streams/Xyz type=PENDING\nappend_result { offset { value: 200 } }\nERROR 14 UNAVAILABLE: socket closed',
        ).partialWrite,
      ).not.toBe('true');
    });

    it('reads finished tasks of a Cassandra connector save as rows stored', () => {
      expect(
        decide(
          'INFO TaskSetManager: Finished task 4.0 in stage 2.0 (TID 9) in 800 ms on h1 (1/6)\nWARN TaskSetManager: Lost task 0.0 in stage 2.0 (TID 7, h2): java.io.IOException: Failed to write statements to ks.events.',
        ).partialWrite,
      ).toBe('true');
    });

    it('reads an aborted Druid publish, stopped insertAll rows and an empty output counter as nothing kept', () => {
      expect(
        decide(
          'ERROR SeekableStreamIndexTaskRunner - Error while publishing segments\norg.apache.druid.java.util.common.ISE: Failed to publish segments because of [java.lang.RuntimeException: Aborting transaction!].',
        ).partialWrite,
      ).toBe('false');
      expect(
        decide(
          'insertErrors: [{index: 3, errors: [{reason: "invalid", message: "no such field"}]}, {index: 4, errors: [{reason: "stopped"}]}]\nERROR request rejected',
        ).partialWrite,
      ).toBe('false');
      expect(
        decide(
          'Job job_1_2 failed with state FAILED due to: Task failed\n\t\tFILE: Number of bytes written=88120\n\t\tHDFS: Number of bytes written=0',
        ).partialWrite,
      ).toBe('false');
    });
  });

  describe('pw7: units a framework or restore tool finished before a later one failed', () => {
    it('reads tasks Luigi ran in this run as written, not outputs it found already complete', () => {
      expect(
        decide(
          'Scheduled 6 tasks of which:\n* 4 ran successfully:\n    - 4 ExportPartition(...)\n* 2 failed:\n    - 2 ExportPartition(...)\nThis progress looks :( because there were failed tasks',
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          'INFO: [pid 90] Worker Worker(salt=1, workers=2, host=w1, username=etl, pid=90) done      BuildIndex(day=2023-01-02)\nERROR: [pid 91] Worker Worker(salt=1, workers=2, host=w1, username=etl, pid=91) failed    BuildIndex(day=2023-01-03)\nKeyError: shard',
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          'Scheduled 2 tasks of which:\n* 1 complete ones were encountered:\n    - 1 Extract(...)\n* 1 failed:\n    - 1 Publish(...)\nKeyError: shard',
        ).partialWrite,
      ).not.toBe('true');
    });

    it('reads a Kedro save to a persisted dataset as written only once a task completed after it', () => {
      expect(
        decide(
          "INFO Saving data to 'model_input' (CSVDataset)...\nINFO Completed 3 out of 7 tasks\nERROR Node score failed with error:\nKeyError: 'label'",
        ).partialWrite,
      ).toBe('true');
      // In memory only, or the save itself never returned.
      expect(
        decide(
          "INFO Saving data to 'model_input' (MemoryDataset)...\nINFO Completed 1 out of 7 tasks\nERROR Node score failed with error:\nKeyError: 'label'",
        ).partialWrite,
      ).not.toBe('true');
      expect(
        decide(
          "INFO Saving data to 'model_input' (ParquetDataset)...\nERROR DatasetError: Failed while saving data to dataset ParquetDataset(filepath=s3://b/k)",
        ).partialWrite,
      ).not.toBe('true');
    });

    it('reads a pg_restore that ignored errors as having restored the rest, unless it ran in one transaction', () => {
      expect(
        decide(
          'pg_restore: error: could not execute query: ERROR:  extension "postgis" already exists\npg_restore: warning: errors ignored on restore: 2',
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          'pg_restore: processing data for table "public.a"\npg_restore: processing data for table "public.b"\npg_restore: error: COPY failed for table "b": ERROR:  invalid input syntax for type integer',
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          '$ pg_restore --single-transaction -d app dump.bin\npg_restore: processing data for table "public.a"\npg_restore: processing data for table "public.b"\npg_restore: error: COPY failed for table "b": ERROR:  invalid input syntax for type integer',
        ).partialWrite,
      ).not.toBe('true');
    });

    it("reads Data Pump's imported-rows lines as written and its master table line as nothing", () => {
      expect(
        decide(
          '. . imported "HR"."EMPLOYEES"                      17.08 KB     107 rows\nORA-39083: Object type REF_CONSTRAINT failed to create with error:\nORA-02298: cannot validate - parent keys not found',
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          'Master table "SYS"."SYS_IMPORT_SCHEMA_01" successfully loaded/unloaded\nORA-39002: invalid operation\nORA-39070: Unable to open the log file.',
        ).partialWrite,
      ).not.toBe('true');
    });

    it('reads a ClickHouse INSERT error past the first block as written, not one inside it', () => {
      expect(
        decide(
          "clickhouse-client --query \"INSERT INTO logs FORMAT TSV\" < part.tsv\nCode: 27. DB::ParsingException: Cannot parse input: expected '\\t' before: 'x': (at row 2500001)",
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          "clickhouse-client --query \"INSERT INTO logs FORMAT TSV\" < part.tsv\nCode: 27. DB::ParsingException: Cannot parse input: expected '\\t' before: 'x': (at row 812)",
        ).partialWrite,
      ).not.toBe('true');
    });

    it('reads a failed XCom push after an upload as a failure after the write, and a staged PUT as nothing', () => {
      expect(
        decide(
          '[2022-01-01 00:00:01] {export.py:40} INFO - Uploading report.parquet to the bucket\n[2022-01-01 00:00:09] {xcom.py:237} ERROR - Could not serialize the XCom value into JSON.\nTypeError: Object of type Timestamp is not JSON serializable',
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          "PUT 'file:///data/out_1.csv' @ingest_stage;\n| out_1.csv | out_1.csv.gz | 120 | 64 | NONE | GZIP | UPLOADED | |\n000603 (XX000): SQL execution internal error: Processing aborted due to error 300005:411",
        ).partialWrite,
      ).not.toBe('true');
    });
  });

  describe('pw8: job-level progress of load tools', () => {
    it('reads a Beam BigQuery job logged DONE as written unless Beam reports that job failed', () => {
      expect(
        decide(
          "INFO:apache_beam.io.gcp.bigquery_tools:Job proj:US.beam_bq_job_COPY_nightly_COPY_STEP_4_aa_0 status: DONE\nINFO:apache_beam.io.gcp.bigquery_file_loads:Triggering copy job from <TableReference tableId: 'tmp_1'> to <TableReference tableId: 'orders'>\nRuntimeError: BigQuery job beam_bq_job_COPY_nightly_COPY_STEP_4_aa_1 failed. Error Result: <ErrorProto message: 'Access Denied' reason: 'accessDenied'>",
        ).partialWrite,
      ).toBe('true');
      // DONE is also the state of a failed job: the same id failing cancels it.
      expect(
        decide(
          "INFO:apache_beam.io.gcp.bigquery_tools:Job proj:US.beam_bq_job_LOAD_nightly_LOAD_STEP_2_bb_0 status: DONE\nRuntimeError: BigQuery job beam_bq_job_LOAD_nightly_LOAD_STEP_2_bb_0 failed. Error Result: <ErrorProto message: 'Provided Schema does not match Table' reason: 'invalid'>",
        ).partialWrite,
      ).not.toBe('true');
      // A load into a temporary table is not output until its copy job runs.
      expect(
        decide(
          "INFO:apache_beam.io.gcp.bigquery_tools:Job proj:US.beam_bq_job_LOAD_nightly_LOAD_STEP_2_bb_3 status: DONE\nINFO:apache_beam.io.gcp.bigquery_file_loads:Triggering copy job from <TableReference tableId: 'beam_bq_job_LOAD_nightly_LOAD_STEP_2_bb_3'> to <TableReference tableId: 'orders'>\nRuntimeError: BigQuery job beam_bq_job_COPY_nightly_COPY_STEP_5_cc_3 failed. Error Result: <ErrorProto message: 'Not found' reason: 'notFound'>",
        ).partialWrite,
      ).not.toBe('true');
    });

    it('reads a bq job waited to DONE as finished unless bq reports an error processing it', () => {
      expect(
        decide(
          "$ bq load --source_format=CSV mart.daily gs://b/day1.csv\nWaiting on bqjob_r3f1_0000018c ... (4s) Current status: DONE\n$ bq load --source_format=CSV mart.daily gs://b/day2.csv\nBigQuery error in load operation: Error processing job 'proj:bqjob_r77e_0000018d': Error while reading data, error message: CSV table encountered too many errors, giving up.",
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          "$ bq load --source_format=CSV mart.daily gs://b/day2.csv\nWaiting on bqjob_r77e_0000018d ... (2s) Current status: DONE\nBigQuery error in load operation: Error processing job 'proj:bqjob_r77e_0000018d': Error while reading data, error message: CSV table encountered too many errors, giving up.",
        ).partialWrite,
      ).not.toBe('true');
    });

    it('reads a positive numDmlAffectedRows as a finished DML statement, zero as nothing', () => {
      expect(
        decide(
          'child job 1/3 statementType=UPDATE numDmlAffectedRows=420\nERROR: Query error: Division by zero: 5 / 0 at [9:3]',
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          'child job 1/3 statementType=UPDATE numDmlAffectedRows=0\nERROR: Query error: Division by zero: 5 / 0 at [9:3]',
        ).partialWrite,
      ).not.toBe('true');
    });

    it("reads a Talend row component's finished DML as kept unless the connection was rolled back", () => {
      expect(
        decide(
          "tDBRow_2 - Execute the query: 'UPDATE dim_store SET active = 0 WHERE closed_on IS NOT NULL' has finished.\nException in component tDBOutput_1 (load_sales)\njava.sql.SQLException: Data truncation: Data too long for column 'city' at row 14",
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          "tDBRow_2 - Execute the query: 'UPDATE dim_store SET active = 0 WHERE closed_on IS NOT NULL' has finished.\ntDBRollback_1 - Rollback the transaction.\nException in component tDBOutput_1 (load_sales)\njava.sql.SQLException: Data truncation: Data too long for column 'city' at row 14",
        ).partialWrite,
      ).not.toBe('true');
      // A SELECT that finished wrote nothing.
      expect(
        decide(
          "tDBRow_2 - Execute the query: 'SELECT max(id) FROM dim_store' has finished.\nException in component tDBOutput_1 (load_sales)\njava.sql.SQLException: Data truncation: Data too long for column 'city' at row 14",
        ).partialWrite,
      ).not.toBe('true');
    });

    it('reads a failed Glue partition registration after the files were written as a write', () => {
      expect(
        decide(
          'INFO export: writing 88,000 rows to s3://lake/clicks/ as parquet\nbotocore.errorfactory.InternalServiceException: An error occurred (InternalServiceException) when calling the BatchCreatePartition operation: Internal service error',
        ).partialWrite,
      ).toBe('true');
      // Registering partitions with nothing written before it says nothing.
      expect(
        decide(
          'botocore.errorfactory.InternalServiceException: An error occurred (InternalServiceException) when calling the BatchCreatePartition operation: Internal service error',
        ).partialWrite,
      ).not.toBe('true');
    });

    it('reads a DatabaseConnector script stopped part-way as having run its first statements', () => {
      expect(
        decide(
          'Executing SQL: |==========          | 50%\nError executing SQL:\njava.sql.SQLException: ERROR: relation "scratch.cohort_tmp" does not exist',
        ).partialWrite,
      ).toBe('true');
      expect(
        decide(
          'Executing SQL: |                    |  0%\nError executing SQL:\njava.sql.SQLException: ERROR: relation "scratch.cohort_tmp" does not exist',
        ).partialWrite,
      ).not.toBe('true');
    });
  });
});
