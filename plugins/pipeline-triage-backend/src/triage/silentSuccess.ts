import type {
  FailureEvent,
  SilentFailure,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { zeroRowsSilence } from '../policy';
import {
  jobKeyOf,
  rowsWrittenOf,
  type StoredEvent,
  type TriageStore,
} from '../store';
import { HISTORY_WINDOW, historySince } from './decide';

/**
 * Whether a completed run failed silently: zero rows written where the job's recent successes
 * wrote rows. Read before the success is recorded, so it never counts as one.
 */
export async function silentFailureOf(
  stored: StoredEvent,
  store: Pick<TriageStore, 'recentRuns'>,
): Promise<SilentFailure | undefined> {
  const { event } = stored;
  const rows = rowsWrittenOf(event);
  if (rows !== 0) return undefined;
  const runs =
    (
      await store.recentRuns([jobKeyOf(event)], {
        since: historySince([event]),
        perJob: HISTORY_WINDOW.runsPerJob,
      })
    ).get(jobKeyOf(event)) ?? [];
  const before = Date.parse(event.eventTime);
  return zeroRowsSilence(
    rows,
    runs.filter(
      r =>
        r.signature === undefined &&
        r.eventId !== stored.id &&
        Date.parse(r.at) < before,
    ),
    (event.outputs ?? []).map(o =>
      o.namespace ? `${o.namespace}/${o.name}` : o.name,
    ),
  );
}

/** The completed run as the failure it silently was: its reason is the error the engine reads. */
export function asSilentFailure(
  stored: StoredEvent,
  silent: SilentFailure,
): StoredEvent {
  const event: FailureEvent = {
    ...stored.event,
    outcome: 'fail',
    errorMessage: silent.reason,
  };
  return { ...stored, event };
}
