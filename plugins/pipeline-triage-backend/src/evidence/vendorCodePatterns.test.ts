import { extractCodes } from './errorCodes';

const codesOf = (line: string) =>
  extractCodes(line, line.toLowerCase(), 'L1').map(
    c => `${c.system}:${c.code}`,
  );

describe('vendor code patterns', () => {
  it('read Trino error names and types from clients and REST payloads', () => {
    expect(
      codesOf(
        'TrinoUserError(type=USER_ERROR, name=INVALID_CAST_ARGUMENT, message="x", query_id=1)',
      ),
    ).toEqual(
      expect.arrayContaining([
        'trino:INVALID_CAST_ARGUMENT',
        'trino:USER_ERROR',
      ]),
    );
    expect(
      codesOf(
        "pyhive.exc.DatabaseError: {'errorCode': 44, 'errorName': 'CATALOG_NOT_FOUND', 'errorType': 'USER_ERROR'}",
      ),
    ).toEqual(
      expect.arrayContaining(['trino:CATALOG_NOT_FOUND', 'trino:USER_ERROR']),
    );
  });

  it('read connector codes as Athena prints them', () => {
    expect(
      codesOf('HIVE_BAD_DATA: Error parsing field value for field 3'),
    ).toContain('trino:HIVE_BAD_DATA');
  });

  it('do not read names from lines that are not Trino errors', () => {
    expect(
      codesOf('INFO loading table_name=ORDERS_DAILY from the staging area'),
    ).toEqual([]);
  });

  it('read the reason Google clients append to the message', () => {
    expect(
      codesOf(
        'googleapi: Error 403: Access Denied: Dataset p:d: Permission bigquery.tables.create denied, accessDenied',
      ),
    ).toContain('bigquery:accessDenied');
  });

  it('read Redshift load error codes from STL_LOAD_ERRORS rows', () => {
    expect(
      codesOf(
        "stl_load_errors: err_code=1204 err_reason='String length exceeds DDL length'",
      ),
    ).toContain('redshift:1204');
    expect(
      codesOf(
        "   63596 | employeeid | numeric | abc |     1207 | Invalid digit, Value 'c', Pos 0",
      ),
    ).toContain('redshift:1207');
    expect(codesOf('| 2024 | 1207 |')).toEqual([]);
  });

  it("read Redshift's own error numbers where PostgreSQL prints a message", () => {
    expect(
      codesOf('[Amazon](500310) Invalid operation: 1023 Details: a conflict'),
    ).toContain('redshift:1023');
    expect(
      codesOf(
        'org.postgresql.util.PSQLException: ERROR: 1023 Detail: a conflict',
      ),
    ).toContain('redshift:1023');
    expect(
      codesOf("{'S': 'ERROR', 'C': 'XX000', 'M': '1023', 'D': 'a conflict'}"),
    ).toEqual(expect.arrayContaining(['redshift:1023', 'sqlstate:XX000']));
    expect(codesOf('  code:      1016')).toContain('redshift:1016');
    // Not a number in running text, a port, or a decimal.
    expect(codesOf('ERROR: 1023.5 rows per second exceeded')).toEqual([]);
    expect(codesOf('INFO loaded 1023 rows in 4 files')).toEqual([]);
  });

  it('count a Spark sub-class also as its parent class', () => {
    expect(
      codesOf(
        '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column with name `x` cannot be resolved',
      ),
    ).toEqual(
      expect.arrayContaining([
        'spark:UNRESOLVED_COLUMN.WITH_SUGGESTION',
        'spark:UNRESOLVED_COLUMN',
      ]),
    );
  });

  it('read SQLSTATEs from Postgres-protocol driver error fields', () => {
    expect(
      codesOf(
        "{'S': 'ERROR', 'C': '42501', 'M': 'permission denied for database analytics'}",
      ),
    ).toContain('sqlstate:42501');
    expect(
      codesOf('Load failed: pgcode=23505 pgerror=duplicate key'),
    ).toContain('sqlstate:23505');
  });
});
