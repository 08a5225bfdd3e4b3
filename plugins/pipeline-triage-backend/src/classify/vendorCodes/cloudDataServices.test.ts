import { failureEventSchema } from '@pipeline-triage/plugin-pipeline-triage-common';
import { extractEvidence } from '../../evidence';
import { createTriageEngine } from '../../engine/createTriageEngine';
import { classify } from '../classify';
import { vendorCodeEntry } from '.';

const codesOf = (log: string) =>
  extractEvidence({ logExcerpt: log } as never).codes.map(
    c => `${c.system}:${c.code}`,
  );

const categoryOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log } as never)).category;

const engine = createTriageEngine();
const verdictOf = (log: string) =>
  engine.triage(
    failureEventSchema.parse({
      job: { name: 'lake.load' },
      eventTime: '2026-03-01T02:00:00Z',
      logExcerpt: log,
      attempt: 1,
      maxAttempts: 3,
      // Nothing written: only the retry class decides the verdict.
      signals: { rowsWritten: 0, commitsDuringRun: 0 },
    }),
  ).verdict;

// Messages written for these tests, in the vendors' formats but with wording the corpus does not
// hold: the code alone has to carry the verdict.
const SERVER_BUSY =
  'loader: put block failed: RESPONSE 503: 503 Ingress is over the account limit.\nERROR CODE: ServerBusy';
const ABFS_MISMATCH =
  'Operation failed: "This request is not authorized.", 403, PUT, https://acct.dfs.core.windows.net/fs/out/part-0?action=append, AuthorizationPermissionMismatch, "denied"';
const FS_NOT_FOUND =
  'ingest step 3: storage said <Code>FilesystemNotFound</Code> for https://acct.dfs.core.windows.net/bronze';
const SQL_40613 =
  "Microsoft.Data.SqlClient.SqlException: Database 'sales' on server 'srv' is not reachable right now. Error Number:40613,State:1,Class:17";
const SQL_40544 =
  'ErrorCode=SqlOperationFailed,Message=Insert stopped.,SqlErrorNumber=40544,Class=17,State=2';
const ENTRA_EXPIRED =
  'MsalUiRequiredException: AADSTS700082: The refresh token has expired due to inactivity.';
const ENTRA_UNKNOWN =
  'token request refused: AADSTS9999999: something the table does not list';
const DBX_SPOT =
  'Cluster 0412-010203-abcd was terminated. Termination reason: {"code": "SPOT_INSTANCE_TERMINATION", "type": "CLOUD_FAILURE"}';
const DBX_INIT =
  'Run failed: Cluster 0412-010203-abcd is in unexpected state Terminated: INIT_SCRIPT_FAILURE';
const DBX_UC =
  'databricks.sdk.errors: {"error_code":"PERMISSION_DENIED","message":"User lacks SELECT on table main.fin.ledger"}';
const DBX_UNAVAILABLE =
  'jobs/runs/submit answered 503: {"error_code":"TEMPORARILY_UNAVAILABLE","message":"The service is busy"}';
// Databricks' REQUEST_LIMIT_EXCEEDED is a rate limit, but the same name is Salesforce's daily API
// quota: the deterministic sign for a period quota keeps it a no.
const DBX_RATE =
  'jobs/runs/submit answered 429: {"error_code":"REQUEST_LIMIT_EXCEEDED","message":"Too many requests"}';
const DBX_QUOTA =
  'Run failed: Termination info: code: AZURE_QUOTA_EXCEEDED_EXCEPTION, type: CLIENT_ERROR';
const KMS_DISABLED =
  'botocore.exceptions.ClientError: An error occurred (KMS.DisabledException) when calling the GetObject operation: key is off';
const STS_IDP =
  'botocore.exceptions.ClientError: An error occurred (IDPCommunicationError) when calling the AssumeRoleWithWebIdentity operation: upstream gone';

