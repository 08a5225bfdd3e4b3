import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import { failureEventSchema } from '@pipeline-triage/plugin-pipeline-triage-common';
import { createTriageEngine } from '../../engine';
import { extractEvidence } from '../../evidence';
import { classify } from '../classify';
import { OPERATIONAL_DB_TABLES, vendorCodeEntry } from '.';

const run = (logExcerpt: string) => classify(extractEvidence({ logExcerpt }));

/**
 * Messages no rule pattern knows (the prose is made up); only the vendor's number, name or type
 * and the way its client prints it are real. Each must classify from the code alone.
 */
const UNSEEN: Array<[Category, string]> = [
  // MySQL / MariaDB, as MySQLdb, PyMySQL, mysql-connector, the CLI and Go print them
  [
    'dependency_unavailable',
    "MySQLdb._exceptions.OperationalError: (1213, 'the zorblax and the quux trod on each other')",
  ],
  ['dependency_unavailable', "pymysql.err.OperationalError: (1040, 'ny conn')"],
  [
    'data_quality',
    'mysql.connector.errors.DataError: 1406 (22001): the florp is longer than its box',
  ],
  ['schema_drift', 'ERROR 1054 (42S22) at line 3: nobody here goes by `flux`'],
  ['permission', "pymysql.err.OperationalError: (1045, 'the doorman says no')"],
  ['config_error', 'Error 1146 (42S02): no ledger by that name'],
  [
    'resource_exhaustion',
    "MySQLdb.OperationalError: (1114, 'the wibble is brimming')",
  ],
  [
    'config_error',
    "pymysql.err.OperationalError: (1153, 'a parcel too big for the chute')",
  ],
  // SQL Server / Azure SQL, as sqlcmd, ODBC, pymssql and .NET print them
  [
    'resource_exhaustion',
    'Msg 9002, Level 17, State 4, Line 1\nthe scroll has no room left',
  ],
  [
    'permission',
    "pyodbc.InterfaceError: ('28000', '[28000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]the doorman says no. (18456) (SQLDriverConnect)')",
  ],
  [
    'dependency_unavailable',
    "pymssql._pymssql.OperationalError: (1205, b'the two clerks grabbed the same ledger')",
  ],
  [
    'dependency_unavailable',
    'System.Data.SqlClient.SqlException (0x80131904): the shop is shut for a moment\nError Number:40501,State:1,Class:20',
  ],
  [
    'data_quality',
    'Msg 2627, Level 14, State 1, Line 7\nthe zorblax already has a twin',
  ],
  // Oracle
  [
    'dependency_unavailable',
    'java.sql.SQLException: ORA-00060: the two clerks grabbed the same ledger',
  ],
  [
    'resource_exhaustion',
    'cx_Oracle.DatabaseError: ORA-01555: the past is no longer on file',
  ],
  ['resource_exhaustion', 'ORA-01653: the shelf for table X.Y will not grow'],
  [
    'data_quality',
    'oracledb.exceptions.DatabaseError: ORA-12899: the florp is longer than its box',
  ],
  ['permission', 'ORA-01017: the doorman says no'],
  // ClickHouse: by number, by name, or both
  [
    'resource_exhaustion',
    'Code: 241. DB::Exception: the florp ate it all. (MEMORY_LIMIT_EXCEEDED)',
  ],
  [
    'small_file_pressure',
    'clickhouse: code: 252, message: a thousand pebbles and no time to sweep',
  ],
  [
    'permission',
    'Code: 516. DB::Exception: the doorman says no. (AUTHENTICATION_FAILED)',
  ],
  [
    'data_quality',
    'Code: 27. DB::Exception: a quibble about a row. (CANNOT_PARSE_INPUT_ASSERTION_FAILED)',
  ],
  [
    'data_quality',
    'DB::Exception: a brand new parse complaint. (CANNOT_PARSE_IPV9)',
  ],
  // MongoDB
  [
    'data_quality',
    "pymongo.errors.BulkWriteError: batch op errors occurred, full error: {'writeErrors': [{'index': 0, 'code': 11000, 'errmsg': 'the zorblax already has a twin'}]}",
  ],
  [
    'dependency_unavailable',
    "pymongo.errors.NotPrimaryError: the captain stepped off the bridge, full error: {'ok': 0.0, 'code': 189, 'codeName': 'PrimarySteppedDown'}",
  ],
  [
    'permission',
    'com.mongodb.MongoCommandException: Command failed with error 18 (AuthenticationFailed): the doorman says no',
  ],
  // Elasticsearch / OpenSearch
  [
    'dependency_unavailable',
    '{"error":{"type":"es_rejected_execution_exception","reason":"the queue at the counter is full"},"status":429}',
  ],
  [
    'resource_exhaustion',
    '{"error":{"type":"circuit_breaking_exception","reason":"the florp would not fit"},"status":429}',
  ],
  [
    'data_quality',
    '{"type"=>"mapper_parsing_exception", "reason"=>"a quibble about a date"}',
  ],
];

