import type { SilentFailure } from '@pipeline-triage/plugin-pipeline-triage-common';

/** Earlier successes with a known row count that must all have written rows before zero is news. */
export const ZERO_ROWS_AFTER_SUCCESSES = 2;
/** How many of the latest successes are read. */
const RECENT_SUCCESSES = 5;

/**
 * A completed run that wrote zero rows where the job's recent successful runs (those whose
 * output statistics were sent) all wrote some: the run "succeeded" and delivered nothing.
 */
export function zeroRowsSilence(
  rowsWritten: number | undefined,
  recentSuccesses: Array<{ at: string; rowsWritten?: number }>,
  outputs: string[],
): SilentFailure | undefined {
  if (rowsWritten !== 0) return undefined;
  const known = recentSuccesses
    .filter(r => r.rowsWritten !== undefined)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, RECENT_SUCCESSES)
    .map(r => r.rowsWritten!);
  if (known.length < ZERO_ROWS_AFTER_SUCCESSES || known.some(n => n === 0))
    return undefined;
  const sorted = [...known].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const where = outputs.length ? ` to ${outputs.join(', ')}` : '';
  return {
    kind: 'zero_rows',
    reason: `Silent failure: the run completed but wrote 0 rows${where}, where its last ${known.length} successful runs wrote rows (median ${median}).`,
  };
}
