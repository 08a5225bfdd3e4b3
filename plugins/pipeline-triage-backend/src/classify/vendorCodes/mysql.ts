import type { VendorCodeEntry, VendorCodeTable } from './types';

const SERVER =
  'MySQL 8.0 "Server Error Message Reference" (https://dev.mysql.com/doc/mysql-errors/8.0/en/server-error-reference.html)';
const CLIENT =
  'MySQL 8.0 "Client Error Message Reference" (https://dev.mysql.com/doc/mysql-errors/8.0/en/client-error-reference.html)';
const DEADLOCK =
  'MySQL "How to Minimize and Handle Deadlocks" (https://dev.mysql.com/doc/refman/8.0/en/innodb-deadlocks-handling.html): always be prepared to re-issue a transaction that failed with a deadlock';

type Entry = Omit<VendorCodeEntry, 'key' | 'source'> & { source?: string };

/** One entry per number; `key` is the number, `source` the server reference unless given. */
function e(code: string, entry: Entry): VendorCodeEntry {
  return { key: code, code, source: SERVER, ...entry };
}

/**
 * MySQL and MariaDB error numbers as drivers print them: `ERROR 1213 (40001): ...` (mysql CLI),
 * `(1213, 'Deadlock found ...')` (MySQLdb, PyMySQL), `1205 (HY000): ...` (mysql-connector),
 * `Error 1040: ...` (Go). MariaDB keeps MySQL's numbers for these errors. The number names
 * the cause when a driver garbles or translates the message.
 */
export const mysqlTable: VendorCodeTable = {
  name: 'mysql',
  system: 'mysql',
  entries: [
    // Concurrency and connection errors MySQL documents as transient.
    e('1213', {
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description:
        'MySQL 1213 ER_LOCK_DEADLOCK (deadlock found; try restarting transaction)',
      source: `${SERVER}; ${DEADLOCK}`,
      explains: ['code_error'],
    }),
    e('1205', {
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description:
        'MySQL 1205 ER_LOCK_WAIT_TIMEOUT (lock wait timeout exceeded; try restarting transaction)',
    }),
    e('1040', {
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description:
        'MySQL 1040 ER_CON_COUNT_ERROR (too many connections; SQLSTATE 08004, a connection exception)',
    }),
    e('1203', {
      category: 'dependency_unavailable',
      weight: 0.65,
      description:
        'MySQL 1203 ER_TOO_MANY_USER_CONNECTIONS (user already has more than max_user_connections)',
    }),
    {
      key: 'client-connect',
      codes: ['2002', '2003', '2006', '2013', '2055'],
      category: 'dependency_unavailable',
      weight: 0.7,
      transient: true,
      description:
        "MySQL client 2002/2003 (can't connect to server), 2006 (server has gone away), 2013/2055 (lost connection during query)",
      source: CLIENT,
    },
    // Access.
    e('1045', {
      category: 'permission',
      weight: 0.85,
      description: 'MySQL 1045 ER_ACCESS_DENIED_ERROR (access denied for user)',
    }),
    {
      key: 'access-denied',
      codes: ['1044', '1142', '1143', '1227', '1370'],
      category: 'permission',
      weight: 0.8,
      description:
        'MySQL 1044/1142/1143/1227/1370 (access denied to database; command, column or routine denied; privilege needed)',
      source: SERVER,
    },
    // Configuration: a name or a server limit the job's settings get wrong.
    e('1049', {
      category: 'config_error',
      weight: 0.75,
      description: 'MySQL 1049 ER_BAD_DB_ERROR (unknown database)',
    }),
    e('1146', {
      category: 'config_error',
      weight: 0.7,
      description: "MySQL 1146 ER_NO_SUCH_TABLE (table doesn't exist)",
    }),
    e('1153', {
      category: 'config_error',
      weight: 0.7,
      description:
        "MySQL 1153 ER_NET_PACKET_TOO_LARGE (got a packet bigger than 'max_allowed_packet')",
    }),
    e('1290', {
      category: 'config_error',
      weight: 0.55,
      description:
        'MySQL 1290 ER_OPTION_PREVENTS_STATEMENT (the server runs with --read-only or a similar option)',
    }),
    // Schema.
    e('1054', {
      category: 'schema_drift',
      weight: 0.6,
      description: 'MySQL 1054 ER_BAD_FIELD_ERROR (unknown column)',
    }),
    e('1136', {
      category: 'schema_drift',
      weight: 0.6,
      description:
        "MySQL 1136 ER_WRONG_VALUE_COUNT_ON_ROW (column count doesn't match value count)",
    }),
    // Data that the same statement rejects again.
    e('1062', {
      category: 'data_quality',
      weight: 0.8,
      description: 'MySQL 1062 ER_DUP_ENTRY (duplicate entry for key)',
    }),
    {
      key: 'bad-value',
      codes: ['1048', '1264', '1265', '1292', '1366', '1406', '1451', '1452'],
      category: 'data_quality',
      weight: 0.75,
      description:
        'MySQL 1048 (column cannot be null), 1264 (out of range), 1265 (data truncated), 1292 (incorrect value), 1366 (incorrect string or integer value), 1406 (data too long), 1451/1452 (foreign key constraint fails)',
      source: SERVER,
    },
    // Code.
    e('1064', {
      category: 'code_error',
      weight: 0.8,
      description: 'MySQL 1064 ER_PARSE_ERROR (syntax error)',
      // StarRocks and Doris send most of their errors as 1064; their message names the cause.
      unless: [
        {
          source:
            'exceed(?:ed)? (?:the )?limit|Too many versions|alive replica num',
          flags: 'i',
        },
      ],
      source: `${SERVER}; StarRocks docs, "Error codes" (docs.starrocks.io): errors returned over the MySQL protocol as 1064`,
    }),
    e('1305', {
      category: 'code_error',
      weight: 0.7,
      description:
        'MySQL 1305 ER_SP_DOES_NOT_EXIST (function or procedure does not exist)',
    }),
    // Resources: full tables and disks, memory. Not safe unchanged.
    {
      key: 'full',
      codes: ['1021', '1114'],
      category: 'resource_exhaustion',
      weight: 0.8,
      description:
        'MySQL 1021 ER_DISK_FULL, 1114 ER_RECORD_FILE_FULL (the table is full)',
      source: SERVER,
    },
    {
      key: 'memory',
      codes: ['1037', '1038', '1041'],
      category: 'resource_exhaustion',
      weight: 0.75,
      description: 'MySQL 1037/1038 (out of memory), 1041 ER_OUT_OF_RESOURCES',
      source: SERVER,
    },
  ],
};