describe('cloud data service codes', () => {
  it('reads the codes where Azure, Azure SQL and Databricks print them', () => {
    expect(codesOf(SERVER_BUSY)).toContain('azure:ServerBusy');
    expect(codesOf(ABFS_MISMATCH)).toContain(
      'azure:AuthorizationPermissionMismatch',
    );
    expect(codesOf(FS_NOT_FOUND)).toContain('azure:FilesystemNotFound');
    expect(codesOf(SQL_40613)).toContain('azuresql:40613');
    expect(codesOf(SQL_40544)).toContain('azuresql:40544');
    expect(
      codesOf(
        "pyodbc.Error: ('42000', '[42000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Busy. (49919) (SQLExecDirectW)')",
      ),
    ).toContain('azuresql:49919');
    expect(codesOf(ENTRA_EXPIRED)).toContain('azure:AADSTS700082');
    expect(codesOf(DBX_SPOT)).toContain('databricks:SPOT_INSTANCE_TERMINATION');
    expect(codesOf(DBX_INIT)).toContain('databricks:INIT_SCRIPT_FAILURE');
    expect(codesOf(DBX_UC)).toContain('databricks:PERMISSION_DENIED');
    // A negative number after ErrorCode= (ADF's HRESULT) is not a code.
    expect(codesOf(SQL_40544)).not.toContain('azure:-2146232060');
  });

  it.each([
    [SERVER_BUSY, 'dependency_unavailable'],
    [ABFS_MISMATCH, 'permission'],
    [FS_NOT_FOUND, 'config_error'],
    [SQL_40613, 'dependency_unavailable'],
    [SQL_40544, 'resource_exhaustion'],
    [ENTRA_EXPIRED, 'permission'],
    [ENTRA_UNKNOWN, 'permission'],
    [DBX_SPOT, 'infrastructure'],
    [DBX_INIT, 'config_error'],
    [DBX_UC, 'permission'],
    [DBX_QUOTA, 'resource_exhaustion'],
    [KMS_DISABLED, 'permission'],
  ])('classifies a message it has never seen by its code: %s', (log, cat) => {
    expect(categoryOf(log)).toBe(cat);
  });

  it('marks transient only the codes the vendor documents as retryable', () => {
    for (const [system, code] of [
      ['azure', 'ServerBusy'],
      ['azure', 'OperationTimedOut'],
      ['azuresql', '40501'],
      ['azuresql', '49918'],
      ['databricks', 'SPOT_INSTANCE_TERMINATION'],
      ['databricks', 'TEMPORARILY_UNAVAILABLE'],
      ['aws', 'KMS.ThrottlingException'],
      ['aws', 'IDPCommunicationError'],
    ])
      expect(vendorCodeEntry(system, code)?.transient).toBe(true);
    for (const [system, code] of [
      ['azure', 'AuthorizationPermissionMismatch'],
      ['azure', 'ContainerNotFound'],
      ['azure', 'PathNotFound'],
      ['azure', 'LeaseIdMissing'],
      ['azure', 'AADSTS7000222'],
      ['azuresql', '40544'],
      ['azuresql', '18456'],
      ['databricks', 'INVALID_ARGUMENT'],
      ['databricks', 'QUOTA_EXCEEDED'],
      ['databricks', 'CLOUD_PROVIDER_LAUNCH_FAILURE'],
      ['aws', 'KMS.DisabledException'],
    ])
      expect(vendorCodeEntry(system, code)?.transient).toBeFalsy();
  });

  it('says safe to retry on a vendor-declared transient code when nothing was written', () => {
    for (const log of [
      SERVER_BUSY,
      SQL_40613,
      DBX_SPOT,
      DBX_UNAVAILABLE,
      STS_IDP,
    ]) {
      const v = verdictOf(log);
      expect(v.retry.safeToRetry).toBe(true);
    }
    expect(verdictOf(SERVER_BUSY).retry.reason).toMatch(
      /declares transient|retryable/,
    );
  });

  it('never says safe for a code that fails the same way again', () => {
    for (const log of [
      ABFS_MISMATCH,
      FS_NOT_FOUND,
      SQL_40544,
      ENTRA_EXPIRED,
      ENTRA_UNKNOWN,
      DBX_INIT,
      DBX_UC,
      DBX_QUOTA,
      KMS_DISABLED,
      DBX_RATE,
    ])
      expect(verdictOf(log).retry.safeToRetry).toBe(false);
  });

  it('reads ARM OperationNotAllowed as a quota only when its message says so', () => {
    expect(
      categoryOf(
        'Could not launch cluster due to cloud provider failures. azure_error_code: OperationNotAllowed, azure_error_message: Operation could not be completed as it results in exceeding approved standardDSv3Family Cores quota.',
      ),
    ).toBe('resource_exhaustion');
    const generic = classify(
      extractEvidence({
        logExcerpt:
          'deploy step: azure_error_code: OperationNotAllowed, azure_error_message: The operation is not allowed on a stopped VM.',
      } as never),
    );
    expect(generic.rules).not.toContain(
      'vendor-azure-OperationNotAllowed-quota',
    );
  });

  it('reads an S3 SlowDown caused by the KMS request quota as a KMS rate, not small files', () => {
    const log =
      'com.amazonaws.services.s3.model.AmazonS3Exception: Please reduce your request rate for operations involving AWS KMS. (Service: Amazon S3; Status Code: 503; Error Code: SlowDown; Request ID: X1)';
    expect(categoryOf(log)).toBe('dependency_unavailable');
    expect(verdictOf(log).retry.safeToRetry).toBe(true);
  });
});
