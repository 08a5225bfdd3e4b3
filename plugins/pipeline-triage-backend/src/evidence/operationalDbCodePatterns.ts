import type { VendorCodePattern } from './types';

/**
 * Where operational databases and search engines print their own error codes, for the tables
 * in classify/vendorCodes (mysql, sqlServer, oracle, clickhouse, mongodb, elasticsearch).
 * A second capture group is read as a SQLSTATE, so only the MySQL forms that carry one use it.
 */
export const OPERATIONAL_DB_CODE_PATTERNS: VendorCodePattern[] = [
  // MySQLdb / PyMySQL: `OperationalError: (1213, 'Deadlock found ...')`.
  { system: 'mysql', gate: 'mysql', regex: /\((\d{4}), ['"]/g },
  // mysql-connector and dbt-mysql: `1205 (HY000): Lock wait timeout exceeded`.
  {
    system: 'mysql',
    gate: '): ',
    regex: /(?<![\w.])(\d{4}) \(([0-9A-Z]{5})\): /g,
  },
  // Go (go-sql-driver): `Error 1040: Too many connections`, `Error 1205 (HY000): ...`.
  {
    system: 'mysql',
    gate: 'error ',
    regex: /\bError (\d{4})(?: \(([0-9A-Z]{5})\))?: /g,
  },
  // MariaDB / MySQL JDBC wrappers that print the vendor code: `ErrorCode='1265'`.
  {
    system: 'mysql',
    gate: ['mysql', 'mariadb'],
    regex: /\bError ?Code['"]?\s*[=:]\s*['"]?(\d{4})\b/gi,
  },
  // SQL Server: sqlcmd `Msg 9002, Level 17, State 4`.
  { system: 'mssql', gate: 'msg ', regex: /\bMsg (\d{2,5}), Level \d+/g },
  // ODBC: `[SQL Server]Login failed for user 'x'. (18456) (SQLDriverConnect)`.
  { system: 'mssql', gate: '[sql server]', regex: /\.\s?\((\d{2,5})\)/g },
  // pymssql: `OperationalError: (18456, b"Login failed ...")`.
  { system: 'mssql', gate: 'mssql', regex: /\((\d{3,5}), b?['"]/g },
  // .NET SqlClient: `Error Number:40613,State:1,Class:14`.
  {
    system: 'mssql',
    gate: 'error number',
    regex: /\bError Number:\s*(\d{2,5})\b/g,
  },
  // ClickHouse: `Code: 252. DB::Exception: ... (TOO_MANY_PARTS)`, Go/HTTP `code: 241, message:`.
  {
    system: 'clickhouse',
    gate: ['db::exception', 'clickhouse'],
    regex: /\b[Cc]ode: (\d{1,4})[.,]/g,
  },
  {
    system: 'clickhouse',
    gate: ['db::exception', 'clickhouse'],
    regex: /\(([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\)/g,
  },
  // MongoDB: `E11000 duplicate key error`, `'codeName': 'NotWritablePrimary'`,
  // `Command failed with error 18 (AuthenticationFailed)`, `code=11000` / `'code': 10107`.
  {
    system: 'mongodb',
    gate: 'duplicate key',
    regex: /\bE(1100[01]) duplicate key/g,
  },
  {
    system: 'mongodb',
    gate: 'codename',
    regex: /\bcodeName['"]?\s*[:=]\s*['"]?([A-Z][A-Za-z]+)/g,
  },
  {
    system: 'mongodb',
    gate: 'command failed with error',
    regex: /Command failed with error (\d{1,5})\b/g,
  },
  {
    system: 'mongodb',
    gate: 'command failed with error',
    regex: /Command failed with error \d{1,5} \(([A-Z][A-Za-z]+)\)/g,
  },
  {
    system: 'mongodb',
    gate: 'mongo',
    regex: /\bcode['"]?\s*[:=]\s*(\d{1,5})\b/g,
  },
  // Elasticsearch / OpenSearch error types: `"type":"es_rejected_execution_exception"`,
  // Logstash `"type"=>"..."`, `[type=cluster_block_exception`, Python `TransportError(429, '...'`.
  {
    system: 'elasticsearch',
    gate: '_exception',
    regex:
      /(?:\btype["']?\s*(?:=>|[:=])\s*["']?|TransportError\(\d{3}, u?['"])([a-z]+(?:_[a-z]+)*_exception)\b/g,
  },
  // Cluster blocks by level and id: `blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded ...]`.
  {
    system: 'elasticsearch',
    gate: 'blocked by',
    regex:
      /\b((?:FORBIDDEN|TOO_MANY_REQUESTS|SERVICE_UNAVAILABLE)\/\d{1,2})\//g,
  },
];
