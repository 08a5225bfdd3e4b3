/**
 * The fixed failure taxonomy. Users may add rules, never categories: a fixed set is what makes
 * routing, retry policy and weekly trends comparable across teams and weeks.
 *
 * @public
 */
export const CATEGORIES = [
  'schema_drift',
  'data_quality',
  'source_delay',
  'permission',
  'resource_exhaustion',
  'data_skew',
  'small_file_pressure',
  'dependency_unavailable',
  'infrastructure',
  'code_error',
  'config_error',
  'unknown',
] as const;

/** @public */
export type Category = (typeof CATEGORIES)[number];

/** @public */
export const DOMAINS = ['data', 'infra', 'code', 'unknown'] as const;

/** @public */
export type Domain = (typeof DOMAINS)[number];

/**
 * How the taxonomy answers "is a retry safe" before partial-write evidence is considered.
 *
 * @public
 */
export type RetryDefault = 'no' | 'yes' | 'after_wait' | 'with_backoff';

/** @public */
export interface CategoryInfo {
  domain: Domain;
  label: string;
  summary: string;
  retryDefault: RetryDefault;
  /** One colour per category, the same on every chart and chip. */
  color: string;
}

/** @public */
export const CATEGORY_INFO: Record<Category, CategoryInfo> = {
  schema_drift: {
    domain: 'data',
    label: 'Schema drift',
    summary: 'Source or target schema changed or does not match',
    retryDefault: 'no',
    color: '#8e24aa',
  },
  data_quality: {
    domain: 'data',
    label: 'Data quality',
    summary:
      'Data violates expectations (nulls, duplicates, invalid values, failed tests)',
    retryDefault: 'no',
    color: '#d81b60',
  },
  source_delay: {
    domain: 'data',
    label: 'Source delay',
    summary: 'Upstream data is not there yet',
    retryDefault: 'after_wait',
    color: '#fb8c00',
  },
  permission: {
    domain: 'infra',
    label: 'Permission',
    summary: 'Access denied, missing grant or invalid credentials',
    retryDefault: 'no',
    color: '#e53935',
  },
  resource_exhaustion: {
    domain: 'infra',
    label: 'Resource exhaustion',
    summary: 'Out of memory, disk, quota or file handles',
    retryDefault: 'no',
    color: '#6d4c41',
  },
  data_skew: {
    domain: 'code',
    label: 'Data skew',
    summary: 'One partition, key or task carries far more data than the rest',
    retryDefault: 'no',
    color: '#5e35b1',
  },
  small_file_pressure: {
    domain: 'infra',
    label: 'Small-file pressure',
    summary: 'Too many small files; needs compaction',
    retryDefault: 'no',
    color: '#00897b',
  },
  dependency_unavailable: {
    domain: 'infra',
    label: 'Dependency unavailable',
    summary: 'An external service is down, throttling or unreachable',
    retryDefault: 'with_backoff',
    color: '#1e88e5',
  },
  infrastructure: {
    domain: 'infra',
    label: 'Infrastructure',
    summary:
      'The platform failed: lost workers, evictions, scheduler or metastore failures',
    retryDefault: 'yes',
    color: '#546e7a',
  },
  code_error: {
    domain: 'code',
    label: 'Code error',
    summary: "A bug in the job's code or SQL",
    retryDefault: 'no',
    color: '#f4511e',
  },
  config_error: {
    domain: 'code',
    label: 'Config error',
    summary: 'Wrong or missing configuration, connection, secret or path',
    retryDefault: 'no',
    color: '#c0ca33',
  },
  unknown: {
    domain: 'unknown',
    label: 'Unknown',
    summary: 'The evidence supports no category with confidence',
    retryDefault: 'no',
    color: '#9e9e9e',
  },
};

/** @public */
export function domainOf(category: Category): Domain {
  return CATEGORY_INFO[category].domain;
}

/** @public */
export function isCategory(value: unknown): value is Category {
  return (
    typeof value === 'string' &&
    (CATEGORIES as readonly string[]).includes(value)
  );
}

/** @public */
export const DOMAIN_COLORS: Record<Domain, string> = {
  data: '#8e24aa',
  infra: '#1e88e5',
  code: '#f4511e',
  unknown: '#9e9e9e',
};
