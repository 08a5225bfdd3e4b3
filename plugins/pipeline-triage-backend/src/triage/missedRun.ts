import type { SilentFailure } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { StoredEvent } from '../store';

/**
 * The sender the freshness watch records a missed run as. Its events are failures nobody
 * reported: the job did not run at all before its contract's freshness SLA passed.
 */
export const FRESHNESS_WATCH_SENDER = 'plugin:pipeline-triage:freshness';

/** The silent failure a stored event of the freshness watch stands for. */
export function missedRunOf(stored: StoredEvent): SilentFailure | undefined {
  if (
    stored.sender !== FRESHNESS_WATCH_SENDER ||
    stored.event.outcome === 'success'
  )
    return undefined;
  return {
    kind: 'no_run_before_sla',
    reason:
      stored.event.errorMessage ??
      "No run before the contract's freshness SLA passed.",
  };
}
