import type { VendorCodeTable } from './types';

const ERRORS =
  'SQL Server "Database engine events and errors" (https://learn.microsoft.com/en-us/sql/relational-databases/errors-events/database-engine-events-and-errors)';
const AZURE_TRANSIENT =
  'Azure SQL Database "Transient fault error messages" (https://learn.microsoft.com/en-us/azure/azure-sql/database/troubleshoot-common-errors-issues#transient-fault-error-messages-40197-40613-and-others): retry after a delay';
const DEADLOCK =
  'SQL Server "Deadlocks guide" (https://learn.microsoft.com/en-us/sql/relational-databases/sql-server-deadlocks-guide): error 1205, "Rerun the transaction"';

/**
 * SQL Server and Azure SQL error numbers as clients print them: `Msg 1205, Level 13, ...`
 * (sqlcmd), `... (18456) (SQLDriverConnect)` (ODBC), `(18456, b"Login failed ...")` (pymssql),
 * `Error Number:40613,State:1,Class:14` (.NET SqlClient).
 */
export const sqlServerTable: VendorCodeTable = {
  name: 'mssql',
  system: 'mssql',
  entries: [
    {
      key: '1205',
      code: '1205',
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description:
        'SQL Server 1205 (transaction was deadlocked and chosen as the deadlock victim; rerun the transaction)',
      source: DEADLOCK,
      explains: ['code_error'],
    },
    {
      key: '1222',
      code: '1222',
      category: 'dependency_unavailable',
      weight: 0.7,
      transient: true,
      description: 'SQL Server 1222 (lock request time out period exceeded)',
      source: ERRORS,
    },
    {
      key: 'azure-transient',
      codes: [
        '40197',
        '40501',
        '40613',
        '49918',
        '49919',
        '49920',
        '4221',
        '10928',
        '10929',
      ],
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description:
        'Azure SQL 40197 (error processing the request), 40501 (service busy), 40613 (database not currently available), 49918-49920 (not enough resources, too many operations), 4221 (login to read-secondary failed during a change), 10928/10929 (resource limit reached)',
      source: AZURE_TRANSIENT,
      explains: ['infrastructure'],
    },
    {
      key: 'transport',
      codes: ['10053', '10054', '10060', '233', '64'],
      category: 'dependency_unavailable',
      weight: 0.7,
      transient: true,
      description:
        'SQL Server transport-level errors 10053/10054/10060/64/233 (connection aborted, reset or timed out)',
      source: AZURE_TRANSIENT,
    },
    {
      key: '18456',
      code: '18456',
      category: 'permission',
      weight: 0.85,
      description: 'SQL Server 18456 (login failed for user)',
      source: ERRORS,
    },
    {
      key: 'denied',
      codes: ['229', '230', '262', '300', '18452'],
      category: 'permission',
      weight: 0.8,
      description:
        'SQL Server 229/230 (permission denied on object or column), 262 (permission denied in database), 300 (permission missing), 18452 (login from an untrusted domain)',
      source: ERRORS,
    },
    {
      key: '4060',
      code: '4060',
      category: 'config_error',
      weight: 0.65,
      description:
        'SQL Server 4060 (cannot open the database requested by the login)',
      source: ERRORS,
    },
    {
      key: '208',
      code: '208',
      category: 'config_error',
      weight: 0.7,
      description: 'SQL Server 208 (invalid object name)',
      source: ERRORS,
    },
    {
      key: 'column',
      codes: ['207', '213'],
      category: 'schema_drift',
      weight: 0.6,
      description:
        'SQL Server 207 (invalid column name), 213 (column name or number of supplied values does not match table definition)',
      source: ERRORS,
    },
    {
      key: 'duplicate',
      codes: ['2627', '2601'],
      category: 'data_quality',
      weight: 0.8,
      description:
        'SQL Server 2627 (violation of PRIMARY KEY or UNIQUE constraint), 2601 (duplicate key row in unique index)',
      source: ERRORS,
    },
    {
      key: 'bad-value',
      codes: [
        '515',
        '547',
        '8152',
        '2628',
        '245',
        '8114',
        '241',
        '242',
        '8115',
      ],
      category: 'data_quality',
      weight: 0.75,
      description:
        'SQL Server 515 (cannot insert NULL), 547 (constraint conflict), 8152/2628 (string or binary data would be truncated), 245/8114/241 (conversion failed), 242 (out-of-range datetime), 8115 (arithmetic overflow)',
      source: ERRORS,
    },
    {
      key: 'syntax',
      codes: ['102', '156', '195'],
      category: 'code_error',
      weight: 0.8,
      description:
        'SQL Server 102/156 (incorrect syntax), 195 (not a recognized built-in function name)',
      source: ERRORS,
    },
    {
      key: 'space',
      codes: ['9002', '1105', '1101', '40544'],
      category: 'resource_exhaustion',
      weight: 0.8,
      description:
        'SQL Server 9002 (transaction log full), 1105 (filegroup full), 1101 (could not allocate a new page), Azure SQL 40544 (database reached its size quota)',
      source: `${ERRORS}; "Troubleshoot a full transaction log (SQL Server error 9002)" (https://learn.microsoft.com/en-us/sql/relational-databases/logs/troubleshoot-a-full-transaction-log-sql-server-error-9002)`,
    },
    {
      key: 'memory',
      codes: ['701', '8645'],
      category: 'resource_exhaustion',
      weight: 0.75,
      description:
        'SQL Server 701 (insufficient system memory), 8645 (timeout waiting for memory resources)',
      source: ERRORS,
    },
  ],
};
