import { OPERATIONAL_DB_CODE_PATTERNS } from './operationalDbCodePatterns';
import type { VendorCodePattern } from './types';

/** Where vendor codes sit in a line, for the systems the vendor-code tables read. */
export type { VendorCodePattern } from './types';

export const VENDOR_CODE_PATTERNS: VendorCodePattern[] = [
  // Trino / Presto clients: `TrinoUserError(type=USER_ERROR, name=INVALID_CAST_ARGUMENT, ...)`,
  // REST / pyhive JSON: `'errorName': 'CATALOG_NOT_FOUND', 'errorType': 'USER_ERROR'`.
  {
    system: 'trino',
    gate: ['errorname', 'trino', 'presto'],
    regex:
      /\b(?:error)?[Nn]ame['"]?\s*[=:]\s*['"]?([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/g,
  },
  {
    system: 'trino',
    gate: ['errortype', 'trino', 'presto'],
    regex:
      /\b(?:error)?[Tt]ype['"]?\s*[=:]\s*['"]?(USER_ERROR|INTERNAL_ERROR|INSUFFICIENT_RESOURCES|EXTERNAL)\b/g,
  },
  // Connector codes as Athena and the CLI print them: `HIVE_BAD_DATA: ...`.
  {
    system: 'trino',
    gate: ['hive_', 'iceberg_'],
    regex: /\b((?:HIVE|ICEBERG)_[A-Z][A-Z0-9_]+)\b/g,
  },
  // Go and REST clients of Google APIs end the message with the reason: `Error 403: ..., accessDenied`.
  {
    system: 'bigquery',
    gate: 'googleapi',
    regex: /googleapi: Error \d{3}: .*, ([a-z][A-Za-z]{3,})\s*$/g,
  },
  // Postgres-protocol drivers that print the server's error fields (redshift_connector, pg8000:
  // `{'S': 'ERROR', 'C': '42501', ...}`) or psycopg2's attribute (`pgcode=42501`).
  { system: 'sqlstate', gate: "'c':", regex: /'C':\s*'([0-9A-Z]{5})'/g },
  {
    system: 'sqlstate',
    gate: 'pgcode',
    regex: /\bpgcode['"]?\s*[=:]\s*['"]?([0-9A-Z]{5})\b/g,
  },
  // Redshift STL_LOAD_ERRORS rows: `err_code=1207` or a table row `| 1207 | Invalid digit, ...`.
  {
    system: 'redshift',
    gate: 'err_code',
    regex: /\berr_code['"]?\s*[=:]\s*['"]?(12[0-2]\d)\b/g,
  },
  { system: 'redshift', gate: '|', regex: /\|\s*(12[0-2]\d)\s*\|\s*[A-Za-z]/g },
  // Redshift's own error numbers (10xx) where PostgreSQL prints a message: JDBC
  // `Invalid operation: 1023`, psql `ERROR: 1023`, redshift_connector `'M': '1023'`, and the
  // DETAIL block's `code:      1016`.
  {
    system: 'redshift',
    gate: ['invalid operation', 'error:', "'m':", 'code:'],
    regex:
      /(?:\bInvalid operation:|\bERROR:|'M':\s*'|^\s*code:)\s*(10\d\d)\b(?![.\d])/gm,
  },
  ...OPERATIONAL_DB_CODE_PATTERNS,
  // Azure Storage / ADLS Gen2 / Data Factory: `<Code>ServerBusy</Code>`, `x-ms-error-code: X`,
  // `ErrorCode:AuthorizationPermissionMismatch`, `ERROR CODE: ServerBusy`, ADF `ErrorCode=SqlFailedToConnect`.
  {
    system: 'azure',
    gate: '<code>',
    regex: /<Code>([A-Z][A-Za-z0-9]+)<\/Code>/g,
  },
  {
    system: 'azure',
    gate: 'x-ms-error-code',
    regex: /x-ms-error-code["']?\s*[:=]?\s*\[?["']?([A-Z][A-Za-z0-9]+)/gi,
  },
  {
    system: 'azure',
    gate: ['errorcode', 'error code'],
    regex: /\b(?:ErrorCode|ERROR CODE)\s*[:=]\s*([A-Z][A-Za-z0-9]+)\b/g,
  },
  // Hadoop ABFS: `Operation failed: "...", 404, GET, https://..., PathNotFound, "..."`.
  {
    system: 'azure',
    gate: 'operation failed',
    regex: /Operation failed: ".*?", \d{3}, [A-Z]+, \S+, ([A-Z][A-Za-z]+),/g,
  },
  // Databricks launch failures on Azure: `azure_error_code: OperationNotAllowed`.
  {
    system: 'azure',
    gate: 'azure_error_code',
    regex: /azure_error_code["']?\s*[:=]\s*["']?([A-Z][A-Za-z0-9]+)/g,
  },
  // Microsoft Entra ID sign-in errors: `AADSTS7000222: The provided client secret keys ...`.
  { system: 'azure', gate: 'aadsts', regex: /\b(AADSTS\d{5,7})\b/g },
  // Azure SQL / Synapse error numbers: ADF `SqlErrorNumber=40501` and `Number=40501,State=`,
  // SqlClient `Error Number:40613`, sqlcmd `Msg 40501, Level 20`, ODBC `... (49918) (SQLExecDirectW)`.
  {
    system: 'azuresql',
    gate: ['sqlerrornumber', 'number=', 'error number', 'msg '],
    regex:
      /\b(?:SqlErrorNumber=|Number=(?=\d+,State=)|Error Number:\s*|Msg (?=\d+, Level ))(\d{2,6})\b/g,
  },
  {
    system: 'azuresql',
    gate: '(sql',
    regex: /\((\d{3,6})\) \(SQL[A-Za-z]+\)/g,
  },
  // Databricks cluster termination reasons and REST error codes: `Termination info: code: X`,
  // `"termination_reason": {"code": "X"}`, `state Terminated: X`, `{"error_code":"X"}`, and Unity
  // Catalog's `UnauthorizedAccessException: PERMISSION_DENIED: ...`.
  {
    system: 'databricks',
    gate: 'termination',
    regex:
      /\b[Tt]ermination[ _](?:[Rr]eason|[Ii]nfo|[Cc]ode)["']?[^A-Z\n]{0,40}([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/g,
  },
  {
    system: 'databricks',
    gate: 'terminated:',
    regex: /\bstate Terminated: ([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/g,
  },
  {
    system: 'databricks',
    gate: 'error_code',
    regex: /["']?error_code["']?\s*[:=]\s*["']([A-Z][A-Z0-9]*_[A-Z0-9_]+)["']/g,
  },
  {
    system: 'databricks',
    gate: 'unauthorizedaccessexception',
    regex: /UnauthorizedAccessException: ([A-Z][A-Z_]+):/g,
  },
  // StarRocks / Doris: the status name in FE logs and errors (`errorCode MEM_LIMIT_EXCEEDED`,
  // `[MEM_LIMIT_EXCEEDED]`) and Doris' storage codes (`err=-235`, `[E-235]`).
  {
    system: 'starrocks',
    gate: ['errorcode ', 'mem_limit_exceeded', 'mem_alloc_failed'],
    regex:
      /\b(?:errorCode )?(MEM_LIMIT_EXCEEDED|MEM_ALLOC_FAILED|TOO_MANY_VERSION)\b/g,
  },
  {
    system: 'starrocks',
    gate: ['err=-', '[e-', 'tablet'],
    regex: /(?:\berr=|\[)(E?-23[58])\b/g,
  },
];
