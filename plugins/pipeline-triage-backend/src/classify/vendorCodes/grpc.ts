import type { VendorCodeTable } from './types';

const DOC =
  'gRPC status codes (grpc.io/docs/guides/status-codes, grpc/doc/statuscodes.md)';

/**
 * gRPC canonical status codes (system `grpc`, by name). The gRPC guide says which ones a client
 * may retry: UNAVAILABLE always, DEADLINE_EXCEEDED and ABORTED at a higher level,
 * RESOURCE_EXHAUSTED when it is a quota that refills.
 */
export const grpcTable: VendorCodeTable = {
  name: 'grpc',
  system: 'grpc',
  entries: [
    {
      key: 'unavailable',
      code: 'UNAVAILABLE',
      category: 'dependency_unavailable',
      weight: 0.7,
      transient: true,
      description:
        'gRPC UNAVAILABLE (service unreachable or closing connections)',
      source: `${DOC}: "most likely a transient condition"`,
    },
    {
      key: 'deadline-exceeded',
      code: 'DEADLINE_EXCEEDED',
      category: 'dependency_unavailable',
      weight: 0.55,
      transient: true,
      description: 'gRPC DEADLINE_EXCEEDED (no answer in time)',
      source: DOC,
    },
    {
      key: 'aborted',
      code: 'ABORTED',
      category: 'dependency_unavailable',
      weight: 0.45,
      transient: true,
      description:
        'gRPC ABORTED (concurrency conflict; retry at a higher level)',
      source: DOC,
    },
    // Quota wording makes it a rate limit (the rate-limit rule reads that); otherwise a size or memory limit.
    {
      key: 'resource-exhausted',
      code: 'RESOURCE_EXHAUSTED',
      category: 'resource_exhaustion',
      weight: 0.55,
      description:
        'gRPC RESOURCE_EXHAUSTED (a per-user quota, or a size or memory limit)',
      source: DOC,
      unless: [
        {
          source:
            'quota|rate limit|too many requests|per (?:second|minute|day)',
          flags: 'i',
        },
      ],
    },
    {
      key: 'permission-denied',
      code: 'PERMISSION_DENIED',
      category: 'permission',
      weight: 0.8,
      description: 'gRPC PERMISSION_DENIED',
      source: DOC,
    },
    {
      key: 'unauthenticated',
      code: 'UNAUTHENTICATED',
      category: 'permission',
      weight: 0.8,
      description: 'gRPC UNAUTHENTICATED (no valid credentials)',
      source: DOC,
    },
    {
      key: 'not-found',
      code: 'NOT_FOUND',
      category: 'config_error',
      weight: 0.35,
      description: 'gRPC NOT_FOUND',
      source: DOC,
    },
    {
      key: 'invalid-argument',
      code: 'INVALID_ARGUMENT',
      category: 'code_error',
      weight: 0.4,
      description:
        'gRPC INVALID_ARGUMENT (the request is malformed whatever the state)',
      source: DOC,
    },
    {
      key: 'out-of-range',
      code: 'OUT_OF_RANGE',
      category: 'code_error',
      weight: 0.35,
      description: 'gRPC OUT_OF_RANGE',
      source: DOC,
    },
    {
      key: 'failed-precondition',
      code: 'FAILED_PRECONDITION',
      category: 'config_error',
      weight: 0.35,
      description:
        'gRPC FAILED_PRECONDITION (system not in the state the call needs)',
      source: `${DOC}: "should not retry until the system state has been explicitly fixed"`,
    },
    {
      key: 'unimplemented',
      code: 'UNIMPLEMENTED',
      category: 'config_error',
      weight: 0.55,
      description: 'gRPC UNIMPLEMENTED (client and server versions disagree)',
      source: DOC,
    },
    {
      key: 'already-exists',
      code: 'ALREADY_EXISTS',
      category: 'code_error',
      weight: 0.3,
      description: 'gRPC ALREADY_EXISTS',
      source: DOC,
    },
    {
      key: 'internal',
      code: 'INTERNAL',
      category: 'dependency_unavailable',
      weight: 0.35,
      description: 'gRPC INTERNAL (server invariant broken)',
      source: DOC,
    },
    {
      key: 'data-loss',
      code: 'DATA_LOSS',
      category: 'infrastructure',
      weight: 0.5,
      description: 'gRPC DATA_LOSS (unrecoverable data loss or corruption)',
      source: DOC,
    },
  ],
};
