import type { VendorCodeTable } from './types';

const POLARS =
  'Polars Python API reference, Exceptions (docs.pola.rs/api/python/stable/reference/exceptions.html)';
const DUCKDB =
  'DuckDB Python API, exception classes (duckdb.org/docs/stable/clients/python/reference); DuckDB error types (duckdb.org/docs/stable/dev/internal_errors)';
const RAY =
  'Ray Core API, Exceptions (docs.ray.io/en/latest/ray-core/api/exceptions.html)';
const SQLMESH =
  'SQLMesh source, sqlmesh/utils/errors.py (github.com/SQLMesh/sqlmesh); SQLMesh docs, Audits (sqlmesh.readthedocs.io/en/stable/concepts/audits)';
const NESSIE =
  'Project Nessie javadoc, org.projectnessie.error (NessieConflictException, NessieReferenceConflictException, NessieNotFoundException); Nessie docs, "Commit conflicts" (projectnessie.org/guides/)';
const EMRS =
  'Amazon EMR Serverless User Guide, "Application capacity / maximumCapacity" and API reference, ApplicationMaxCapacityExceededException (docs.aws.amazon.com/emr/latest/EMR-Serverless-UserGuide/application-capacity.html)';

const BQSW =
  'BigQuery Storage Write API, Java client com.google.cloud.bigquery.storage.v1.Exceptions (cloud.google.com/java/docs/reference/google-cloud-bigquerystorage/latest/com.google.cloud.bigquery.storage.v1.Exceptions); BigQuery docs, "Storage Write API: error handling" (cloud.google.com/bigquery/docs/write-api#error_handling)';

/**
 * Exception families of newer data tools (system `exception`): DataFrame engines (Polars,
 * DuckDB), Ray, SQLMesh, the Nessie catalog and EMR Serverless' capacity error. Each tool
 * names its own failure classes; reading the class lets a message the engine has never seen
 * classify. Generic classes (Polars `ComputeError`, DuckDB `InvalidInputException`, Ray
 * `RayTaskError`) are left out on purpose: they wrap any cause.
 */
