import {
  CATEGORY_INFO,
  type IncidentSummary,
  type TrendsResponse,
} from '@pipeline-triage/plugin-pipeline-triage-common';

export interface Digest {
  title: string;
  description: string;
}

/**
 * The weekly digest of one team: last week's incidents routed to it by category, against the
 * weeks before, and the failures that keep coming back. `trends.weeks` ends with last week.
 */
export function composeDigest(
  team: string,
  trends: TrendsResponse,
  repeats: IncidentSummary[],
): Digest {
  const weeks = trends.weeks;
  const last = weeks[weeks.length - 1];
  const earlier = weeks.slice(0, -1);
  const average = earlier.length
    ? earlier.reduce((n, w) => n + w.total, 0) / earlier.length
    : 0;
  const byCategory = Object.entries(last?.counts ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(
      ([key, n]) =>
        `${
          CATEGORY_INFO[key as keyof typeof CATEGORY_INFO]?.label ?? key
        } ${n}`,
    );
  const trend =
    average > 0
      ? `${last.total >= average ? '+' : ''}${Math.round(
          ((last.total - average) / average) * 100,
        )}% against the ${earlier.length}-week average of ${average.toFixed(1)}`
      : 'no failures in the weeks before';
  const top = repeats
    .filter(r => r.occurrences > 1)
    .slice(0, 3)
    .map(r => `${r.title} (${r.occurrences}×, ${r.jobName})`);
  // Flaky: failures that passed on the next run with nothing changed; fix them or stop paging.
  const flaky = (trends.flakiestJobs ?? [])
    .slice(0, 3)
    .map(f => `${f.jobEntityRef ?? f.jobKey} (${f.flips} flips)`);
  return {
    title: `Pipeline failures routed to ${team.split('/').pop()} in ${
      last?.week
    }: ${last?.total ?? 0}`,
    description: [
      byCategory.length
        ? `By cause: ${byCategory.join(', ')}.`
        : 'No failures were routed to the team.',
      `Trend: ${trend}.`,
      top.length ? `Top repeat failures: ${top.join('; ')}.` : undefined,
      flaky.length ? `Flakiest jobs: ${flaky.join('; ')}.` : undefined,
    ]
      .filter(Boolean)
      .join(' '),
  };
}