describe('vendor code tables of operational databases and search engines', () => {
  it.each(UNSEEN)(
    'classify an unseen message by its code as %s: %s',
    (category, log) => {
      const c = run(log);
      expect(c.category).toBe(category);
      expect(c.rules.some(r => r.startsWith('vendor-'))).toBe(true);
    },
  );

  it('mark transient what the vendor documents as retryable, and only that', () => {
    // Deadlock victims, lock timeouts, failovers, throttling and back-pressure.
    expect(vendorCodeEntry('mysql', '1213')?.transient).toBe(true);
    expect(vendorCodeEntry('mysql', '1205')?.transient).toBe(true);
    expect(vendorCodeEntry('mssql', '1205')?.transient).toBe(true);
    expect(vendorCodeEntry('mssql', '40613')?.transient).toBe(true);
    expect(vendorCodeEntry('oracle', 'ORA-00060')?.transient).toBe(true);
    expect(vendorCodeEntry('mongodb', 'NotWritablePrimary')?.transient).toBe(
      true,
    );
    expect(vendorCodeEntry('mongodb', '112')?.transient).toBe(true);
    expect(
      vendorCodeEntry('elasticsearch', 'es_rejected_execution_exception')
        ?.transient,
    ).toBe(true);
    // Will fail again: duplicates, unknown columns, data too long, full disks and logs.
    for (const [system, code] of [
      ['mysql', '1062'],
      ['mysql', '1054'],
      ['mysql', '1406'],
      ['mysql', '1114'],
      ['mssql', '9002'],
      ['mssql', '2627'],
      ['oracle', 'ORA-01555'],
      ['oracle', 'ORA-01653'],
      ['clickhouse', 'MEMORY_LIMIT_EXCEEDED'],
      ['clickhouse', '252'],
      ['mongodb', '11000'],
      ['elasticsearch', 'TOO_MANY_REQUESTS/12'],
      ['elasticsearch', 'circuit_breaking_exception'],
    ]) {
      const entry = vendorCodeEntry(system, code);
      expect(entry).toBeDefined();
      expect(entry?.transient).toBeUndefined();
    }
  });

  it('name the vendor document beside every entry', () => {
    for (const table of OPERATIONAL_DB_TABLES)
      for (const entry of table.entries)
        expect(entry.source).toMatch(/https:\/\//);
  });

  it("read a full disk behind Elasticsearch's 429 as resource exhaustion", () => {
    const c = run(
      '{"status":429,"error":{"type":"cluster_block_exception","reason":"index [x] blocked by: [TOO_MANY_REQUESTS/12/a quibble about room];"}}',
    );
    expect(c.category).toBe('resource_exhaustion');
    expect(c.rules).toContain('vendor-elasticsearch-block-12');
  });
});

describe('retry verdicts on operational-database codes', () => {
  const engine = createTriageEngine();
  const verdict = (logExcerpt: string) =>
    engine.triage(
      failureEventSchema.parse({
        job: { name: 'orders_sync' },
        eventTime: '2025-03-01T03:00:00Z',
        logExcerpt,
      }),
    ).verdict;

  it('say yes on a vendor-declared transient code that wrote nothing', () => {
    const v = verdict(
      "sqlalchemy.exc.OperationalError: (MySQLdb._exceptions.OperationalError) (1213, 'Deadlock found when trying to get lock; try restarting transaction')",
    );
    expect(v.classification.category).toBe('dependency_unavailable');
    expect(v.retry.safeToRetry).toBe(true);
  });

  it.each([
    // Deterministic: the same input fails again.
    "pymysql.err.IntegrityError: (1062, 'the zorblax already has a twin')",
    'ORA-01555: the past is no longer on file',
    'Msg 9002, Level 17, State 4, Line 1\nthe scroll has no room left',
    'Code: 252. DB::Exception: a thousand pebbles. (TOO_MANY_PARTS)',
    '{"status":429,"error":{"type":"cluster_block_exception","reason":"index [x] blocked by: [TOO_MANY_REQUESTS/12/a quibble about room];"}}',
    'com.mongodb.MongoCommandException: Command failed with error 18 (AuthenticationFailed): no',
    // Transient code, but the run had already written output.
    "INFO wrote 40000 rows to orders_stage\nINFO committed batch 1 of 3\nMySQLdb._exceptions.OperationalError: (1213, 'Deadlock found when trying to get lock; try restarting transaction')",
  ])('never say a wrong "safe": %s', log => {
    expect(verdict(log).retry.safeToRetry).toBe(false);
  });
});
