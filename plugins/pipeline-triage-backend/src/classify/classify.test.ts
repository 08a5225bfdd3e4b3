import type {
  Category,
  RunSignals,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { extractEvidence } from '../evidence';
import { classify } from './classify';

const run = (logExcerpt: string, signals?: RunSignals) =>
  classify(extractEvidence({ logExcerpt, signals }));

// Short, representative failures per category, as the tools print them.
const CASES: Array<[Category, string, RunSignals?]> = [
  [
    'schema_drift',
    'org.apache.spark.sql.AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `customer_tier` cannot be resolved. Did you mean one of the following? [`customer_id`]',
  ],
  [
    'schema_drift',
    'net.snowflake.client.jdbc.SnowflakeSQLException: Number of columns in file (9) does not match that of the corresponding table (8), use file format option error_on_column_count_mismatch=false to ignore this error',
  ],
  [
    'data_quality',
    'psycopg2.errors.NotNullViolation: null value in column "customer_id" of relation "orders" violates not-null constraint',
  ],
  [
    'data_quality',
    '12:00:01  Failure in test unique_orders_order_id (models/schema.yml)\n12:00:01    Got 14 results, configured to fail if != 0',
  ],
  [
    'source_delay',
    'airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; run duration of 3600.2 seconds exceeds the specified timeout of 3600.0.',
  ],
  [
    'source_delay',
    'org.apache.spark.sql.AnalysisException: [PATH_NOT_FOUND] Path does not exist: s3://lake/raw/orders/dt=2024-05-07.',
  ],
  [
    'permission',
    'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::1:assumed-role/etl/x is not authorized to perform: s3:GetObject',
  ],
  [
    'permission',
    "003001 (42501): SQL access control error: Insufficient privileges to operate on schema 'FINANCE'",
  ],
  [
    'resource_exhaustion',
    '23/09/08 ERROR YarnScheduler: Lost executor 3 on host: Container killed by YARN for exceeding physical memory limits. 8.1 GB of 8 GB physical memory used.',
  ],
  ['resource_exhaustion', 'java.io.IOException: No space left on device'],
  [
    'data_skew',
    'org.apache.spark.shuffle.FetchFailedException: Adjusted frame length exceeds 2147483647: 3581209344 - discarded',
  ],
  [
    'small_file_pressure',
    'Caused by: com.amazonaws.services.s3.model.AmazonS3Exception: Slow Down (Service: Amazon S3; Status Code: 503; Error Code: 503 Slow Down)',
  ],
  [
    'dependency_unavailable',
    'requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://api.example.com/v1/export',
  ],
  [
    'dependency_unavailable',
    'psycopg2.OperationalError: could not connect to server: Connection refused\n\tIs the server running on host "db" and accepting TCP/IP connections on port 5432?',
  ],
  [
    'infrastructure',
    '24/07/30 ERROR YarnScheduler: Lost executor 23 on ip-10-1-4-8.ec2.internal: Container marked as failed: container_1_0021_01_000034 on host: ip-10-1-4-8.ec2.internal. Exit status: -100. Diagnostics: Container released on a *lost* node.',
  ],
  [
    'infrastructure',
    "[2024-08-19T02:48:12.004+0000] {scheduler_job_runner.py:1782} ERROR - Detected zombie job: {'DAG Id': 'pricing'}",
  ],
  [
    'code_error',
    "Traceback (most recent call last):\n  File \"/dags/x.py\", line 3, in f\n    total = a + b\nTypeError: unsupported operand type(s) for +: 'datetime.date' and 'int'",
  ],
  [
    'code_error',
    "Database Error\n  001003 (42000): SQL compilation error:\n  syntax error line 14 at position 8 unexpected 'order'.",
  ],
  [
    'config_error',
    "airflow.exceptions.AirflowNotFoundException: The conn_id `orders_replica` isn't defined",
  ],
  [
    'config_error',
    'org.apache.hadoop.fs.UnsupportedFileSystemException: No FileSystem for scheme "s3"',
  ],
  // Warehouse and query-engine wording without a code (sqlWarehouse pack).
  [
    'code_error',
    'java.sql.SQLException: Query failed (#20240227_011420_00118_h3q7d): line 3:29: Cannot apply operator: date = varchar(10)',
  ],
  [
    'config_error',
    "Query 20200316_171204_00321_m8k2q failed: Query over table 'sales.orders' can potentially read more than 100 partitions",
  ],
  [
    'config_error',
    "google.api_core.exceptions.BadRequest: 400 Cannot query over table 'shop.events' without a filter over column(s) 'event_date' that can be used for partition elimination",
  ],
  [
    'resource_exhaustion',
    'Database Error in model fct_sessions (models/fct_sessions.sql)\n  Operation timed out after 6.0 hours. Consider reducing the amount of work performed by your operation so that it can complete within this limit.',
  ],
  [
    'resource_exhaustion',
    'Query 20240503_221800_00000_cjwcx failed: Query exceeded the maximum execution time limit of 2.00h',
  ],
  [
    'infrastructure',
    'Database Error\n  1023\n  DETAIL:  Serializable isolation violation on table - 2384112, transactions forming the cycle are: 90117731, 90117802 (pid:31270)',
  ],
];

describe('classify', () => {
  it.each(CASES)('classifies %s: %s', (...row) => {
    // Rest parameters: jest reads a callback with more parameters than the row as async.
    const [category, log, signals] = row;
    const c = run(log, signals);
    expect(c.category).toBe(category);
    expect(c.confidence).toBeGreaterThanOrEqual(0.5);
    expect(c.evidence.length).toBeGreaterThan(0);
    expect(c.rules.length).toBeGreaterThan(0);
    expect(c.source).toBe('rules');
  });

  it('lets the root cause outvote its wrappers', () => {
    const c = run(
      [
        'py4j.protocol.Py4JJavaError: An error occurred while calling o214.execute.',
        ': org.apache.spark.sql.delta.schema.InvariantViolationException: NOT NULL constraint violated for column: birth_year.',
      ].join('\n'),
    );
    expect(c.category).toBe('data_quality');
    expect(c.evidence[0]).toBe('L2');
  });

  it('says unknown, below the confident range, when only generic words match', () => {
    const c = run(
      'ERROR Task failed with exception\nERROR Something went wrong in step 3',
    );
    expect(c.category).toBe('unknown');
    // The share of abstentions that were right, not a category's strength (calibrate.ts).
    expect(c.confidence).toBeLessThan(0.8);
    expect(c.hypotheses[0].reason).toMatch(/Nothing supports a category/);
  });

  it('keeps confidence middling when only generic wording supports the category', () => {
    const c = run('ERROR the export call timed out after 300s');
    expect(c.confidence).toBeLessThan(0.8);
  });

  it('reports high confidence only for a decisive signature', () => {
    expect(
      run('java.lang.OutOfMemoryError: Java heap space').confidence,
    ).toBeGreaterThanOrEqual(0.8);
    expect(run('ERROR memory limit reached somewhere').confidence).toBeLessThan(
      0.8,
    );
  });

  it('explains why runners-up lost', () => {
    const c = run(
      'Error in model orders: relation "staging.orders" does not exist\nrequests.exceptions.ConnectTimeout: timed out',
    );
    const losers = c.hypotheses.filter(h => h.category !== c.category);
    expect(losers.length).toBeGreaterThan(0);
    for (const h of losers) expect(h.reason).toMatch(/score/);
  });

  it('decides from signals: exit 137, skew, delay', () => {
    expect(
      run('Task exited with return code 1', { exitCode: 137 }).category,
    ).toBe('resource_exhaustion');
    expect(
      run('java.lang.OutOfMemoryError: Java heap space', {
        taskCount: 400,
        maxTaskDurationSeconds: 3600,
        medianTaskDurationSeconds: 60,
        maxTaskInputBytes: 40e9,
        medianTaskInputBytes: 1e8,
      }).category,
    ).toBe('data_skew');
    expect(run('ERROR run failed', { delaySeconds: 7200 }).category).toBe(
      'source_delay',
    );
  });

  it('does not call skew on few tasks or tiny inputs', () => {
    const c = run('ERROR failed', {
      taskCount: 4,
      maxTaskDurationSeconds: 600,
      medianTaskDurationSeconds: 10,
    });
    expect(c.category).not.toBe('data_skew');
  });

  it('lets a recent deploy raise code and config errors slightly, never create them', () => {
    const log = "TypeError: 'NoneType' object is not subscriptable";
    expect(run(log, { recentDeploy: true }).confidence).toBeGreaterThan(
      run(log).confidence,
    );
    expect(
      run('ERROR Something went wrong', { recentDeploy: true }).category,
    ).toBe('unknown');
  });

  it('scores evidence added by later stages through the same scoring', () => {
    const evidence = extractEvidence({ logExcerpt: 'ERROR load failed' });
    const c = classify(evidence, {
      extraEvidence: [
        {
          kind: 'contract_violation',
          category: 'schema_drift',
          text: 'column amount changed type from decimal to string',
          weight: 0.9,
        },
      ],
    });
    expect(c.category).toBe('schema_drift');
    expect(c.evidence).toEqual(['X1']);
    expect(c.rules).toEqual(['extra:contract_violation']);
  });

  it('fires a rule with `requires` only when another line supplies the context', () => {
    const bare = run('FileNotFoundError: [Errno 2] No such file');
    expect(bare.category).not.toBe('source_delay');
    const dated = run(
      'INFO - Downloading /outgoing/statements/STMT_ACME_20241201.csv\nFileNotFoundError: [Errno 2] No such file',
    );
    expect(dated.category).toBe('source_delay');
    expect(dated.rules).toContain('missing-after-dated-request');
  });

  it('is confident in a specific finding on the error itself, not in the same words on a context line', () => {
    const onError = run(
      'org.apache.kafka.common.errors.TimeoutException: Timeout of 60000ms expired before the position for partition clicks-1 could be determined',
    );
    expect(onError.category).toBe('dependency_unavailable');
    expect(onError.confidence).toBeGreaterThanOrEqual(0.8);
    const generic = run('ERROR the export call timed out after 300s');
    expect(generic.confidence).toBeLessThan(0.8);
    expect(generic.confidence).toBeLessThan(onError.confidence - 0.1);
  });
});
