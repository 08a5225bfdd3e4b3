import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import { extractEvidence } from '../evidence';
import { nonTransientReason } from '../policy/transience';

/**
 * The reason the retry policy finds a log's failure deterministic, read as if its category
 * defaulted to a retry: it checks a sign itself, whatever category the rules give the log.
 */
export function deterministicSignOf(
  logExcerpt: string,
  category: Category = 'dependency_unavailable',
): string | undefined {
  return nonTransientReason(extractEvidence({ logExcerpt }), category)?.reason;
}
