import type { VendorCodeTable } from './types';

const CONNECTOR = 'https://github.com/snowflakedb/snowflake-connector-python/blob/main/src/snowflake/connector/errorcode.py';

/**
 * Snowflake error numbers, printed before the SQLSTATE: `003001 (42501): SQL access control
 * error`. Snowflake publishes no complete table; each number here is the one Snowflake's
 * documentation and knowledge base print beside the message named in `meaning`.
 */
export const snowflakeCodes: VendorCodeTable = {
  system: 'snowflake',
  vendor: 'Snowflake',
  source: 'https://docs.snowflake.com/en/developer-guide/sql-api/handling-responses',
  codes: [
    { code: '001003', category: 'code_error', weight: 0.8, meaning: 'SQL compilation error: syntax error' },
    { code: '002140', category: 'code_error', weight: 0.75, meaning: 'SQL compilation error: unknown function' },
    { code: '001044', category: 'code_error', weight: 0.7, meaning: 'SQL compilation error: invalid argument types for function' },
    { code: '000904', category: 'schema_drift', weight: 0.55, meaning: 'SQL compilation error: invalid identifier', also: { category: 'code_error', weight: 0.45 } },
    { code: '002023', category: 'schema_drift', weight: 0.5, meaning: 'SQL compilation error: expression type does not match column data type' },
    { code: '100080', category: 'schema_drift', weight: 0.7, meaning: 'number of columns in file does not match the table' },
    { code: '002003', category: 'permission', weight: 0.45, meaning: 'object does not exist or not authorized', also: { category: 'config_error', weight: 0.4 } },
    { code: '002043', category: 'config_error', weight: 0.45, meaning: 'object does not exist, or operation cannot be performed', also: { category: 'permission', weight: 0.4 } },
    { code: '003001', category: 'permission', weight: 0.9, meaning: 'SQL access control error: insufficient privileges' },
    { code: '390100', category: 'permission', weight: 0.85, meaning: 'incorrect username or password' },
    { code: '390144', category: 'permission', weight: 0.8, meaning: 'JWT token is invalid' },
    { code: '000606', category: 'config_error', weight: 0.85, meaning: 'no active warehouse selected in the current session' },
    { code: '090105', category: 'config_error', weight: 0.8, meaning: 'this session does not have a current database' },
    { code: '090106', category: 'config_error', weight: 0.8, meaning: 'this session does not have a current schema' },
    { code: '100038', category: 'data_quality', weight: 0.8, meaning: 'numeric value is not recognized' },
    { code: '100035', category: 'data_quality', weight: 0.8, meaning: 'timestamp is not recognized' },
    { code: '100040', category: 'data_quality', weight: 0.8, meaning: 'date is not recognized' },
    { code: '100072', category: 'data_quality', weight: 0.85, meaning: 'NULL result in a non-nullable column' },
    { code: '000630', category: 'resource_exhaustion', weight: 0.55, meaning: 'statement reached its statement or warehouse timeout' },
    { code: '000603', category: 'infrastructure', weight: 0.45, meaning: 'SQL execution internal error', also: { category: 'code_error', weight: 0.4 } },
    { code: '250001', category: 'dependency_unavailable', weight: 0.75, meaning: 'could not connect to the Snowflake backend', source: CONNECTOR },
    { code: '250003', category: 'dependency_unavailable', weight: 0.7, meaning: 'failed to get a response (network)', source: CONNECTOR },
  ],
};
