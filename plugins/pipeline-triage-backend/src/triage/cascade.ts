import type {
  CausedBy,
  Category,
  FailureEvent,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { LinkResult } from '../linking';
import type { UpstreamIncident } from '../store';

/** How long after an upstream failure a downstream failure may be its cascade, by default. */
export const DEFAULT_CASCADE_WINDOW_HOURS = 24;

/**
 * Causes a missing, late or partial input produces in the job that reads it. A failure of
 * another kind (a permission, a code error, a full disk) is the reader's own, and pages its
 * owner even while an input is broken: a wrong cascade hides a real problem.
 */
const CASCADE_CATEGORIES = new Set<Category>([
  'source_delay',
  'data_quality',
  'schema_drift',
  'unknown',
]);

/** The tables a failure read, as the catalog names them (the event's inputs, else its lineage). */
export function inputTablesOf(links: LinkResult): string[] {
  return links.inputs
    .map(d => d.table?.entityRef.toLocaleLowerCase('en-US'))
    .filter((r): r is string => Boolean(r));
}

/** The span of upstream incidents a batch of failures may follow from. */
export function cascadeWindowOf(
  events: FailureEvent[],
  windowHours: number,
): { since: string; until: string } {
  const times = events.map(e => Date.parse(e.eventTime));
  return {
    since: new Date(Math.min(...times) - windowHours * 3600_000).toISOString(),
    until: new Date(Math.max(...times)).toISOString(),
  };
}

const LEFT: Record<UpstreamIncident['partialWrite'], string> = {
  true: 'partial: the failed run wrote part of it',
  false: 'missing or late: the failed run wrote nothing',
  unknown: 'missing, late or partial',
};

/**
 * The upstream incident this failure follows from, if any: an open incident of another job that
 * writes one of this run's inputs, first seen before this failure and last seen within the
 * window before it. A partial write is the likelier cause, then the earliest failure.
 */
export function causeOf(
  event: FailureEvent,
  links: LinkResult,
  category: Category,
  candidates: UpstreamIncident[],
  windowHours: number,
): CausedBy | undefined {
  if (!CASCADE_CATEGORIES.has(category)) return undefined;
  const at = Date.parse(event.eventTime);
  const inputs = new Set(inputTablesOf(links));
  const ownJob = links.job?.entityRef.toLocaleLowerCase('en-US');
  const fits = candidates.filter(
    c =>
      inputs.has(c.tableRef) &&
      c.jobEntityRef.toLocaleLowerCase('en-US') !== ownJob &&
      Date.parse(c.firstSeen) <= at &&
      Date.parse(c.lastSeen) >= at - windowHours * 3600_000,
  );
  if (fits.length === 0) return undefined;
  const rank = (c: UpstreamIncident) => (c.partialWrite === 'true' ? 0 : 1);
  const [cause] = [...fits].sort(
    (a, b) => rank(a) - rank(b) || a.firstSeen.localeCompare(b.firstSeen),
  );
  // The upstream failure this run followed: its latest one before this run.
  const failedAt =
    Date.parse(cause.lastSeen) <= at ? cause.lastSeen : cause.firstSeen;
  return {
    incidentId: cause.incidentId,
    entityRef: cause.jobEntityRef,
    reason: `${cause.jobName} failed at ${failedAt} and left ${
      cause.tableRef
    } ${LEFT[cause.partialWrite] ?? LEFT.unknown}; this run reads it`,
  };
}
