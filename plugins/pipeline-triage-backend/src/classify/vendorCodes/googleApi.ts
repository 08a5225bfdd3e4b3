import type { VendorCodeTable } from './types';

const GOOGLE_API = 'https://cloud.google.com/apis/design/errors';
const SOURCE = 'https://cloud.google.com/bigquery/docs/error-messages';

/**
 * BigQuery error reasons (`reason: 'quotaExceeded'`, `..., accessDenied`) and general Google API reasons.
 * Google answers quota, rate and billing problems with HTTP 403, so those reasons explain the 403
 * (a permission reading) away.
 */
export const googleApiTable: VendorCodeTable = {
  name: 'google',
  system: 'bigquery',
  entries: [
    {
      key: 'accessDenied',
      code: 'accessDenied',
      category: 'permission',
      weight: 0.85,
      description: 'BigQuery accessDenied (access denied to a resource)',
      source: SOURCE,
    },
    {
      key: 'billingNotEnabled',
      code: 'billingNotEnabled',
      category: 'config_error',
      weight: 0.8,
      description:
        'BigQuery billingNotEnabled (billing is not enabled for the project)',
      source: SOURCE,
      explains: ['permission'],
    },
    {
      key: 'billingTierLimitExceeded',
      code: 'billingTierLimitExceeded',
      category: 'resource_exhaustion',
      weight: 0.8,
      description:
        'BigQuery billingTierLimitExceeded (query exceeded the billing tier)',
      source: SOURCE,
      explains: ['permission'],
    },
    {
      // The job's own cap (maximumBytesBilled), often under an HTTP 500 wrapper: a setting.
      key: 'bytesBilledLimitExceeded',
      code: 'bytesBilledLimitExceeded',
      category: 'config_error',
      weight: 0.9,
      description:
        "BigQuery bytesBilledLimitExceeded (the query would bill more bytes than the job's maximum_bytes_billed allows)",
      source: SOURCE,
      explains: ['dependency_unavailable', 'permission', 'resource_exhaustion'],
    },
    {
      key: 'blocked',
      code: 'blocked',
      category: 'permission',
      weight: 0.5,
      description: 'BigQuery blocked (the request was blocked (denylist))',
      source: SOURCE,
    },
    {
      key: 'backendError',
      code: 'backendError',
      category: 'dependency_unavailable',
      weight: 0.85,
      transient: true,
      description: 'BigQuery backendError (transient backend error)',
      source: SOURCE,
    },
    {
      key: 'internalError',
      code: 'internalError',
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description: 'BigQuery internalError (internal error; retry)',
      source: SOURCE,
    },
    {
      key: 'jobBackendError',
      code: 'jobBackendError',
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description:
        'BigQuery jobBackendError (the job failed on a backend error)',
      source: SOURCE,
    },
    {
      key: 'jobInternalError',
      code: 'jobInternalError',
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description:
        'BigQuery jobInternalError (the job failed on an internal error)',
      source: SOURCE,
    },
    {
      key: 'tableUnavailable',
      code: 'tableUnavailable',
      category: 'dependency_unavailable',
      weight: 0.7,
      transient: true,
      description:
        'BigQuery tableUnavailable (a table is temporarily unavailable)',
      source: SOURCE,
    },
    {
      key: 'resourceInUse',
      code: 'resourceInUse',
      category: 'dependency_unavailable',
      weight: 0.5,
      description:
        'BigQuery resourceInUse (the resource is in use by another job)',
      source: SOURCE,
    },
    {
      key: 'rateLimitExceeded',
      code: 'rateLimitExceeded',
      category: 'dependency_unavailable',
      weight: 0.85,
      transient: true,
      description:
        'BigQuery rateLimitExceeded (short-term rate limit exceeded)',
      source: SOURCE,
      explains: ['permission'],
    },
    {
      key: 'quotaExceeded',
      code: 'quotaExceeded',
      category: 'resource_exhaustion',
      weight: 0.8,
      description: 'BigQuery quotaExceeded (a quota was exceeded)',
      source: SOURCE,
      explains: ['permission'],
    },
    {
      key: 'resourcesExceeded',
      code: 'resourcesExceeded',
      category: 'resource_exhaustion',
      weight: 0.85,
      description:
        'BigQuery resourcesExceeded (the query used too many resources)',
      source: SOURCE,
    },
    {
      key: 'responseTooLarge',
      code: 'responseTooLarge',
      category: 'resource_exhaustion',
      weight: 0.8,
      description: 'BigQuery responseTooLarge (the result is too large)',
      source: SOURCE,
    },
    {
      key: 'timeout',
      code: 'timeout',
      category: 'resource_exhaustion',
      weight: 0.45,
      description: 'BigQuery timeout (the job timed out)',
      source: SOURCE,
    },
    {
      key: 'invalidQuery',
      code: 'invalidQuery',
      category: 'code_error',
      weight: 0.55,
      description: 'BigQuery invalidQuery (the query is invalid)',
      source: SOURCE,
    },
    {
      key: 'notImplemented',
      code: 'notImplemented',
      category: 'code_error',
      weight: 0.5,
      description: 'BigQuery notImplemented (the feature is not implemented)',
      source: SOURCE,
    },
    {
      key: 'invalidUser',
      code: 'invalidUser',
      category: 'permission',
      weight: 0.6,
      description: 'BigQuery invalidUser (the user is invalid)',
      source: SOURCE,
    },
    {
      key: 'notFound',
      code: 'notFound',
      category: 'config_error',
      weight: 0.4,
      description: 'BigQuery notFound (a referenced resource was not found)',
      source: SOURCE,
    },
    {
      key: 'notFound-source_delay',
      code: 'notFound',
      category: 'source_delay',
      weight: 0.25,
      description:
        'BigQuery notFound (a referenced resource was not found): also read as source delay',
      source: SOURCE,
    },
    // General Google API reasons (googleapis error model)
    {
      key: 'userRateLimitExceeded',
      code: 'userRateLimitExceeded',
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description:
        'BigQuery userRateLimitExceeded (per-user rate limit exceeded)',
      source: GOOGLE_API,
      explains: ['permission'],
    },
    {
      key: 'dailyLimitExceeded',
      code: 'dailyLimitExceeded',
      category: 'resource_exhaustion',
      weight: 0.7,
      description:
        'BigQuery dailyLimitExceeded (daily quota used up (a retry today fails too))',
      source: GOOGLE_API,
      explains: ['permission'],
    },
    {
      key: 'insufficientPermissions',
      code: 'insufficientPermissions',
      category: 'permission',
      weight: 0.85,
      description:
        'BigQuery insufficientPermissions (the credentials lack a permission)',
      source: GOOGLE_API,
    },
    {
      key: 'authError',
      code: 'authError',
      category: 'permission',
      weight: 0.8,
      description: 'BigQuery authError (invalid credentials)',
      source: GOOGLE_API,
    },
    {
      key: 'forbidden',
      code: 'forbidden',
      category: 'permission',
      weight: 0.6,
      description: 'BigQuery forbidden (forbidden)',
      source: GOOGLE_API,
    },
  ],
};
