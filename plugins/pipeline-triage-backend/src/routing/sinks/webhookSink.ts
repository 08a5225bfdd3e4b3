import type {
  RouteDelivery,
  RouteSink,
} from '@pipeline-triage/plugin-pipeline-triage-node';
import { postJson } from './postJson';
import { signBody } from './signBody';
import { DEFAULT_TIMEOUT_MS } from './types';

export interface WebhookSinkConfig {
  url: string;
  /** HMAC key the receiver shares to verify the signature. */
  secret: string;
  timeoutMs?: number;
}

export const SIGNATURE_HEADER = 'X-Pipeline-Triage-Signature';
export const TIMESTAMP_HEADER = 'X-Pipeline-Triage-Timestamp';

/**
 * POSTs the delivery plus `sentAt` as JSON. The signature covers the raw body, which contains
 * `sentAt`; the timestamp header repeats it so receivers can reject stale replays before parsing.
 */
export function webhookSink(config: WebhookSinkConfig): RouteSink {
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    id: 'webhook',
    async deliver(delivery: RouteDelivery) {
      const sentAt = new Date().toISOString();
      const body = JSON.stringify({ ...delivery, sentAt });
      await postJson(config.url, body, {
        timeoutMs,
        headers: {
          [SIGNATURE_HEADER]: signBody(body, config.secret),
          [TIMESTAMP_HEADER]: sentAt,
        },
      });
    },
  };
}
