import type { Config } from '@backstage/config';
import type { RouteSink } from '@pipeline-triage/plugin-pipeline-triage-node';
import type { EntityChannelLookup } from './entityChannels';
import { pagerDutySink } from './pagerDutySink';
import { SEVERITIES } from './severityRank';
import { slackSink } from './slackSink';
import { webhookSink } from './webhookSink';

/**
 * Builds the sinks configured under `pipelineTriage.sinks`; each is off unless its block is
 * present. A present block with a missing or malformed value fails start-up rather than
 * silently dropping deliveries (e.g. `secret: ${WEBHOOK_SECRET}` with the variable unset).
 */
export function readSinksConfig(
  config: Config,
  options: {
    /** Reads the routed team's and the job owner's channels (`slack.com/bot-notify`, `pagerduty.com/integration-key`). */
    entities?: EntityChannelLookup;
  } = {},
): RouteSink[] {
  const sinks = config.getOptionalConfig('pipelineTriage.sinks');
  if (!sinks) return [];
  // Incident links are app-relative; Slack buttons and PagerDuty links need them absolute.
  const baseUrl = config.getOptionalString('app.baseUrl');
  const result: RouteSink[] = [];

  const webhook = sinks.getOptionalConfig('webhook');
  if (webhook) {
    result.push(
      webhookSink({
        url: httpUrl(
          webhook.getString('url'),
          'pipelineTriage.sinks.webhook.url',
        ),
        secret: nonEmpty(
          webhook.getString('secret'),
          'pipelineTriage.sinks.webhook.secret',
        ),
        timeoutMs: positive(
          webhook.getOptionalNumber('timeoutMs'),
          'pipelineTriage.sinks.webhook.timeoutMs',
        ),
      }),
    );
  }

  const slack = sinks.getOptionalConfig('slack');
  if (slack) {
    const webhookUrl = slack.getOptionalString('webhookUrl');
    const botToken = slack.getOptionalString('botToken');
    const apiUrl = slack.getOptionalString('apiUrl');
    if (webhookUrl === undefined && botToken === undefined) {
      throw new Error(
        'pipelineTriage.sinks.slack needs a webhookUrl, a botToken, or both',
      );
    }
    result.push(
      slackSink({
        webhookUrl:
          webhookUrl === undefined
            ? undefined
            : httpUrl(webhookUrl, 'pipelineTriage.sinks.slack.webhookUrl'),
        botToken:
          botToken === undefined
            ? undefined
            : nonEmpty(botToken, 'pipelineTriage.sinks.slack.botToken'),
        apiUrl:
          apiUrl === undefined
            ? undefined
            : httpUrl(apiUrl, 'pipelineTriage.sinks.slack.apiUrl'),
        entities: options.entities,
        timeoutMs: positive(
          slack.getOptionalNumber('timeoutMs'),
          'pipelineTriage.sinks.slack.timeoutMs',
        ),
        baseUrl,
      }),
    );
  }

  const pagerDuty = sinks.getOptionalConfig('pagerDuty');
  if (pagerDuty) {
    const url = pagerDuty.getOptionalString('url');
    const minSeverity = pagerDuty.getOptionalString('minSeverity');
    if (minSeverity !== undefined && !SEVERITIES.includes(minSeverity)) {
      throw new Error(
        `pipelineTriage.sinks.pagerDuty.minSeverity must be one of ${SEVERITIES.join(
          ', ',
        )}, got '${minSeverity}'`,
      );
    }
    const routingKey = pagerDuty.getOptionalString('routingKey');
    result.push(
      pagerDutySink({
        // Optional: teams' own pagerduty.com/integration-key annotations may be all there is.
        routingKey:
          routingKey === undefined
            ? undefined
            : nonEmpty(routingKey, 'pipelineTriage.sinks.pagerDuty.routingKey'),
        entities: options.entities,
        url:
          url === undefined
            ? undefined
            : httpUrl(url, 'pipelineTriage.sinks.pagerDuty.url'),
        minSeverity,
        timeoutMs: positive(
          pagerDuty.getOptionalNumber('timeoutMs'),
          'pipelineTriage.sinks.pagerDuty.timeoutMs',
        ),
        baseUrl,
      }),
    );
  }
  return result;
}

/** `pipelineTriage.sinks.retry`: how hard the dispatcher tries; defaults live in SinkDispatcher. */
export function readSinkRetryConfig(config: Config): {
  maxAttempts?: number;
  baseDelayMs?: number;
  intervalSeconds: number;
} {
  const retry = config.getOptionalConfig('pipelineTriage.sinks.retry');
  return {
    maxAttempts: positive(
      retry?.getOptionalNumber('maxAttempts'),
      'pipelineTriage.sinks.retry.maxAttempts',
    ),
    baseDelayMs: retry?.getOptionalNumber('baseDelayMs'),
    intervalSeconds:
      positive(
        retry?.getOptionalNumber('intervalSeconds'),
        'pipelineTriage.sinks.retry.intervalSeconds',
      ) ?? 5,
  };
}

// Messages name the key, never the value: these values are credentials.
function httpUrl(value: string, key: string): string {
  if (!/^https?:\/\/[^/\s]+/i.test(value))
    throw new Error(`${key} must be an http(s) URL`);
  return value;
}

function nonEmpty(value: string, key: string): string {
  if (!value.trim()) throw new Error(`${key} must not be empty`);
  return value;
}

function positive(value: number | undefined, key: string): number | undefined {
  if (value !== undefined && !(value > 0))
    throw new Error(`${key} must be a positive number`);
  return value;
}
