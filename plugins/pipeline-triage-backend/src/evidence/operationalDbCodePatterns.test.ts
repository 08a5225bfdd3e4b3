import { extractCodes } from './errorCodes';

const codes = (text: string) =>
  extractCodes(text, text.toLowerCase(), 'L1').map(
    c => `${c.system}:${c.code}`,
  );

describe('codes of operational databases as their clients print them', () => {
  it.each([
    [
      "MySQLdb._exceptions.OperationalError: (1213, 'Deadlock found')",
      'mysql:1213',
    ],
    [
      'mysql.connector.errors.DatabaseError: 1205 (HY000): Lock wait timeout',
      'mysql:1205',
    ],
    ['Error 1040: Too many connections', 'mysql:1040'],
    ["SQLState='01000', ErrorCode='1265' (MariaDB)", 'mysql:1265'],
    ['Msg 9002, Level 17, State 4, Line 1', 'mssql:9002'],
    [
      "[SQL Server]Login failed for user 'x'. (18456) (SQLDriverConnect)",
      'mssql:18456',
    ],
    [
      'pymssql._pymssql.OperationalError: (18456, b"Login failed")',
      'mssql:18456',
    ],
    ['Error Number:40613,State:1,Class:14', 'mssql:40613'],
    [
      'Code: 252. DB::Exception: Too many parts. (TOO_MANY_PARTS)',
      'clickhouse:252',
    ],
    [
      'Code: 252. DB::Exception: Too many parts. (TOO_MANY_PARTS)',
      'clickhouse:TOO_MANY_PARTS',
    ],
    [
      'error inserting into clickhouse: code: 241, message: memory',
      'clickhouse:241',
    ],
    [
      'E11000 duplicate key error collection: db.c index: _id_',
      'mongodb:11000',
    ],
    [
      "{'code': 10107, 'codeName': 'NotWritablePrimary'} from mongo",
      'mongodb:NotWritablePrimary',
    ],
    ['Command failed with error 18 (AuthenticationFailed)', 'mongodb:18'],
    [
      '{"type":"es_rejected_execution_exception","reason":"x"}',
      'elasticsearch:es_rejected_execution_exception',
    ],
    [
      "TransportError(429, 'es_rejected_execution_exception', 'x')",
      'elasticsearch:es_rejected_execution_exception',
    ],
    [
      'blocked by: [FORBIDDEN/12/index read-only / allow delete (api)];',
      'elasticsearch:FORBIDDEN/12',
    ],
    ['java.sql.SQLException: ORA-01555: snapshot too old', 'oracle:ORA-01555'],
  ])('%s -> %s', (line, code) => {
    expect(codes(line)).toContain(code);
  });

  it('leave lookalikes alone', () => {
    // A Snowflake number is six digits, not a MySQL number with a SQLSTATE.
    expect(codes('002003 (42S02): SQL compilation error')).not.toContain(
      'mysql:2003',
    );
    // A Python frame that names a raise helper is not an Elasticsearch error type.
    expect(codes('  File "pymysql/err.py", in raise_mysql_exception')).toEqual(
      [],
    );
    // A tuple of a driver that is neither MySQL nor SQL Server.
    const pg = codes("psycopg2.OperationalError: (1040, 'x')");
    expect(pg.filter(c => /^(?:mysql|mssql):/.test(c))).toEqual([]);
  });
});
