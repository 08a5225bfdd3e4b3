import type {
  RouteDelivery,
  RouteSink,
} from '@pipeline-triage/plugin-pipeline-triage-node';
import { absoluteLink } from './absoluteLink';
import { DeliveryError, toTarget } from './DeliveryError';
import { SLACK_BOT_NOTIFY, type EntityChannelLookup } from './entityChannels';
import { postJson } from './postJson';
import { slackMessage } from './slackMessage';
import { DEFAULT_TIMEOUT_MS } from './types';

export const SLACK_API_URL = 'https://slack.com/api';
/** The webhook's channel is Slack's secret; the incident says only that the webhook was used. */
const WEBHOOK_TARGET = 'the configured webhook';

export interface SlackSinkConfig {
  /** The incoming-webhook URL, used when the routed team names no channel; it is a credential. */
  webhookUrl?: string;
  /** Bot token (`xoxb-…`) that posts to the channel in the routed team's `slack.com/bot-notify`. */
  botToken?: string;
  /** Slack Web API base URL. Default: https://slack.com/api (tests point it at a local fake). */
  apiUrl?: string;
  /** Reads the routed team's annotations; without it every post goes to the webhook. */
  entities?: EntityChannelLookup;
  /** Makes app-relative incident links absolute for the button. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** Web API errors worth another attempt; every other `ok: false` is a request Slack will refuse again. */
const RETRYABLE_SLACK_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/**
 * Posts to the routed team's own channel (its `slack.com/bot-notify`, the annotation Backstage's
 * Slack notifications module reads) through `chat.postMessage` with the bot token; otherwise to
 * the incoming webhook, which answers a plain `ok` on success.
 */
export function slackSink(config: SlackSinkConfig): RouteSink {
  if (!config.webhookUrl && !config.botToken)
    throw new Error('slackSink needs a webhookUrl or a botToken');
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const apiUrl = (config.apiUrl ?? SLACK_API_URL).replace(/\/+$/, '');

  const channelOf = async (
    delivery: RouteDelivery,
  ): Promise<string | undefined> => {
    if (!config.botToken || !config.entities || !delivery.recipient)
      return undefined;
    let entity;
    try {
      entity = await config.entities.get(delivery.recipient);
    } catch (error) {
      // Better the shared channel now than the team's channel never: the catalog may be down.
      if (config.webhookUrl) return undefined;
      throw new DeliveryError(
        `reading ${delivery.recipient} from the catalog failed: ${error}`,
        true,
      );
    }
    return entity?.annotations[SLACK_BOT_NOTIFY]?.trim() || undefined;
  };

  return {
    id: 'slack',
    async deliver(delivery: RouteDelivery) {
      const message = slackMessage(
        delivery,
        absoluteLink(delivery.link, config.baseUrl),
      );
      const channel = await channelOf(delivery);
      if (channel) {
        const target = `#${channel.replace(/^#/, '')}`;
        const { text } = await toTarget(target, () =>
          postJson(
            `${apiUrl}/chat.postMessage`,
            JSON.stringify({ channel, ...message }),
            {
              timeoutMs,
              headers: {
                'content-type': 'application/json; charset=utf-8',
                authorization: `Bearer ${config.botToken}`,
              },
            },
          ),
        );
        let answer: { ok?: boolean; error?: string };
        try {
          answer = JSON.parse(text);
        } catch {
          throw new DeliveryError(
            `Slack answered ${JSON.stringify(text.slice(0, 200))}`,
            false,
            target,
          );
        }
        if (answer.ok !== true) {
          const error = String(answer.error ?? 'unknown_error');
          throw new DeliveryError(
            `Slack chat.postMessage to ${channel}: ${error}`,
            RETRYABLE_SLACK_ERRORS.has(error),
            target,
          );
        }
        return { target };
      }
      if (!config.webhookUrl) {
        throw new DeliveryError(
          `${
            delivery.recipient ?? 'the incident'
          } names no Slack channel (${SLACK_BOT_NOTIFY}) and no webhook is configured`,
          false,
        );
      }
      const webhookUrl = config.webhookUrl;
      const { text } = await toTarget(WEBHOOK_TARGET, () =>
        postJson(webhookUrl, JSON.stringify(message), { timeoutMs }),
      );
      // A 200 with another body is an error report of some kind; sending it again won't help.
      if (text.trim() !== 'ok') {
        throw new DeliveryError(
          `Slack answered ${JSON.stringify(text.slice(0, 200))}`,
          false,
          WEBHOOK_TARGET,
        );
      }
      return { target: WEBHOOK_TARGET };
    },
  };
}
