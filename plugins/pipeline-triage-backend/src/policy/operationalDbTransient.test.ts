import { extractEvidence } from '../evidence';
import { findTransientCause } from './transientCause';

const cause = (logExcerpt: string) =>
  findTransientCause(extractEvidence({ logExcerpt }), 'dependency_unavailable')
    ?.classId;

describe('transient causes of operational databases', () => {
  it.each([
    "pymysql.err.OperationalError: (1213, 'a quibble between two writers')",
    'Msg 1205, Level 13, State 51, Line 1\na quibble between two writers',
    'java.sql.SQLException: ORA-00060: a quibble between two writers',
    "pymongo.errors.NotPrimaryError: a quibble, full error: {'code': 189, 'codeName': 'PrimarySteppedDown'}",
    '{"error":{"type":"es_rejected_execution_exception","reason":"a quibble"}}',
    'Code: 202. DB::Exception: a quibble. (TOO_MANY_SIMULTANEOUS_QUERIES)',
  ])('name a vendor-declared transient code: %s', log => {
    expect(cause(log)).toBe('operational-db-transient');
  });

  it('names Azure SQL 40613 transient (the cloud data services class names it first)', () => {
    expect(
      cause(
        'System.Data.SqlClient.SqlException: a quibble\nError Number:40613,State:1,Class:14',
      ),
    ).toMatch(/^(operational-db-transient|cloud-data-service-transient-code)$/);
  });

  it.each([
    "pymysql.err.IntegrityError: (1062, 'a twin')",
    'Msg 9002, Level 17, State 4, Line 1\nno room',
    'ORA-01555: a quibble about the past',
    'Code: 241. DB::Exception: a quibble. (MEMORY_LIMIT_EXCEEDED)',
    "pymongo.errors.DuplicateKeyError: E11000 duplicate key error, full error: {'code': 11000}",
  ])('find none in a code that will fail again: %s', log => {
    expect(cause(log)).toBeUndefined();
  });
});
