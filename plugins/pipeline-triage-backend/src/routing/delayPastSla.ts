import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Violation } from '../contracts';
import type { LinkResult } from '../linking';

/**
 * Whether a source delay has passed its SLA: the tightest latency, freshness or frequency of
 * the input tables' contracts, else the configured default. Undefined when the event does not
 * say how late the input is; the caller then notifies rather than stay silent about a delay.
 */
export function delayPastSla(
  event: FailureEvent,
  links: LinkResult,
  violations: Violation[],
  defaultSlaSeconds: number,
): boolean | undefined {
  if (violations.some(v => v.kind === 'freshness')) return true;
  const delay = event.signals?.delaySeconds;
  if (delay === undefined) return undefined;
  const limits = links.inputs
    .map(d => d.contractDocument?.sla)
    .flatMap(sla => [
      sla?.latency?.seconds,
      sla?.freshness?.seconds,
      sla?.frequency?.seconds,
    ])
    .filter((s): s is number => typeof s === 'number' && s > 0);
  const limit = limits.length ? Math.min(...limits) : defaultSlaSeconds;
  return delay > limit;
}
