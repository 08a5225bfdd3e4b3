export { FreshnessWatchJob } from './FreshnessWatchJob';
export type { FreshnessWatchOptions } from './FreshnessWatchJob';
export { missedRuns, freshnessClauseOf } from './missedRuns';
export type { MissedRun, WatchedTable } from './missedRuns';
export { watchedTables } from './watchedTables';
