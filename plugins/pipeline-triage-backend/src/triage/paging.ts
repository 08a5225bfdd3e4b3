import {
  CATEGORY_INFO,
  type CausedBy,
  type FailureEvent,
  type Paging,
  type RouteDecision,
  type TriageVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/** What a retry that cannot help is told to the people paged. */
export const STOP_THE_RETRIES =
  'Stop the retries: they will fail the same way.';

/**
 * Whether a failure pages, given what the orchestrator will do next. A failure the orchestrator
 * will retry (attempt below maxAttempts) and the verdict calls safe to retry waits for the
 * retries: a success resolves it, the last attempt pages. One a retry cannot help pages at once,
 * so the retries are stopped; a cascade's owner gets a notice pointing at the cause instead.
 */
export function pagingOf(input: {
  event: FailureEvent;
  verdict: TriageVerdict;
  route: RouteDecision;
  causedBy?: CausedBy;
  quiet: boolean;
}): { state: Paging; reason: string } {
  const { event, verdict, route, causedBy } = input;
  if (input.quiet)
    return { state: 'suppressed', reason: 'imported quietly: nobody is told' };
  if (causedBy)
    return {
      state: 'suppressed',
      reason: `a cascade of incident ${causedBy.incidentId}: its owner gets one notice pointing at the cause instead of a page`,
    };
  if (!route.notify || !route.recipient)
    return { state: 'suppressed', reason: route.reason };
  const { attempt, maxAttempts } = event;
  const retriesLeft =
    attempt !== undefined && maxAttempts !== undefined && attempt < maxAttempts;
  if (!retriesLeft)
    return {
      state: 'paged',
      reason:
        attempt !== undefined && maxAttempts !== undefined && attempt > 1
          ? `All ${maxAttempts} attempts failed.`
          : route.reason,
    };
  const of = `attempt ${attempt} of ${maxAttempts}`;
  if (verdict.retry.safeToRetry)
    return {
      state: 'waiting_for_retries',
      reason: `${of}, and a retry is safe: nobody is paged until the retries are exhausted or a success resolves it`,
    };
  const cannotHelp =
    CATEGORY_INFO[verdict.classification.category].retryDefault === 'no';
  return {
    state: 'paged',
    reason: cannotHelp
      ? `${STOP_THE_RETRIES} (${of}) ${verdict.retry.reason}`
      : `Stop the retries: a retry is not safe (${of}). ${verdict.retry.reason}`,
  };
}
