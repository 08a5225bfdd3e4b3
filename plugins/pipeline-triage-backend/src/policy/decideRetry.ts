import {
  CATEGORY_INFO,
  Category,
  PartialWrite,
  RetryHistory,
  RetryVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { ANNOTATIONS } from '@pipeline-triage/plugin-pipeline-triage-common';
import { applyHistory } from './retryHistory';
import type { TransientCause } from './transientCause';

export interface RetryInput {
  category: Category;
  partialWrite: PartialWrite;
  attempt?: number;
  maxAttempts?: number;
  /** Declared by the pipeline (annotation): a rerun cannot duplicate or corrupt output. */
  idempotent?: boolean;
  /** False for jobs that write nothing (checks, sensors, notifications). Unknown = assume yes. */
  writesOutput?: boolean;
  /** Classification confidence; below the floor a retry verdict would rest on a guess. */
  confidence?: number;
  /** Evidence that this failure will not pass on its own (see nonTransientReason). */
  nonTransient?: string;
  /**
   * The vendor-declared transient cause the evidence names (findTransientCause). Without one
   * the answer is no: a category's default never makes a yes alone.
   */
  transientCause?: TransientCause;
  /** What followed this job's earlier failures with the same signature: may only tighten. */
  history?: RetryHistory;
}

/**
 * Below this confidence the category is too uncertain to justify a "safe". On the calibrated
 * scale (classify/calibrate.ts) 0.75 is the raw 0.5 floor this policy always had: one generic
 * finding with no competitor. On the tuning cases no wrong "safe" cleared it at any
 * confidence, and the least confident right one sat at 0.76; below it the category itself is
 * a guess one time in four.
 */
export const RETRY_CONFIDENCE_FLOOR = 0.75;

const TRANSIENT_HINT =
  'an error its vendor declares retryable in the evidence (HTTP 429/503, a throttling code, SQLSTATE class 08 or 40001/40P01, ' +
  'gRPC UNAVAILABLE, a spot or pre-emption notice, a lost node or worker heartbeat, or a measured delaySeconds for late data)';

const WHY_NOT: Partial<Record<Category, string>> = {
  schema_drift:
    'a schema mismatch fails the same way until the schema or the job changes',
  data_quality: 'the same bad data fails the same checks again',
  permission: 'access stays denied until someone grants it',
  resource_exhaustion:
    'the same job hits the same limit unless resources or the job change',
  data_skew: 'the same skewed data overloads the same task again',
  small_file_pressure: 'the file layout stays the same until it is compacted',
  code_error: 'the same code fails the same way until it is fixed',
  config_error: 'the configuration stays wrong until someone fixes it',
  unknown: 'the cause is unknown, so a rerun is a guess',
};

const WAIT: Record<string, RetryVerdict['wait']> = {
  after_wait: 'upstream',
  with_backoff: 'backoff',
  yes: 'none',
};

const WHEN: Record<string, string> = {
  after_wait: 'once the upstream input has landed',
  with_backoff: 'with backoff, once the dependency answers again',
  yes: 'now; the platform failure is transient',
};

const IDEMPOTENT_HINT = `the ${ANNOTATIONS.idempotent}: "true" annotation on the pipeline`;

function whySafe(partialWrite: PartialWrite, idempotent?: boolean): string {
  if (partialWrite === 'true')
    return 'the job is idempotent, so the partial output is overwritten';
  if (partialWrite === 'false') return 'the run wrote nothing';
  return idempotent ? 'the job is idempotent' : 'the job writes no output';
}

/**
 * The deterministic retry policy of taxonomy.md. A yes needs every one of: a category that may
 * be retried, attempts left, a confident classification, no sign the failure is deterministic,
 * a transient cause its vendor declares retryable named in the evidence, and no partial write
 * (or a job declared idempotent). A wrong "safe" duplicates or corrupts data, so every doubt
 * answers "no" and names the signal that would have allowed "yes".
 */
export function decideRetry(input: RetryInput): RetryVerdict {
  return applyHistory(decideFromThisRun(input), input.history);
}

function decideFromThisRun(input: RetryInput): RetryVerdict {
  const {
    category,
    partialWrite,
    attempt,
    maxAttempts,
    idempotent,
    writesOutput,
    confidence,
  } = input;
  const rule = CATEGORY_INFO[category].retryDefault;
  if (rule === 'no') {
    return {
      safeToRetry: false,
      reason: `Not safe: ${
        WHY_NOT[category] ?? 'this category is not retried unchanged'
      }.`,
      wouldAllowYes:
        category === 'unknown'
          ? `the evidence the verdict lists as missing, naming ${TRANSIENT_HINT}`
          : `a root cause of a kind that passes on its own instead: ${TRANSIENT_HINT}`,
    };
  }
  // Exhausted retries are evidence only when there were retries: the failure then persisted.
  // A job allowed a single attempt never tried again, so a rerun is still worth its chance.
  if (
    attempt !== undefined &&
    maxAttempts !== undefined &&
    attempt >= maxAttempts &&
    attempt > 1
  ) {
    return {
      safeToRetry: false,
      reason: `Not safe: all ${maxAttempts} attempts failed, so the failure persists across retries.`,
      wouldAllowYes:
        'an attempt count below maxAttempts (the failure not yet repeated)',
    };
  }
  if (confidence !== undefined && confidence < RETRY_CONFIDENCE_FLOOR) {
    return {
      safeToRetry: false,
      reason: `Not safe: the classification is too uncertain (${confidence.toFixed(
        2,
      )}) to trust a retry.`,
      wouldAllowYes:
        'a root-cause line that identifies the failure specifically',
    };
  }
  if (input.nonTransient) {
    return {
      safeToRetry: false,
      reason: `Not safe: ${input.nonTransient}.`,
      wouldAllowYes: 'evidence that the failure was transient',
    };
  }
  const cause = input.transientCause;
  if (!cause) {
    return {
      safeToRetry: false,
      reason: `Not safe: nothing in the evidence names a transient cause, and the category (${category}) alone does not make a retry safe.`,
      wouldAllowYes: TRANSIENT_HINT,
    };
  }
  if (partialWrite === 'true' && !idempotent) {
    return {
      safeToRetry: false,
      reason:
        'Not safe: the run already wrote part of its output, and the job is not declared idempotent, so a rerun may duplicate it.',
      wouldAllowYes: IDEMPOTENT_HINT,
    };
  }
  if (partialWrite === 'unknown' && writesOutput !== false && !idempotent) {
    return {
      safeToRetry: false,
      reason:
        'Not safe: nothing shows whether the run wrote output before failing, and the job is not declared idempotent.',
      wouldAllowYes: `commitsDuringRun=0 or rowsWritten=0 in the event signals, or ${IDEMPOTENT_HINT}`,
    };
  }
  return {
    safeToRetry: true,
    wait: WAIT[rule],
    reason: `Safe to retry ${WHEN[rule]}: the evidence names ${cause.label}${
      cause.lineId ? ` (${cause.lineId})` : ''
    }, and ${whySafe(partialWrite, idempotent)}.`,
  };
}
