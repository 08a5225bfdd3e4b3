import type {
  Category,
  Environment,
  PartialWrite,
  Severity,
} from '@pipeline-triage/plugin-pipeline-triage-common';

export interface SeverityInput {
  category: Category;
  environment?: Environment;
  partialWrite: PartialWrite;
  safeToRetry: boolean;
  idempotent?: boolean;
}

/**
 * How urgently a person must act. Half-written production output is the worst case (readers
 * may already see it); a production failure nobody can retry comes next.
 */
export function decideSeverity(input: SeverityInput): Severity {
  const env = input.environment ?? 'prod';
  if (env === 'dev') return 'low';
  const corrupting = input.partialWrite === 'true' && !input.idempotent;
  if (env === 'prod') {
    if (corrupting) return 'critical';
    if (!input.safeToRetry) return 'high';
    return 'normal';
  }
  // staging
  if (corrupting || !input.safeToRetry) return 'normal';
  return 'low';
}

/** A broken data contract is a promise to consumers broken: never less than high severity. */
export function contractSeverity(
  severity: Severity,
  contractBroken: boolean,
): Severity {
  return contractBroken && (severity === 'normal' || severity === 'low')
    ? 'high'
    : severity;
}
