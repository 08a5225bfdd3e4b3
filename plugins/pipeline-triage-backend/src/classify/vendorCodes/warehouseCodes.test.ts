import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import { extractEvidence } from '../../evidence';
import { classify } from '../classify';
import { vendorCodeEntry } from '.';

const run = (logExcerpt: string) => classify(extractEvidence({ logExcerpt }));

/**
 * Messages no rule pattern knows (the prose is made up); only the vendor's code or class is
 * real. Each must classify from the code alone, as the vendor classifies it.
 */
const UNSEEN: Array<[Category, string]> = [
  // SQLSTATE, specific codes and classes
  [
    'data_quality',
    'ERROR: the zorblax row would overlap its twin (SQLSTATE 23505)',
  ],
  [
    'data_quality',
    'java.sql.SQLException: frobnication refused [SQLSTATE: 22P02]',
  ],
  ['data_quality', 'ERROR: quux exceeded its wibble (SQLSTATE 22ZZZ)'],
  [
    'permission',
    'ERROR: the gizmo may not look at the widget (SQLSTATE 42501)',
  ],
  ['schema_drift', 'ERROR: nobody here goes by "flux_level" (SQLSTATE 42703)'],
  ['code_error', 'ERROR: the spline does not reticulate (SQLSTATE 42883)'],
  ['code_error', 'ERROR: the grammar of this thing is off (SQLSTATE 42Q99)'],
  ['permission', 'FATAL: the doorman says no (SQLSTATE 28P01)'],
  ['config_error', 'FATAL: no ledger goes by "ledger_b" (SQLSTATE 3D000)'],
  ['config_error', 'ERROR: this replica only reads (SQLSTATE 25006)'],
  [
    'resource_exhaustion',
    'ERROR: the heap of the florp is spent (SQLSTATE 53200)',
  ],
  // Spark / Databricks error classes
  [
    'schema_drift',
    'org.apache.spark.sql.AnalysisException: [UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] something about `zz_top`',
  ],
  [
    'data_quality',
    'org.apache.spark.SparkNumberFormatException: [CAST_INVALID_INPUT] a quibble about the text',
  ],
  [
    'config_error',
    'org.apache.spark.sql.AnalysisException: [SCHEMA_NOT_FOUND] no hutch here',
  ],
  [
    'permission',
    'databricks.sql.exc.ServerOperationError: [INSUFFICIENT_PERMISSIONS] a quibble about the catalog',
  ],
  [
    'schema_drift',
    'com.databricks.sql.transaction.tahoe.DeltaAnalysisException: [DELTA_FAILED_TO_MERGE_FIELDS] a quibble about two fields',
  ],
  [
    'code_error',
    'org.apache.spark.sql.AnalysisException: [UNRESOLVED_ROUTINE] nothing answers to `blorp`',
  ],
  // Trino / Presto error names and types
  [
    'resource_exhaustion',
    'TrinoUserError(type=INSUFFICIENT_RESOURCES, name=EXCEEDED_LOCAL_MEMORY_LIMIT, message="the florp ate it all", query_id=1)',
  ],
  [
    'data_quality',
    "{'message': 'a quibble about a row', 'errorCode': 9, 'errorName': 'INVALID_CAST_ARGUMENT', 'errorType': 'USER_ERROR'}",
  ],
  [
    'schema_drift',
    'Query 20240101_000000_00001_abcde failed: HIVE_PARTITION_SCHEMA_MISMATCH: a quibble about partition types',
  ],
  [
    'resource_exhaustion',
    'HIVE_EXCEEDED_PARTITION_LIMIT: the flimflam asked for too many',
  ],
  [
    'data_quality',
    "trino.exceptions.TrinoUserError: TrinoUserError(type=USER_ERROR, name=CONSTRAINT_VIOLATION, message='a quibble')",
  ],
  [
    'resource_exhaustion',
    'TrinoUserError(type=USER_ERROR, name=QUERY_HAS_TOO_MANY_STAGES, message="the plan sprawls", query_id=1)',
  ],
  [
    'resource_exhaustion',
    "{'errorName': 'EXCEEDED_SCAN_LIMIT', 'errorType': 'INSUFFICIENT_RESOURCES', 'message': 'a quibble'}",
  ],
  [
    'config_error',
    'TrinoUserError(type=USER_ERROR, name=UNKNOWN_TRANSACTION, message="a quibble about an id", query_id=1)',
  ],
  // BigQuery and Google API reasons
  [
    'resource_exhaustion',
    "google.api_core.exceptions.Forbidden: 403 a quibble; reason: 'quotaExceeded'",
  ],
  [
    'config_error',
    'googleapi: Error 403: a quibble about money, billingNotEnabled',
  ],
  [
    'dependency_unavailable',
    '{"errors": [{"reason": "jobBackendError", "message": "a quibble"}]}',
  ],
  [
    'config_error',
    'google.api_core.exceptions.InternalServerError: 500 a quibble about money; reason: bytesBilledLimitExceeded',
  ],
  // AWS error codes
  [
    'resource_exhaustion',
    'An error occurred (ResourceNumberLimitExceededException) when calling the CreateFlorp operation: a quibble',
  ],
  [
    'config_error',
    'An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: a quibble',
  ],
  [
    'dependency_unavailable',
    'An error occurred (RequestThrottled) when calling the PutObject operation: a quibble',
  ],
  [
    'permission',
    'An error occurred (AllAccessDisabled) when calling the GetObject operation: a quibble',
  ],
  [
    'resource_exhaustion',
    'An error occurred (ServiceQuotaExceededException) when calling the CreateFlorp operation: a quibble',
  ],
  // Snowflake error numbers
  ['permission', '003001 (42501): a quibble about a role'],
  ['data_quality', '100038 (22018): a quibble about a field'],
  ['config_error', '000606 (57P03): a quibble about compute'],
  ['code_error', '002140 (42601): a quibble about a routine'],
  ['config_error', '090106 (22000): a quibble about the session'],
  ['config_error', '000608 (57P03): a quibble about the compute'],
  // Redshift's own error numbers, under the catch-all SQLSTATE XX000
  [
    'infrastructure',
    "{'S': 'ERROR', 'C': 'XX000', 'M': '1023', 'D': 'a quibble between two writers'}",
  ],
  [
    'infrastructure',
    '[Amazon](500310) Invalid operation: 1023 a quibble between two writers',
  ],
  [
    'resource_exhaustion',
    'ERROR: a quibble about room\n  code:      1016\n  context:   node: 3',
  ],
  // Redshift load error codes (the rows of STL_LOAD_ERRORS)
  [
    'data_quality',
    'COPY failed: a quibble\n  err_code=1213 err_reason=a quibble about a field',
  ],
  [
    'schema_drift',
    'COPY failed: a quibble\n  91 | a_col | int4 | 4 |     1202 | a quibble about the row',
  ],
];

