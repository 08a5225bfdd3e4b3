import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { VendorCodeEntry, VendorCodeTable } from './types';

const CODES =
  'ClickHouse src/Common/ErrorCodes.cpp (https://github.com/ClickHouse/ClickHouse/blob/master/src/Common/ErrorCodes.cpp)';

/** Each ClickHouse error has a number and a name; clients print one, the other or both. */
function ch(
  pairs: Array<[number, string]>,
  category: Exclude<Category, 'unknown'>,
  weight: number,
  description: string,
  extra: Partial<VendorCodeEntry> = {},
): VendorCodeEntry {
  return {
    key: pairs[0][1].toLowerCase().replace(/_/g, '-'),
    codes: pairs.flatMap(([n, name]) => [String(n), name]),
    category,
    weight,
    description,
    source: CODES,
    ...extra,
  };
}

/**
 * ClickHouse exception codes: `Code: 252. DB::Exception: ... (TOO_MANY_PARTS)` (server, client,
 * JDBC), `code: 241, message: ...` (Go and HTTP clients).
 */
export const clickhouseTable: VendorCodeTable = {
  name: 'clickhouse',
  system: 'clickhouse',
  entries: [
    ch(
      [[241, 'MEMORY_LIMIT_EXCEEDED']],
      'resource_exhaustion',
      0.85,
      'ClickHouse 241 MEMORY_LIMIT_EXCEEDED (query or server memory limit)',
    ),
    ch(
      [
        [243, 'NOT_ENOUGH_SPACE'],
        [158, 'TOO_MANY_ROWS'],
        [307, 'TOO_MANY_BYTES'],
        [396, 'TOO_MANY_ROWS_OR_BYTES'],
      ],
      'resource_exhaustion',
      0.7,
      'ClickHouse 243 NOT_ENOUGH_SPACE, 158/307/396 (a configured row or byte limit of the query)',
    ),
    ch(
      [[159, 'TIMEOUT_EXCEEDED']],
      'resource_exhaustion',
      0.6,
      'ClickHouse 159 TIMEOUT_EXCEEDED (max_execution_time of the query)',
    ),
    ch(
      [[252, 'TOO_MANY_PARTS']],
      'small_file_pressure',
      0.85,
      'ClickHouse 252 TOO_MANY_PARTS (more active parts than parts_to_throw_insert: inserts too small and too frequent for merges)',
      {
        explains: ['resource_exhaustion'],
        source: `${CODES}; ClickHouse knowledge base "Too many parts" (https://clickhouse.com/docs/knowledgebase/exception-too-many-parts)`,
      },
    ),
    ch(
      [
        [202, 'TOO_MANY_SIMULTANEOUS_QUERIES'],
        [203, 'NO_FREE_CONNECTION'],
        [209, 'SOCKET_TIMEOUT'],
        [210, 'NETWORK_ERROR'],
        [279, 'ALL_CONNECTION_TRIES_FAILED'],
      ],
      'dependency_unavailable',
      0.75,
      'ClickHouse 202 TOO_MANY_SIMULTANEOUS_QUERIES, 203 NO_FREE_CONNECTION, 209 SOCKET_TIMEOUT, 210 NETWORK_ERROR, 279 ALL_CONNECTION_TRIES_FAILED',
      { transient: true },
    ),
    ch(
      [
        [516, 'AUTHENTICATION_FAILED'],
        [192, 'UNKNOWN_USER'],
        [194, 'REQUIRED_PASSWORD'],
        [497, 'ACCESS_DENIED'],
        [291, 'DATABASE_ACCESS_DENIED'],
      ],
      'permission',
      0.85,
      'ClickHouse 516 AUTHENTICATION_FAILED, 192 UNKNOWN_USER, 194 REQUIRED_PASSWORD, 497 ACCESS_DENIED, 291 DATABASE_ACCESS_DENIED',
    ),
    ch(
      [
        [115, 'UNKNOWN_SETTING'],
        [452, 'SETTING_CONSTRAINT_VIOLATION'],
        [137, 'UNKNOWN_ELEMENT_IN_CONFIG'],
        [139, 'NO_ELEMENTS_IN_CONFIG'],
      ],
      'config_error',
      0.82,
      'ClickHouse 115 UNKNOWN_SETTING, 452 SETTING_CONSTRAINT_VIOLATION (a profile constraint forbids the change), 137 UNKNOWN_ELEMENT_IN_CONFIG, 139 NO_ELEMENTS_IN_CONFIG: a setting this server does not have or may not change',
      {
        // The HTTP interface answers any query exception with a 4xx/5xx status; the status
        // is the transport of the error, not an unavailable endpoint.
        explains: ['dependency_unavailable', 'code_error'],
        source: `${CODES}; ClickHouse docs, "Settings" and "Constraints on Settings" (https://clickhouse.com/docs/operations/settings/constraints-on-settings)`,
      },
    ),
    ch(
      [
        [60, 'UNKNOWN_TABLE'],
        [81, 'UNKNOWN_DATABASE'],
      ],
      'config_error',
      0.7,
      'ClickHouse 60 UNKNOWN_TABLE, 81 UNKNOWN_DATABASE',
    ),
    ch(
      [
        [16, 'NO_SUCH_COLUMN_IN_TABLE'],
        [47, 'UNKNOWN_IDENTIFIER'],
        [8, 'THERE_IS_NO_COLUMN'],
        [10, 'NOT_FOUND_COLUMN_IN_BLOCK'],
        [53, 'TYPE_MISMATCH'],
      ],
      'schema_drift',
      0.6,
      'ClickHouse 16 NO_SUCH_COLUMN_IN_TABLE, 47 UNKNOWN_IDENTIFIER, 8 THERE_IS_NO_COLUMN, 10 NOT_FOUND_COLUMN_IN_BLOCK, 53 TYPE_MISMATCH',
    ),
    ch(
      [
        [6, 'CANNOT_PARSE_TEXT'],
        [26, 'CANNOT_PARSE_QUOTED_STRING'],
        [27, 'CANNOT_PARSE_INPUT_ASSERTION_FAILED'],
        [38, 'CANNOT_PARSE_DATE'],
        [41, 'CANNOT_PARSE_DATETIME'],
        [72, 'CANNOT_PARSE_NUMBER'],
        [70, 'CANNOT_CONVERT_TYPE'],
        [117, 'INCORRECT_DATA'],
        [69, 'ARGUMENT_OUT_OF_BOUND'],
      ],
      'data_quality',
      0.75,
      'ClickHouse CANNOT_PARSE_* (6, 26, 27, 38, 41, 72), 70 CANNOT_CONVERT_TYPE, 117 INCORRECT_DATA, 69 ARGUMENT_OUT_OF_BOUND',
    ),
    {
      key: 'cannot-parse-family',
      prefix: 'CANNOT_PARSE_',
      category: 'data_quality',
      weight: 0.6,
      description:
        'ClickHouse CANNOT_PARSE_* (an input value the format cannot read)',
      source: CODES,
    },
    ch(
      [
        [62, 'SYNTAX_ERROR'],
        [46, 'UNKNOWN_FUNCTION'],
        [215, 'NOT_AN_AGGREGATE'],
        [43, 'ILLEGAL_TYPE_OF_ARGUMENT'],
        [42, 'NUMBER_OF_ARGUMENTS_DOESNT_MATCH'],
      ],
      'code_error',
      0.75,
      'ClickHouse 62 SYNTAX_ERROR, 46 UNKNOWN_FUNCTION, 215 NOT_AN_AGGREGATE, 43 ILLEGAL_TYPE_OF_ARGUMENT, 42 NUMBER_OF_ARGUMENTS_DOESNT_MATCH',
    ),
  ],
};
