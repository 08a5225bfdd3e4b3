import type { VendorCodeTable } from './types';

const TRANSIENT =
  'Azure SQL Database "Troubleshoot transient connection errors" and "Common errors" (https://learn.microsoft.com/en-us/azure/azure-sql/database/troubleshoot-common-errors-issues#transient-fault-error-messages-40197-40613-and-others): retry after a delay';
const RESOURCE =
  'Azure SQL Database "Resource governance errors" (https://learn.microsoft.com/en-us/azure/azure-sql/database/troubleshoot-common-errors-issues#resource-governance-errors)';
const CONNECT =
  'Azure SQL Database "Troubleshoot connectivity issues" (https://learn.microsoft.com/en-us/azure/azure-sql/database/troubleshoot-common-errors-issues)';

/**
 * Azure SQL Database / Synapse SQL error numbers (`SqlErrorNumber=40501`, `Error Number:40613`,
 * ODBC `... (49918) (SQLExecDirectW)`), the ones Microsoft documents as transient or as a cause.
 */
export const azureSqlTable: VendorCodeTable = {
  name: 'azuresql',
  system: 'azuresql',
  entries: [
    {
      key: '40501',
      code: '40501',
      category: 'dependency_unavailable',
      weight: 0.85,
      transient: true,
      description:
        'Azure SQL 40501 (the service is currently busy; retry the request after 10 seconds)',
      source: TRANSIENT,
    },
    {
      key: 'unavailable',
      codes: ['40613', '40197', '40540', '40143'],
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description:
        'Azure SQL 40613 / 40197 / 40540 / 40143 (the database is not currently available or the service hit an error processing the request; retry)',
      source: TRANSIENT,
    },
    {
      key: '4991x',
      codes: ['49918', '49919', '49920'],
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description:
        'Azure SQL 49918 / 49919 / 49920 (not enough resources to process the request, too many operations in progress; retry later)',
      source: TRANSIENT,
    },
    {
      key: 'worker-session-limit',
      codes: ['10928', '10929'],
      category: 'resource_exhaustion',
      weight: 0.8,
      transient: true,
      description:
        'Azure SQL 10928 / 10929 (the worker or session limit of the database is reached)',
      source: RESOURCE,
    },
    {
      key: '40544',
      code: '40544',
      category: 'resource_exhaustion',
      weight: 0.85,
      description: 'Azure SQL 40544 (the database has reached its size quota)',
      source: RESOURCE,
    },
    {
      key: '18456',
      code: '18456',
      category: 'permission',
      weight: 0.85,
      description: 'SQL Server / Azure SQL 18456 (login failed for the user)',
      source: CONNECT,
    },
    {
      key: 'firewall',
      codes: ['40615', '40532'],
      category: 'config_error',
      weight: 0.8,
      description:
        'Azure SQL 40615 / 40532 (the client IP is not allowed by the server firewall, or the server in the login does not exist)',
      source: CONNECT,
    },
    {
      key: '4060',
      code: '4060',
      category: 'config_error',
      weight: 0.7,
      description:
        'SQL Server / Azure SQL 4060 (cannot open the database requested by the login)',
      source: CONNECT,
    },
  ],
};
