import type { VendorCodeTable } from './types';

const RFC = 'RFC 9110 (HTTP Semantics)';

/**
 * HTTP status codes (system `http`). 5xx are server faults and, for 502/503/504, documented as
 * temporary; 429 is a rate limit; other 4xx say the request itself is wrong and repeats.
 */
export const httpTable: VendorCodeTable = {
  name: 'http',
  system: 'http',
  entries: [
    { key: '429', code: '429', category: 'dependency_unavailable', weight: 0.85, transient: true, description: 'HTTP 429 rate limit', source: 'RFC 6585 §4 (429 Too Many Requests)' },
    { key: '408', code: '408', category: 'dependency_unavailable', weight: 0.5, transient: true, description: 'HTTP 408 request timeout', source: `${RFC} §15.5.9` },
    { key: '401', code: '401', category: 'permission', weight: 0.75, description: 'HTTP 401 (not authenticated)', source: `${RFC} §15.5.2` },
    { key: '403', code: '403', category: 'permission', weight: 0.7, description: 'HTTP 403 (forbidden)', source: `${RFC} §15.5.4`, unless: [{ source: 'rateLimitExceeded|rate limit|quota', flags: 'i' }] },
    { key: '407', code: '407', category: 'config_error', weight: 0.6, description: 'HTTP 407 (proxy authentication required)', source: `${RFC} §15.5.8` },
    { key: '404', code: '404', category: 'config_error', weight: 0.3, description: 'HTTP 404', source: `${RFC} §15.5.5` },
    { key: '410', code: '410', category: 'config_error', weight: 0.45, description: 'HTTP 410 (gone for good)', source: `${RFC} §15.5.11` },
    { key: '400', code: '400', category: 'code_error', weight: 0.35, description: 'HTTP 400 (the request itself was rejected)', source: `${RFC} §15.5.1` },
    { key: '413', code: '413', category: 'resource_exhaustion', weight: 0.45, description: 'HTTP 413 (payload larger than the server accepts)', source: `${RFC} §15.5.14` },
    { key: '415', code: '415', category: 'code_error', weight: 0.4, description: 'HTTP 415 (unsupported media type)', source: `${RFC} §15.5.16` },
    { key: '422', code: '422', category: 'data_quality', weight: 0.4, description: 'HTTP 422 (content fails validation)', source: `${RFC} §15.5.21` },
    { key: '451', code: '451', category: 'permission', weight: 0.5, description: 'HTTP 451 (unavailable for legal reasons)', source: 'RFC 7725 §3' },
    { key: '4xx', prefix: '4', category: 'config_error', weight: 0.35, description: 'HTTP 4xx client error (the request is wrong and will be again)', source: `${RFC} §15.5` },
    { key: '500', code: '500', category: 'dependency_unavailable', weight: 0.6, transient: true, description: 'HTTP 500 from a remote service', source: `${RFC} §15.6.1; retried by the AWS and Google API clients` },
    { key: '502', code: '502', category: 'dependency_unavailable', weight: 0.6, transient: true, description: 'HTTP 502 bad gateway', source: `${RFC} §15.6.3` },
    { key: '503', code: '503', category: 'dependency_unavailable', weight: 0.6, transient: true, description: 'HTTP 503 service unavailable', source: `${RFC} §15.6.4 ("temporary overload or maintenance")` },
    { key: '504', code: '504', category: 'dependency_unavailable', weight: 0.6, transient: true, description: 'HTTP 504 gateway timeout', source: `${RFC} §15.6.5` },
    { key: '501', code: '501', category: 'config_error', weight: 0.45, description: 'HTTP 501 (method not implemented by the server)', source: `${RFC} §15.6.2` },
    { key: '505', code: '505', category: 'config_error', weight: 0.45, description: 'HTTP 505 (protocol version not supported)', source: `${RFC} §15.6.6` },
    { key: '507', code: '507', category: 'resource_exhaustion', weight: 0.7, description: 'HTTP 507 (server storage full)', source: 'RFC 4918 §11.5' },
    { key: '5xx', prefix: '5', category: 'dependency_unavailable', weight: 0.5, description: 'HTTP 5xx server error', source: `${RFC} §15.6` },
  ],
};
