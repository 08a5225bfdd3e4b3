import type { IncidentSummary } from '@pipeline-triage/plugin-pipeline-triage-common';

/**
 * The incidents that keep coming back, most occurrences first; ties go to the most recent.
 * Client-side for now: the backend has no "order by occurrences" yet.
 */
export function topRepeatFailures(
  items: IncidentSummary[],
  count = 10,
): IncidentSummary[] {
  return items
    .filter(i => i.occurrences > 1)
    .sort(
      (a, b) =>
        b.occurrences - a.occurrences ||
        Date.parse(b.lastSeen) - Date.parse(a.lastSeen),
    )
    .slice(0, count);
}
