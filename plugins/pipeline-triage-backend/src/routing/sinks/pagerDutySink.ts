import type { RouteDelivery } from '@internal/plugin-pipeline-triage-node';
import { absoluteLink } from './absoluteLink';
import { pagerDutyEvent } from './pagerDutyEvent';
import { postJson } from './postJson';
import { severityRank } from './severityRank';
import { DEFAULT_TIMEOUT_MS, type SelectiveRouteSink } from './types';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

export interface PagerDutySinkConfig {
  /** Integration key of the PagerDuty service (Events API v2); it is a credential. */
  routingKey: string;
  /** Overrides the Events API endpoint (tests, EU accounts, proxies). */
  url?: string;
  /** Lowest severity that pages. Default: high, so normal and low incidents never wake anyone. */
  minSeverity?: string;
  /** Makes app-relative incident links absolute. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** Triggers PagerDuty incidents through Events API v2, one per triage incident (dedup_key). */
export function pagerDutySink(config: PagerDutySinkConfig): SelectiveRouteSink {
  const url = config.url ?? PAGERDUTY_EVENTS_URL;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const minRank = severityRank(config.minSeverity ?? 'high');
  const accepts = (delivery: RouteDelivery) => severityRank(delivery.severity) >= minRank;
  return {
    id: 'pagerduty',
    accepts,
    async deliver(delivery: RouteDelivery) {
      // Checked here too, so calling the sink directly (without the dispatcher) cannot over-page.
      if (!accepts(delivery)) return;
      const event = pagerDutyEvent(delivery, config.routingKey, absoluteLink(delivery.link, config.baseUrl));
      await postJson(url, JSON.stringify(event), { timeoutMs });
    },
  };
}
