import type { RouteDelivery } from '@pipeline-triage/plugin-pipeline-triage-node';
import { absoluteLink } from './absoluteLink';
import { DeliveryError, toTarget } from './DeliveryError';
import {
  PAGERDUTY_INTEGRATION_KEY,
  type EntityChannelLookup,
} from './entityChannels';
import { pagerDutyEvent } from './pagerDutyEvent';
import { postJson } from './postJson';
import { severityRank } from './severityRank';
import { DEFAULT_TIMEOUT_MS, type SelectiveRouteSink } from './types';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
/** The integration key is a credential; the incident names whose service was paged instead. */
const FALLBACK_TARGET = 'the configured routingKey';

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

  /** The key to page with and whose it is (an entity ref, or the configured fallback). */
  const keyOf = async (
    delivery: RouteDelivery,
  ): Promise<{ key?: string; from: string }> => {
    const fallback = { key: config.routingKey, from: FALLBACK_TARGET };
    const entities = config.entities;
    if (!entities) return fallback;
    const keyFrom = async (ref: string | undefined) => {
      if (!ref) return undefined;
      const entity = await entities.get(ref);
      return {
        key:
          entity?.annotations[PAGERDUTY_INTEGRATION_KEY]?.trim() || undefined,
        from: ref,
        owner: entity?.owner,
      };
    };
    try {
      const routed = await keyFrom(delivery.recipient);
      if (routed?.key) return routed;
      const job = delivery.entityRef
        ? await entities.get(delivery.entityRef)
        : undefined;
      const owner = await keyFrom(job?.owner);
      return owner?.key ? owner : fallback;
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
      if (!accepts(delivery)) return {};
      const { key: routingKey, from } = await keyOf(delivery);
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
      await toTarget(from, () =>
        postJson(url, JSON.stringify(event), { timeoutMs }),
      );
      return { target: from };
    },
  };
}
