import type { VendorCodeTable } from './types';

const GOOGLE_API = 'https://cloud.google.com/apis/design/errors';

/**
 * BigQuery error reasons (`reason: 'quotaExceeded'`, `..., accessDenied`) and general Google API reasons.
 * Google answers quota, rate and billing problems with HTTP 403, so those reasons explain the 403
 * (a permission reading) away.
 */
export const googleApiReasons: VendorCodeTable = {
  system: 'bigquery',
  vendor: 'BigQuery',
  source: 'https://cloud.google.com/bigquery/docs/error-messages',
  codes: [
    { code: 'accessDenied', category: 'permission', weight: 0.85, meaning: 'access denied to a resource' },
    { code: 'billingNotEnabled', category: 'config_error', weight: 0.8, meaning: 'billing is not enabled for the project', explains: ['permission'] },
    { code: 'billingTierLimitExceeded', category: 'resource_exhaustion', weight: 0.8, meaning: 'query exceeded the billing tier', explains: ['permission'] },
    { code: 'blocked', category: 'permission', weight: 0.5, meaning: 'the request was blocked (denylist)' },
    { code: 'backendError', category: 'dependency_unavailable', weight: 0.85, meaning: 'transient backend error' },
    { code: 'internalError', category: 'dependency_unavailable', weight: 0.8, meaning: 'internal error; retry' },
    { code: 'jobBackendError', category: 'dependency_unavailable', weight: 0.75, meaning: 'the job failed on a backend error' },
    { code: 'jobInternalError', category: 'dependency_unavailable', weight: 0.75, meaning: 'the job failed on an internal error' },
    { code: 'tableUnavailable', category: 'dependency_unavailable', weight: 0.7, meaning: 'a table is temporarily unavailable' },
    { code: 'resourceInUse', category: 'dependency_unavailable', weight: 0.5, meaning: 'the resource is in use by another job' },
    { code: 'rateLimitExceeded', category: 'dependency_unavailable', weight: 0.85, meaning: 'short-term rate limit exceeded', explains: ['permission'] },
    { code: 'quotaExceeded', category: 'resource_exhaustion', weight: 0.8, meaning: 'a quota was exceeded', explains: ['permission'] },
    { code: 'resourcesExceeded', category: 'resource_exhaustion', weight: 0.85, meaning: 'the query used too many resources' },
    { code: 'responseTooLarge', category: 'resource_exhaustion', weight: 0.8, meaning: 'the result is too large' },
    { code: 'timeout', category: 'resource_exhaustion', weight: 0.45, meaning: 'the job timed out' },
    { code: 'invalidQuery', category: 'code_error', weight: 0.55, meaning: 'the query is invalid' },
    { code: 'notImplemented', category: 'code_error', weight: 0.5, meaning: 'the feature is not implemented' },
    { code: 'invalidUser', category: 'permission', weight: 0.6, meaning: 'the user is invalid' },
    { code: 'notFound', category: 'config_error', weight: 0.4, meaning: 'a referenced resource was not found', also: { category: 'source_delay', weight: 0.25 } },
    // General Google API reasons (googleapis error model)
    { code: 'userRateLimitExceeded', category: 'dependency_unavailable', weight: 0.8, meaning: 'per-user rate limit exceeded', source: GOOGLE_API, explains: ['permission'] },
    { code: 'dailyLimitExceeded', category: 'resource_exhaustion', weight: 0.7, meaning: 'daily quota used up (a retry today fails too)', source: GOOGLE_API, explains: ['permission'] },
    { code: 'insufficientPermissions', category: 'permission', weight: 0.85, meaning: 'the credentials lack a permission', source: GOOGLE_API },
    { code: 'authError', category: 'permission', weight: 0.8, meaning: 'invalid credentials', source: GOOGLE_API },
    { code: 'forbidden', category: 'permission', weight: 0.6, meaning: 'forbidden', source: GOOGLE_API },
  ],
};
