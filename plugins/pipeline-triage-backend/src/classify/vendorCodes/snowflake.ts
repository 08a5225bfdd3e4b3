import type { VendorCodeTable } from './types';

const CONNECTOR =
  'https://github.com/snowflakedb/snowflake-connector-python/blob/main/src/snowflake/connector/errorcode.py';
const SOURCE =
  'https://docs.snowflake.com/en/developer-guide/sql-api/handling-responses';

/**
 * Snowflake error numbers, printed before the SQLSTATE: `003001 (42501): SQL access control
 * error`. Snowflake publishes no complete table; each number here is the one Snowflake's
 * documentation and knowledge base print beside the message named in `meaning`.
 */
export const snowflakeTable: VendorCodeTable = {
  name: 'snowflake',
  system: 'snowflake',
  entries: [
    {
      key: '001003',
      code: '001003',
      category: 'code_error',
      weight: 0.8,
      description: 'Snowflake 001003 (SQL compilation error: syntax error)',
      source: SOURCE,
    },
    {
      key: '002140',
      code: '002140',
      category: 'code_error',
      weight: 0.75,
      description: 'Snowflake 002140 (SQL compilation error: unknown function)',
      source: SOURCE,
    },
    {
      key: '001044',
      code: '001044',
      category: 'code_error',
      weight: 0.7,
      description:
        'Snowflake 001044 (SQL compilation error: invalid argument types for function)',
      source: SOURCE,
    },
    {
      key: '000904',
      code: '000904',
      category: 'schema_drift',
      weight: 0.55,
      description:
        'Snowflake 000904 (SQL compilation error: invalid identifier)',
      source: SOURCE,
    },
    {
      key: '000904-code_error',
      code: '000904',
      category: 'code_error',
      weight: 0.45,
      description:
        'Snowflake 000904 (SQL compilation error: invalid identifier): also read as code error',
      source: SOURCE,
    },
    {
      key: '002057',
      code: '002057',
      category: 'schema_drift',
      weight: 0.9,
      description:
        "Snowflake 002057 (SQL compilation error: a view's declared column count differs from what its query produces)",
      source: SOURCE,
    },
    {
      key: '002023',
      code: '002023',
      category: 'schema_drift',
      weight: 0.5,
      description:
        'Snowflake 002023 (SQL compilation error: expression type does not match column data type)',
      source: SOURCE,
    },
    {
      key: '100080',
      code: '100080',
      category: 'schema_drift',
      weight: 0.7,
      description:
        'Snowflake 100080 (number of columns in file does not match the table)',
      source: SOURCE,
    },
    {
      key: '002003',
      code: '002003',
      category: 'permission',
      weight: 0.45,
      description: 'Snowflake 002003 (object does not exist or not authorized)',
      source: SOURCE,
    },
    {
      key: '002003-config_error',
      code: '002003',
      category: 'config_error',
      weight: 0.4,
      description:
        'Snowflake 002003 (object does not exist or not authorized): also read as config error',
      source: SOURCE,
    },
    {
      key: '002043',
      code: '002043',
      category: 'config_error',
      weight: 0.45,
      description:
        'Snowflake 002043 (object does not exist, or operation cannot be performed)',
      source: SOURCE,
    },
    {
      key: '002043-permission',
      code: '002043',
      category: 'permission',
      weight: 0.4,
      description:
        'Snowflake 002043 (object does not exist, or operation cannot be performed): also read as permission',
      source: SOURCE,
    },
    {
      key: '003001',
      code: '003001',
      category: 'permission',
      weight: 0.9,
      description:
        'Snowflake 003001 (SQL access control error: insufficient privileges)',
      source: SOURCE,
    },
    {
      key: '390100',
      code: '390100',
      category: 'permission',
      weight: 0.85,
      description: 'Snowflake 390100 (incorrect username or password)',
      source: SOURCE,
    },
    {
      key: '390144',
      code: '390144',
      category: 'permission',
      weight: 0.8,
      description: 'Snowflake 390144 (JWT token is invalid)',
      source: SOURCE,
    },
    {
      // Login-time errors under SQLSTATE 08004 ("server rejected the connection"): the
      // connection names a role or database that does not exist (or is hidden from the user).
      // A setting to fix, never an outage to wait out; "or not authorized" keeps permission as
      // the runner-up.
      key: '390189',
      code: '390189',
      category: 'config_error',
      weight: 0.85,
      description:
        'Snowflake 390189 (role specified in the connect string does not exist or not authorized)',
      source: SOURCE,
      explains: ['dependency_unavailable'],
    },
    {
      key: '390201',
      code: '390201',
      category: 'config_error',
      weight: 0.85,
      description:
        'Snowflake 390201 (the requested database, schema or warehouse does not exist or not authorized)',
      source: SOURCE,
      explains: ['dependency_unavailable'],
    },
    {
      key: '000606',
      code: '000606',
      category: 'config_error',
      weight: 0.85,
      description:
        'Snowflake 000606 (no active warehouse selected in the current session)',
      source: SOURCE,
    },
    {
      // Snowflake reuses SQLSTATE 57P03 (PostgreSQL's "cannot connect now") for a warehouse
      // someone must resume: the vendor number makes it a state, not a passing outage.
      key: '000608',
      code: '000608',
      category: 'config_error',
      weight: 0.9,
      description:
        "Snowflake 000608 (warehouse is suspended; use 'alter warehouse ... resume')",
      source: SOURCE,
      explains: ['dependency_unavailable', 'infrastructure'],
    },
    {
      key: '090105',
      code: '090105',
      category: 'config_error',
      weight: 0.8,
      description:
        'Snowflake 090105 (this session does not have a current database)',
      source: SOURCE,
    },
    {
      key: '090106',
      code: '090106',
      category: 'config_error',
      weight: 0.8,
      description:
        'Snowflake 090106 (this session does not have a current schema)',
      source: SOURCE,
    },
    {
      key: '100038',
      code: '100038',
      category: 'data_quality',
      weight: 0.8,
      description: 'Snowflake 100038 (numeric value is not recognized)',
      source: SOURCE,
    },
    {
      key: '100035',
      code: '100035',
      category: 'data_quality',
      weight: 0.8,
      description: 'Snowflake 100035 (timestamp is not recognized)',
      source: SOURCE,
    },
    {
      key: '100040',
      code: '100040',
      category: 'data_quality',
      weight: 0.8,
      description: 'Snowflake 100040 (date is not recognized)',
      source: SOURCE,
    },
    {
      key: '100072',
      code: '100072',
      category: 'data_quality',
      weight: 0.85,
      description: 'Snowflake 100072 (NULL result in a non-nullable column)',
      source: SOURCE,
    },
    {
      key: '000630',
      code: '000630',
      category: 'resource_exhaustion',
      weight: 0.55,
      description:
        'Snowflake 000630 (statement reached its statement or warehouse timeout)',
      source: SOURCE,
      // The Python connector raises every server error as ProgrammingError (PEP 249's class
      // for bad SQL): around a timeout number the class says nothing about the query.
      explains: ['code_error'],
    },
    {
      key: '000603',
      code: '000603',
      category: 'infrastructure',
      weight: 0.45,
      description: 'Snowflake 000603 (SQL execution internal error)',
      source: SOURCE,
    },
    {
      key: '000603-code_error',
      code: '000603',
      category: 'code_error',
      weight: 0.4,
      description:
        'Snowflake 000603 (SQL execution internal error): also read as code error',
      source: SOURCE,
    },
    {
      key: '250001',
      code: '250001',
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description:
        'Snowflake 250001 (could not connect to the Snowflake backend)',
      source: CONNECTOR,
    },
    {
      key: '250003',
      code: '250003',
      category: 'dependency_unavailable',
      weight: 0.7,
      transient: true,
      description: 'Snowflake 250003 (failed to get a response (network))',
      source: CONNECTOR,
    },
  ],
};
