export { triageFailure, triageFailures } from './pipeline';
export type { FailureDecision, TriageOutcome, TriageStages } from './pipeline';
export { Reclassifier, conservativeRetry } from './reclassify';
export type { ReclassifyDeps } from './reclassify';
export { isoWeek } from './records';
export { asSilentFailure, silentFailureOf } from './silentSuccess';
export { FRESHNESS_WATCH_SENDER, missedRunOf } from './missedRun';
