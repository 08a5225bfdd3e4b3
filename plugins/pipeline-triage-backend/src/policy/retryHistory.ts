import type {
  RetryHistory,
  RetryVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { changesSince, type RunSnapshot } from './runChanges';

/** One earlier run of a job: a failure with its signature, or a success (no signature). */
export interface JobOutcome {
  eventId: string;
  at: string;
  signature?: string;
  /** The versions the run carried, when its events sent any. */
  versions?: RunSnapshot;
}

/** A success after a failure is a fix, not a passing retry, when something known changed between them. */
function changedBetween(failure: JobOutcome, success: JobOutcome): boolean {
  return changesSince(failure.versions, success.versions).length > 0;
}

/** Same-signature failures that passed on the next run with nothing changed, from which a job is flaky. */
export const FLAKY_FLIPS = 2;

/**
 * How often this job's failures of this signature were followed by a success with no known
 * change between them (code, engine, configuration, input schema): a failure that comes and goes
 * by itself. Runs after `before` are not read.
 */
export function flakyFlips(
  outcomes: JobOutcome[],
  signature: string,
  before: string,
): number {
  const end = Date.parse(before);
  const runs = outcomes
    .map(o => ({ ...o, t: Date.parse(o.at) }))
    .filter(o => o.t <= end)
    .filter(o => o.signature === undefined || o.signature === signature)
    .sort((a, b) => a.t - b.t);
  let flips = 0;
  for (let i = 0; i < runs.length - 1; i++) {
    if (runs[i].signature === undefined || runs[i + 1].signature !== undefined)
      continue;
    if (!changedBetween(runs[i], runs[i + 1])) flips++;
  }
  return flips;
}

/**
 * Same-signature retries that failed in a row, the last of them this one, from which a yes
 * becomes a no: one failed retry may still be bad luck, two show the cause does not pass.
 */
export const FAILED_RETRIES_FOR_NO = 2;

/**
 * What followed each earlier failure of this signature: the job's next run among those failures
 * and its successes. The failure being decided is the last run, so the failure before it
 * counts as retried and failed the same way. Undefined when the job never failed this way.
 */
export function summariseHistory(
  outcomes: JobOutcome[],
  current: {
    eventId?: string;
    at: string;
    signature: string;
    versions?: RunSnapshot;
  },
): RetryHistory | undefined {
  // Times arrive with any offset: compared as instants, not as text.
  const now = Date.parse(current.at);
  const runs = outcomes
    .map(o => ({ ...o, t: Date.parse(o.at) }))
    .filter(o => o.eventId !== current.eventId && o.t < now)
    .filter(o => o.signature === undefined || o.signature === current.signature)
    .sort((a, b) => a.t - b.t);
  runs.push({
    eventId: current.eventId ?? '',
    at: current.at,
    t: now,
    signature: current.signature,
    versions: current.versions,
  });
  let retried = 0;
  let succeeded = 0;
  let fixed = 0;
  let failedSame = 0;
  let lastFailedSame = 0;
  for (let i = 0; i < runs.length - 1; i++) {
    if (runs[i].signature === undefined) continue;
    retried++;
    if (runs[i + 1].signature === undefined) {
      // A success after a changed input or version says the change fixed it, not that a rerun would.
      if (changedBetween(runs[i], runs[i + 1])) fixed++;
      else succeeded++;
      lastFailedSame = 0;
    } else {
      failedSame++;
      lastFailedSame++;
    }
  }
  return retried
    ? {
        retried,
        succeeded,
        failedSame,
        lastFailedSame,
        ...(fixed ? { fixed } : {}),
      }
    : undefined;
}

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

function sentence(h: RetryHistory): string {
  const parts = [
    `${h.succeeded} succeeded`,
    ...(h.fixed
      ? [
          `${h.fixed} ${
            h.fixed === 1 ? 'was' : 'were'
          } fixed (a success after a changed input or code version, not a rerun)`,
        ]
      : []),
    ...(h.failedSame ? [`${h.failedSame} failed the same way`] : []),
  ];
  let last = '';
  if (h.lastFailedSame === 1) last = '; the last retry failed the same way';
  if (h.lastFailedSame > 1)
    last = `; the last ${h.lastFailedSame} retries failed the same way`;
  return `This job failed this way and was retried ${times(
    h.retried,
  )} before: ${parts.join(', ')}${last}.`;
}

/**
 * The job's own history may only tighten a verdict or explain it: retries that kept failing the
 * same way turn a yes into a no; retries that succeeded never turn a no into a yes (the no
 * rests on evidence about this run, such as a write that has started).
 */
export function applyHistory(
  verdict: RetryVerdict,
  history: RetryHistory | undefined,
): RetryVerdict {
  if (!history) return verdict;
  if (verdict.safeToRetry && history.lastFailedSame >= FAILED_RETRIES_FOR_NO) {
    return {
      safeToRetry: false,
      reason: `Not safe: the last ${
        history.lastFailedSame
      } retries of this job failed the same way, so a rerun is unlikely to pass. ${sentence(
        history,
      )}`,
      wouldAllowYes:
        'a changed input, setting or code version, or a success of the job since its last failure',
      history,
    };
  }
  return {
    ...verdict,
    reason: `${verdict.reason} ${sentence(history)}`,
    history,
  };
}