export const newerEngineExceptionTable: VendorCodeTable = {
  name: 'newer',
  system: 'exception',
  entries: [
    // --- Polars
    {
      key: 'polars-schema',
      prefix: 'polars.',
      suffix: 'SchemaError',
      category: 'schema_drift',
      weight: 0.8,
      description:
        'Polars SchemaError: the data does not match the schema a read or operation expects',
      source: POLARS,
    },
    {
      key: 'polars-field-not-found',
      codes: [
        'polars.exceptions.ColumnNotFoundError',
        'polars.exceptions.SchemaFieldNotFoundError',
        'polars.exceptions.StructFieldNotFoundError',
      ],
      category: 'schema_drift',
      weight: 0.6,
      description:
        'Polars could not find a column or struct field the query names (schema change, or a typo)',
      source: POLARS,
    },
    {
      key: 'polars-code',
      codes: [
        'polars.exceptions.ShapeError',
        'polars.exceptions.InvalidOperationError',
        'polars.exceptions.DuplicateError',
        'polars.exceptions.OutOfBoundsError',
        'polars.exceptions.SQLSyntaxError',
        'polars.exceptions.StringCacheMismatchError',
      ],
      category: 'code_error',
      weight: 0.6,
      description:
        'Polars rejected an operation the code asked for (shapes, duplicate names, SQL syntax, index out of bounds)',
      source: POLARS,
    },
    // --- DuckDB (Python prints duckdb.duckdb.XException or duckdb.XException)
    {
      key: 'duckdb-parser',
      prefix: 'duckdb.',
      suffix: 'ParserException',
      category: 'code_error',
      weight: 0.8,
      description: 'DuckDB Parser Error: the SQL does not parse',
      source: DUCKDB,
    },
    {
      key: 'duckdb-binder',
      prefix: 'duckdb.',
      suffix: 'BinderException',
      category: 'code_error',
      weight: 0.6,
      description:
        'DuckDB Binder Error: a name or type in the SQL does not resolve',
      source: DUCKDB,
    },
    {
      key: 'duckdb-data',
      prefix: 'duckdb.',
      suffix: 'ConversionException',
      category: 'data_quality',
      weight: 0.7,
      description: 'DuckDB Conversion Error: a value cannot be cast',
      source: DUCKDB,
    },
    {
      key: 'duckdb-constraint',
      prefix: 'duckdb.',
      suffix: 'ConstraintException',
      category: 'data_quality',
      weight: 0.75,
      description:
        'DuckDB Constraint Error: NOT NULL, PRIMARY KEY or CHECK violated',
      source: DUCKDB,
    },
    {
      key: 'duckdb-permission',
      prefix: 'duckdb.',
      suffix: 'PermissionException',
      category: 'permission',
      weight: 0.75,
      description: 'DuckDB Permission Error',
      source: DUCKDB,
    },
    // --- Ray
    {
      key: 'ray-store-full',
      codes: [
        'ray.exceptions.ObjectStoreFullError',
        'ray.exceptions.OutOfDiskError',
        'ObjectStoreFullError',
        'OutOfDiskError',
      ],
      category: 'resource_exhaustion',
      weight: 0.85,
      description:
        "Ray's object store is full (and, for OutOfDiskError, its spill disk too)",
      source: RAY,
    },
    {
      key: 'ray-node-lost',
      codes: [
        'ray.exceptions.NodeDiedError',
        'ray.exceptions.LocalRayletDiedError',
        'ray.exceptions.OwnerDiedError',
        'ray.exceptions.ObjectLostError',
        'ray.exceptions.ObjectReconstructionFailedError',
      ],
      category: 'infrastructure',
      weight: 0.65,
      description:
        'a Ray node, raylet or object owner died and its objects were lost',
      source: RAY,
    },
    {
      key: 'ray-unschedulable',
      codes: [
        'ray.exceptions.TaskUnschedulableError',
        'ray.exceptions.ActorUnschedulableError',
      ],
      category: 'infrastructure',
      weight: 0.6,
      description:
        'Ray could not place a task or actor on any node (resources or placement group)',
      source: RAY,
    },
    {
      key: 'ray-runtime-env',
      code: 'ray.exceptions.RuntimeEnvSetupError',
      category: 'config_error',
      weight: 0.8,
      description:
        "Ray could not build the job's runtime environment (pip, conda, working_dir)",
      source: RAY,
    },
    // --- SQLMesh
    {
      key: 'sqlmesh-audit',
      codes: [
        'sqlmesh.utils.errors.AuditError',
        'sqlmesh.utils.errors.NodeAuditsErrors',
      ],
      category: 'data_quality',
      weight: 0.85,
      description:
        "a SQLMesh audit (the model's data check) returned rows that violate it",
      source: SQLMESH,
    },
    {
      key: 'sqlmesh-config',
      code: 'sqlmesh.utils.errors.ConfigError',
      category: 'config_error',
      weight: 0.85,
      description: 'SQLMesh project or gateway configuration is invalid',
      source: SQLMESH,
    },
    // --- Project Nessie catalog: its conflicts are optimistic-concurrency rejections
    {
      key: 'nessie-conflict',
      prefix: 'org.projectnessie.error.Nessie',
      suffix: 'ConflictException',
      category: 'infrastructure',
      weight: 0.7,
      transient: true,
      description:
        'Nessie rejected a commit because the reference moved (a concurrent writer); nothing was committed',
      source: NESSIE,
    },
    {
      key: 'nessie-not-found',
      prefix: 'org.projectnessie.error.Nessie',
      suffix: 'NotFoundException',
      category: 'config_error',
      weight: 0.65,
      description: 'Nessie reference, content or namespace not found',
      source: NESSIE,
    },
    {
      key: 'nessie-forbidden',
      code: 'org.projectnessie.error.NessieForbiddenException',
      category: 'permission',
      weight: 0.8,
      description: 'Nessie authorization denied the operation',
      source: NESSIE,
    },
    // --- BigQuery Storage Write API (Java client's typed StorageException subclasses)
    {
      key: 'bq-storage-schema-mismatch',
      suffix: 'Exceptions$SchemaMismatchedException',
      category: 'schema_drift',
      weight: 0.85,
      description:
        'BigQuery Storage Write API: the rows carry fields or types the table schema does not have',
      source: BQSW,
    },
    {
      key: 'bq-storage-stream-finalized',
      suffix: 'Exceptions$StreamFinalizedException',
      category: 'code_error',
      weight: 0.6,
      description:
        'BigQuery Storage Write API: appends to a write stream that was already finalized',
      source: BQSW,
    },
    // --- EMR Serverless
    {
      key: 'emr-serverless-max-capacity',
      suffix: 'ApplicationMaxCapacityExceededException',
      category: 'resource_exhaustion',
      weight: 0.8,
      description:
        "an EMR Serverless application's maximumCapacity (vCPU, memory or disk) is used up, so no worker can be placed",
      source: EMRS,
    },
  ],
};

const STARROCKS =
  'StarRocks docs, "Error codes" and FAQ "Memory exceed limit" / "too many tablet versions" (docs.starrocks.io/docs/faq/loading/Loading_faq)';
const DORIS =
  'Apache Doris docs, "Error code" (doris.apache.org/docs/admin-manual/maint-monitor/doris-error-code): E-235 OLAP_ERR_TOO_MANY_VERSION, E-238 OLAP_ERR_TOO_MANY_SEGMENTS';

/**
 * StarRocks and Doris status codes (system `starrocks`). Both speak the MySQL protocol and send
 * most errors as MySQL 1064 whatever the cause; the status name (`errorCode MEM_LIMIT_EXCEEDED`)
 * or Doris' storage code (`err=-235`, `[E-235]`) names the real one.
 */
export const starrocksTable: VendorCodeTable = {
  name: 'starrocks',
  system: 'starrocks',
  entries: [
    {
      key: 'mem-limit',
      codes: ['MEM_LIMIT_EXCEEDED', 'MEM_ALLOC_FAILED'],
      category: 'resource_exhaustion',
      weight: 0.85,
      description:
        'StarRocks/Doris MEM_LIMIT_EXCEEDED: a query, load or process memory limit of a backend',
      source: `${STARROCKS}; ${DORIS}`,
    },
    {
      key: 'too-many-versions',
      codes: ['-235', 'E-235', '-238', 'E-238', 'TOO_MANY_VERSION'],
      category: 'small_file_pressure',
      weight: 0.85,
      description:
        'Doris/StarRocks tablet has too many versions or segments: loads are smaller and more frequent than compaction can merge',
      source: `${DORIS}; ${STARROCKS}`,
    },
  ],
};
