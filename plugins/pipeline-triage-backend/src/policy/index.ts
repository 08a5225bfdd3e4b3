export { decidePartialWrite } from './decidePartialWrite';
export { decideRetry, RETRY_CONFIDENCE_FLOOR } from './decideRetry';
export type { RetryInput } from './decideRetry';
export { contractSeverity, decideSeverity } from './decideSeverity';
export type { SeverityInput } from './decideSeverity';
export { nonTransientReason } from './transience';
export { findTransientCause } from './transientCause';
export type { TransientCause } from './transientCause';
export { RETRYABLE_CLASSES } from './retryableClasses';
export type { RetryableClass } from './retryableClasses';
export { DETERMINISTIC_SIGNS } from './deterministicSigns';
export {
  applyHistory,
  FAILED_RETRIES_FOR_NO,
  FLAKY_FLIPS,
  flakyFlips,
  summariseHistory,
} from './retryHistory';
export { CHANGE_SUPPORTS, changesSince, describeChange } from './runChanges';
export type { RunSnapshot } from './runChanges';
export type { JobOutcome } from './retryHistory';
export { zeroRowsSilence, ZERO_ROWS_AFTER_SUCCESSES } from './silentRuns';
