import type { SinkDeliveryState } from '@pipeline-triage/plugin-pipeline-triage-common';
import { formatAbsolute } from '../shared';

const SINK_LABELS: Record<string, string> = {
  pagerduty: 'PagerDuty',
  slack: 'Slack',
  webhook: 'Webhook',
};

function attempts(n: number): string {
  return `${n} attempt${n === 1 ? '' : 's'}`;
}

/** "Slack #team-iam", "PagerDuty (group:default/iam-security)": the sink, then where it went. */
export function sinkDeliveryTarget(d: SinkDeliveryState): string {
  const label = SINK_LABELS[d.sink] ?? d.sink;
  if (!d.target) return label;
  return d.target.startsWith('#')
    ? `${label} ${d.target}`
    : `${label} (${d.target})`;
}

/** One line on-call reads without opening anything: where, what state, after how many tries, why. */
export function sinkDeliveryText(d: SinkDeliveryState): string {
  const who = sinkDeliveryTarget(d);
  switch (d.status) {
    case 'sent':
      return `${who}: sent after ${attempts(d.attempts)}`;
    case 'dead':
      return `${who}: dead-lettered after ${attempts(d.attempts)}${
        d.lastError ? `: ${d.lastError}` : ''
      }`;
    case 'sending':
      return `${who}: sending (attempt ${d.attempts})${
        d.leaseUntil
          ? `; sent again if still unanswered at ${formatAbsolute(
              d.leaseUntil,
            )}`
          : ''
      }`;
    default:
      if (d.attempts === 0) return `${who}: waiting for its first attempt`;
      return `${who}: ${attempts(d.attempts)} failed${
        d.lastError ? ` (last: ${d.lastError})` : ''
      }${
        d.nextAttemptAt
          ? `; next attempt at ${formatAbsolute(d.nextAttemptAt)}`
          : ''
      }`;
  }
}
