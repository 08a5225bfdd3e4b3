import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { VendorCodeEntry, VendorCodeTable } from './types';

const CODES =
  'MongoDB "Error Codes" (https://www.mongodb.com/docs/manual/reference/error-codes/) and src/mongo/base/error_codes.yml';
const RETRYABLE =
  'MongoDB "Retryable Writes" specification (https://github.com/mongodb/specifications/blob/master/source/retryable-writes/retryable-writes.md): these codes are retryable errors';

/** MongoDB errors carry a number and a codeName; drivers print one or both. */
function mongo(
  pairs: Array<[number, string]>,
  category: Exclude<Category, 'unknown'>,
  weight: number,
  description: string,
  extra: Partial<VendorCodeEntry> = {},
): VendorCodeEntry {
  return {
    key: pairs[0][1],
    codes: pairs.flatMap(([n, name]) => [String(n), name]),
    category,
    weight,
    description,
    source: CODES,
    ...extra,
  };
}

/**
 * MongoDB server codes: `E11000 duplicate key error`, `code=11000`, `'code': 10107,
 * 'codeName': 'NotWritablePrimary'`, `Command failed with error 18 (AuthenticationFailed)`.
 */
export const mongodbTable: VendorCodeTable = {
  name: 'mongodb',
  system: 'mongodb',
  entries: [
    mongo(
      [
        [11000, 'DuplicateKey'],
        [11001, 'DuplicateKeyLegacy'],
      ],
      'data_quality',
      0.8,
      'MongoDB 11000 DuplicateKey (E11000 duplicate key error)',
    ),
    mongo(
      [
        [121, 'DocumentValidationFailure'],
        [10334, 'BSONObjectTooLarge'],
      ],
      'data_quality',
      0.75,
      'MongoDB 121 DocumentValidationFailure, 10334 BSONObjectTooLarge (a document over 16 MB)',
    ),
    mongo(
      [
        [18, 'AuthenticationFailed'],
        [13, 'Unauthorized'],
      ],
      'permission',
      0.85,
      'MongoDB 18 AuthenticationFailed, 13 Unauthorized',
    ),
    mongo(
      [
        [10107, 'NotWritablePrimary'],
        [13435, 'NotPrimaryNoSecondaryOk'],
        [13436, 'NotPrimaryOrSecondary'],
        [189, 'PrimarySteppedDown'],
        [91, 'ShutdownInProgress'],
        [11600, 'InterruptedAtShutdown'],
        [11602, 'InterruptedDueToReplStateChange'],
        [6, 'HostUnreachable'],
        [7, 'HostNotFound'],
        [89, 'NetworkTimeout'],
        [9001, 'SocketException'],
        [262, 'ExceededTimeLimit'],
      ],
      'dependency_unavailable',
      0.75,
      'MongoDB replica-set failover and network codes (10107 NotWritablePrimary, 189 PrimarySteppedDown, 91 ShutdownInProgress, 11600/11602 interrupted, 6/7/89/9001 network, 262 ExceededTimeLimit)',
      {
        transient: true,
        source: `${CODES}; ${RETRYABLE}`,
        explains: ['infrastructure'],
      },
    ),
    mongo(
      [[112, 'WriteConflict']],
      'dependency_unavailable',
      0.75,
      'MongoDB 112 WriteConflict (a concurrent write to the same document; labelled TransientTransactionError)',
      {
        transient: true,
        source: `${CODES}; MongoDB "Transactions in production: TransientTransactionError" (https://www.mongodb.com/docs/manual/core/transactions-in-applications/)`,
      },
    ),
    mongo(
      [[16500, 'RequestRateTooLarge']],
      'dependency_unavailable',
      0.75,
      'Azure Cosmos DB for MongoDB 16500 (request rate is large: throughput exceeded, retry after the given time)',
      {
        transient: true,
        source:
          'Azure Cosmos DB for MongoDB "Troubleshoot common issues" (https://learn.microsoft.com/en-us/azure/cosmos-db/mongodb/error-codes-solutions): 16500 is rate limiting, retried after a delay',
      },
    ),
    mongo(
      [[50, 'MaxTimeMSExpired']],
      'resource_exhaustion',
      0.6,
      'MongoDB 50 MaxTimeMSExpired (the operation exceeded its maxTimeMS)',
    ),
    mongo(
      [
        [146, 'ExceededMemoryLimit'],
        [292, 'QueryExceededMemoryLimitNoDiskUseAllowed'],
        [14031, 'OutOfDiskSpace'],
      ],
      'resource_exhaustion',
      0.8,
      'MongoDB 146 ExceededMemoryLimit, 292 QueryExceededMemoryLimitNoDiskUseAllowed, 14031 OutOfDiskSpace',
    ),
    mongo(
      [[26, 'NamespaceNotFound']],
      'config_error',
      0.6,
      'MongoDB 26 NamespaceNotFound (no such collection or database)',
    ),
    mongo(
      [
        [9, 'FailedToParse'],
        [2, 'BadValue'],
      ],
      'code_error',
      0.55,
      'MongoDB 9 FailedToParse, 2 BadValue (a malformed command or query)',
    ),
  ],
};
