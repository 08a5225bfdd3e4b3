import type { RouteDelivery, RouteSink } from '@internal/plugin-pipeline-triage-node';
import { absoluteLink } from './absoluteLink';
import { DeliveryError } from './DeliveryError';
import { postJson } from './postJson';
import { slackMessage } from './slackMessage';
import { DEFAULT_TIMEOUT_MS } from './types';

export interface SlackSinkConfig {
  /** The incoming-webhook URL; it is a credential. */
  webhookUrl: string;
  /** Makes app-relative incident links absolute for the button. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** Posts to a Slack incoming webhook, which answers a plain `ok` on success. */
export function slackSink(config: SlackSinkConfig): RouteSink {
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    id: 'slack',
    async deliver(delivery: RouteDelivery) {
      const body = JSON.stringify(slackMessage(delivery, absoluteLink(delivery.link, config.baseUrl)));
      const { text } = await postJson(config.webhookUrl, body, { timeoutMs });
      // A 200 with another body is an error report of some kind; sending it again won't help.
      if (text.trim() !== 'ok') {
        throw new DeliveryError(`Slack answered ${JSON.stringify(text.slice(0, 200))}`, false);
      }
    },
  };
}
