import { createTriageEngine } from '../../engine';
import { extractEvidence } from '../../evidence';
import { findTransientCause } from '../../policy/transientCause';
import { classify } from '../classify';
import { vendorCodeEntry } from '../vendorCodes';

const verdictOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log }));
const categoryOf = (log: string) => verdictOf(log).category;

/**
 * Newer versions and less common engines (issue 17, set C): each message below is worded unlike
 * any corpus case and must classify by the tool's own error class or status code.
 */
describe('newer engines read by their own error classes', () => {
  it.each([
    // Polars exception classes
    [
      'polars.exceptions.SchemaError: data type mismatch for column amount: expected Int64, found String',
      'schema_drift',
    ],
    [
      'polars.exceptions.ShapeError: unable to append to a DataFrame of width 4 with a DataFrame of width 5',
      'code_error',
    ],
    // DuckDB exception classes
    [
      'duckdb.duckdb.ParserException: Parser Error: syntax error at or near "FORM"',
      'code_error',
    ],
    [
      'duckdb.duckdb.ConstraintException: Constraint Error: NOT NULL constraint failed: orders.customer_id',
      'data_quality',
    ],
    // Ray
    [
      'ray.exceptions.OutOfDiskError: Local disk is full. The object cannot be created because the local object store is full.',
      'resource_exhaustion',
    ],
    [
      'ray.exceptions.RuntimeEnvSetupError: Failed to set up runtime environment: pip install of torch==9.9 failed',
      'config_error',
    ],
    // SQLMesh
    [
      "sqlmesh.utils.errors.AuditError: Audit 'unique_values' for model 'sales.orders' failed.\nGot 12 results, expected 0.",
      'data_quality',
    ],
    // EMR Serverless capacity
    [
      'software.amazon.awssdk.services.emrserverless.model.ApplicationMaxCapacityExceededException: Worker could not be allocated as the application has exceeded maximumCapacity settings: [cpu: 400 vCPU]',
      'resource_exhaustion',
    ],
    // BigQuery Storage Write API
    [
      "com.google.cloud.bigquery.storage.v1.Exceptions$SchemaMismatchedException: INVALID_ARGUMENT: Input schema has more fields than BigQuery schema, extra fields: 'op'",
      'schema_drift',
    ],
    // StarRocks / Doris status codes under MySQL 1064
    [
      "pymysql.err.ProgrammingError: (1064, 'errorCode MEM_LIMIT_EXCEEDED query memory exceeded on backend 10.0.0.4')",
      'resource_exhaustion',
    ],
    [
      'stream load failed: tablet writer write failed, tablet_id=88120, err=-235',
      'small_file_pressure',
    ],
    // Airflow 3 Task SDK and execution API
    [
      "AirflowRuntimeError: VARIABLE_NOT_FOUND: {'key': 'warehouse_dsn'}",
      'config_error',
    ],
    [
      "airflow.sdk.api.client.ServerResponseError: Server returned error\ndetail={'detail': {'reason': 'invalid_state', 'previous_state': 'failed'}} status_code=409 PATCH http://api:8080/execution/task-instances/0199/run",
      'infrastructure',
    ],
    // settings, behaviour flags, replication slots, SSO sessions
    [
      "duckdb.duckdb.InvalidInputException: Invalid Input Error: setting 'allow_unsigned_extensions' can only be set during initialization",
      'config_error',
    ],
    [
      'Compilation Error in model stg_orders\n  The flag require_generic_test_arguments_property has not been registered.',
      'config_error',
    ],
    [
      'psycopg.errors.ConfigurationLimitExceeded: all replication slots are in use\nHINT: Free one or increase max_replication_slots.',
      'resource_exhaustion',
    ],
    [
      'botocore.exceptions.TokenRetrievalError: Error when retrieving token from sso: Token has expired and refresh failed',
      'permission',
    ],
  ])('%s', (log, category) => {
    expect(categoryOf(log)).toBe(category);
  });

  it('reads a MySQL 1064 as a syntax error unless the message names another cause', () => {
    expect(
      categoryOf(
        "ERROR 1064 (42000): You have an error in your SQL syntax; check the manual near 'FORM orders'",
      ),
    ).toBe('code_error');
    expect(
      categoryOf(
        'ERROR 1064 (HY000): Memory of process exceed limit. Used: 210 GB, Limit: 200 GB. Mem usage has exceed the limit of BE',
      ),
    ).toBe('resource_exhaustion');
  });

  it('marks a Nessie reference conflict transient and a commit of unknown state not', () => {
    const conflict = extractEvidence({
      logExcerpt:
        "Caused by: org.projectnessie.error.NessieReferenceConflictException: Key 'db.t' has conflicting put-operation from commit 'ab12'",
    });
    expect(
      findTransientCause(conflict, classify(conflict).category),
    ).toBeDefined();
    const unknown = extractEvidence({
      logExcerpt:
        'org.apache.iceberg.exceptions.CommitStateUnknownException: Service failed: 500: persistence timed out',
    });
    expect(findTransientCause(unknown, classify(unknown).category)).toBe(
      undefined,
    );
    expect(
      vendorCodeEntry(
        'exception',
        'org.projectnessie.error.NessieReferenceConflictException',
      )?.transient,
    ).toBe(true);
  });

  it('never makes a capacity, memory or version limit safe to retry, even on a later attempt', () => {
    for (const log of [
      'software.amazon.awssdk.services.emrserverless.model.ApplicationMaxCapacityExceededException: Worker could not be allocated',
      'Too many versions. tablet_id: 1, version_count: 1001, limit: 1000',
      'ray.exceptions.ObjectStoreFullError: Failed to put object in object store because it is full',
    ]) {
      const v = createTriageEngine().triage({
        source: 'generic',
        job: { namespace: 'x', name: 'j', type: 'spark' },
        runId: 'r',
        eventTime: '2026-01-01T00:00:00Z',
        logExcerpt: log,
        signals: { attempt: 2, maxAttempts: 3 },
      } as never).verdict;
      expect(['resource_exhaustion', 'small_file_pressure']).toContain(
        v.classification.category,
      );
      expect(v.retry.safeToRetry).toBe(false);
    }
  });
});