describe('vendor code tables of warehouses, engines and clouds', () => {
  it.each(UNSEEN)(
    'classify an unseen message by its code as %s: %s',
    (category, log) => {
      const c = run(log);
      expect(c.category).toBe(category);
      expect(c.rules.some(r => r.startsWith('vendor-'))).toBe(true);
    },
  );

  it('let a specific code win over its class', () => {
    // 42703 is in class 42 (syntax or access rule), but the specific entry says schema drift.
    const c = run('ERROR: nobody here goes by "flux_level" (SQLSTATE 42703)');
    expect(c.rules).not.toContain('vendor-sqlstate-42xx');
  });

  it('mark the codes vendors document as transient, and only those', () => {
    expect(vendorCodeEntry('sqlstate', '08006')?.transient).toBe(true);
    expect(vendorCodeEntry('sqlstate', '40001')?.transient).toBe(true);
    expect(vendorCodeEntry('sqlstate', '40P01')?.transient).toBe(true);
    expect(vendorCodeEntry('aws', 'ThrottlingException')?.transient).toBe(true);
    expect(vendorCodeEntry('bigquery', 'backendError')?.transient).toBe(true);
    expect(vendorCodeEntry('sqlstate', '42501')?.transient).toBeUndefined();
    expect(
      vendorCodeEntry('bigquery', 'quotaExceeded')?.transient,
    ).toBeUndefined();
    expect(vendorCodeEntry('aws', 'AccessDenied')?.transient).toBeUndefined();
    expect(vendorCodeEntry('redshift', '1023')?.transient).toBe(true);
    expect(vendorCodeEntry('redshift', '1016')?.transient).toBeUndefined();
    expect(
      vendorCodeEntry('bigquery', 'bytesBilledLimitExceeded')?.transient,
    ).toBeUndefined();
    expect(vendorCodeEntry('snowflake', '000608')?.transient).toBeUndefined();
  });

  it("read a vendor's own number over the generic status it travels with", () => {
    // A job's own cost cap under an HTTP 500: the 500 is a symptom, not an outage.
    const capped = run(
      'google.api_core.exceptions.InternalServerError: 500 a quibble; reason: bytesBilledLimitExceeded',
    );
    expect(capped.category).toBe('config_error');
    // Snowflake reuses SQLSTATE 57P03 ("cannot connect now") for a suspended warehouse.
    const suspended = run('000608 (57P03): a quibble about the compute');
    expect(suspended.category).toBe('config_error');
    // Redshift's serialization failure arrives as SQLSTATE XX000 (internal error).
    const conflict = run(
      "{'S': 'ERROR', 'C': 'XX000', 'M': '1023', 'D': 'a quibble between two writers'}",
    );
    expect(conflict.category).toBe('infrastructure');
    expect(conflict.rules).toContain('vendor-redshift-1023');
  });
});
