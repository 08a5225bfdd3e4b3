import type { RouteDelivery } from '@pipeline-triage/plugin-pipeline-triage-node';
import { absoluteLink } from './absoluteLink';
import { DeliveryError } from './DeliveryError';
import {
  PAGERDUTY_INTEGRATION_KEY,
  type EntityChannelLookup,
} from './entityChannels';
import { pagerDutyEvent } from './pagerDutyEvent';
import { postJson } from './postJson';
import { severityRank } from './severityRank';
import { DEFAULT_TIMEOUT_MS, type SelectiveRouteSink } from './types';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

export interface PagerDutySinkConfig {
  /**
   * Integration key (Events API v2) used when neither the routed team nor the job's owner has a
   * `pagerduty.com/integration-key`; it is a credential. Without it such incidents page nobody.
   */
  routingKey?: string;
  /** Reads the routed entities' annotations; without it every event uses `routingKey`. */
  entities?: EntityChannelLookup;
  /** Overrides the Events API endpoint (tests, EU accounts, proxies). */
  url?: string;
  /** Lowest severity that pages. Default: high, so normal and low incidents never wake anyone. */
  minSeverity?: string;
  /** Makes app-relative incident links absolute. */
  baseUrl?: string;
  timeoutMs?: number;
}

/**
 * Triggers PagerDuty incidents through Events API v2, one per triage incident (dedup_key), on the
 * service of the routed team, else of the failed job's owner, else the configured one.
 */
export function pagerDutySink(config: PagerDutySinkConfig): SelectiveRouteSink {
  const url = config.url ?? PAGERDUTY_EVENTS_URL;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const minRank = severityRank(config.minSeverity ?? 'high');
  const accepts = (delivery: RouteDelivery) =>
    severityRank(delivery.severity) >= minRank;

  const keyOf = async (
    delivery: RouteDelivery,
  ): Promise<string | undefined> => {
    const entities = config.entities;
    if (!entities) return config.routingKey;
    const keyFrom = async (ref: string | undefined) => {
      if (!ref) return undefined;
      const entity = await entities.get(ref);
      return {
        key:
          entity?.annotations[PAGERDUTY_INTEGRATION_KEY]?.trim() || undefined,
        owner: entity?.owner,
      };
    };
    try {
      const routed = await keyFrom(delivery.recipient);
      if (routed?.key) return routed.key;
      const job = delivery.entityRef
        ? await entities.get(delivery.entityRef)
        : undefined;
      const owner = await keyFrom(job?.owner);
      return owner?.key ?? config.routingKey;
    } catch (error) {
      // Paging the fallback service for a team that has its own would wake the wrong people; retry.
      throw new DeliveryError(
        `reading the routed entities from the catalog failed: ${error}`,
        true,
      );
    }
  };

  return {
    id: 'pagerduty',
    accepts,
    async deliver(delivery: RouteDelivery) {
      // Checked here too, so calling the sink directly (without the dispatcher) cannot over-page.
      if (!accepts(delivery)) return;
      const routingKey = await keyOf(delivery);
      if (!routingKey) {
        throw new DeliveryError(
          `neither ${
            delivery.recipient ?? 'the routed entity'
          } nor the job's owner has ${PAGERDUTY_INTEGRATION_KEY}, and no routingKey is configured`,
          false,
        );
      }
      const event = pagerDutyEvent(
        delivery,
        routingKey,
        absoluteLink(delivery.link, config.baseUrl),
      );
      await postJson(url, JSON.stringify(event), { timeoutMs });
    },
  };
}