/**
 * Round engines6 (issue 17): families of Spark Connect session handles, Kafka's configuration
 * validation and Ray's wrapper of user exceptions, each worded unlike the corpus cases.
 */
describe('engines6 families', () => {
  it.each([
    // Spark Connect: the driver restarted under the session
    [
      'pyspark.errors.exceptions.connect.SparkConnectGrpcException: [INVALID_HANDLE.SESSION_CHANGED] The handle 0a1b2c3d is invalid. The existing Spark server driver instance has restarted. Please reconnect.',
      'infrastructure',
    ],
    // Kafka KafkaConfig.validateValues require(...) checks name the settings they test
    [
      'java.lang.IllegalArgumentException: requirement failed: The listeners config must only contain KRaft controller listeners from controller.listener.names when process.roles=controller',
      'config_error',
    ],
    [
      'java.lang.IllegalArgumentException: requirement failed: advertised.listeners cannot use the nonroutable meta-address 0.0.0.0. Use a routable IP address.',
      'config_error',
    ],
    // Ray: a Python program error raised by the job's own task or actor
    [
      "ray.exceptions.RayTaskError(KeyError): ray::score_partition() (pid=811, ip=10.1.2.3)\n  File \"/jobs/score.py\", line 40, in score_partition\n    weight = weights[row['segment']]\nKeyError: 'enterprise'",
      'code_error',
    ],
    [
      'ray.exceptions.RayTaskError(ZeroDivisionError): ray::Normalizer.__call__() (pid=90, ip=10.0.0.9)\nZeroDivisionError: division by zero',
      'code_error',
    ],
  ])('%s -> %s', (log, category) => {
    expect(categoryOf(log)).toBe(category);
  });

  it('leaves a Ray system failure to its own class, not the user-code family', () => {
    expect(
      categoryOf(
        'ray.exceptions.OutOfMemoryError: Task was killed due to the node running low on memory.\nMemory on the node (IP: 10.0.0.4, ID: 9f) where the task was running was 61.2GB / 64.0GB (0.956), which exceeds the memory usage threshold of 0.95.',
      ),
    ).not.toBe('code_error');
  });

  it('does not call a session closed by the server a driver restart', () => {
    const v = verdictOf(
      'SparkConnectGrpcException: [INVALID_HANDLE.SESSION_CLOSED] The handle 77aa is invalid. Session was closed. SQLSTATE: 08003',
    );
    expect(v.rules).not.toContain(
      'vendor-spark-INVALID_HANDLE.SESSION_CHANGED',
    );
  });
});
