import { ConfigReader } from '@backstage/config';
import { aDelivery } from './__testUtils__/delivery';
import { readSinkRetryConfig, readSinksConfig } from './readSinksConfig';
import type { SelectiveRouteSink } from './types';

const read = (pipelineTriage: object, app?: object) =>
  readSinksConfig(new ConfigReader({ pipelineTriage, app }));

describe('readSinksConfig', () => {
  it('builds no sink when nothing is configured', () => {
    expect(readSinksConfig(new ConfigReader({}))).toEqual([]);
    expect(read({})).toEqual([]);
    expect(read({ sinks: {} })).toEqual([]);
  });

  it('builds each configured sink', () => {
    const sinks = read({
      sinks: {
        webhook: {
          url: 'https://hooks.example.com/triage',
          secret: 'abc',
          timeoutMs: 2000,
        },
        slack: { webhookUrl: 'https://hooks.slack.com/services/T/B/X' },
        pagerDuty: { routingKey: 'key', minSeverity: 'critical' },
      },
    });
    expect(sinks.map(s => s.id)).toEqual(['webhook', 'slack', 'pagerduty']);
    const pd = sinks[2] as SelectiveRouteSink;
    expect(pd.accepts!(aDelivery({ severity: 'high' }))).toBe(false);
    expect(pd.accepts!(aDelivery({ severity: 'critical' }))).toBe(true);
  });

  it("builds a Slack sink from a bot token alone and a PagerDuty sink that relies on teams' keys", () => {
    const sinks = read({
      sinks: {
        slack: { botToken: 'xoxb-1', apiUrl: 'http://127.0.0.1:9/api' },
        pagerDuty: {},
      },
    });
    expect(sinks.map(s => s.id)).toEqual(['slack', 'pagerduty']);
    expect(() => read({ sinks: { slack: { timeoutMs: 5 } } })).toThrow(
      'pipelineTriage.sinks.slack needs a webhookUrl, a botToken, or both',
    );
    expect(() => read({ sinks: { slack: { botToken: ' ' } } })).toThrow(
      'botToken must not be empty',
    );
    expect(() =>
      read({ sinks: { slack: { botToken: 'x', apiUrl: 'slack.com/api' } } }),
    ).toThrow('apiUrl must be an http(s) URL');
  });

  it('fails start-up on a present but incomplete block, without echoing secrets', () => {
    // As when `secret: ${WEBHOOK_SECRET}` refers to an unset variable.
    expect(() =>
      read({ sinks: { webhook: { url: 'https://x.example.com' } } }),
    ).toThrow(/secret/);
    expect(() =>
      read({ sinks: { slack: { webhookUrl: 'not-a-url-SECRETVALUE' } } }),
    ).toThrow('pipelineTriage.sinks.slack.webhookUrl must be an http(s) URL');
    expect(() => read({ sinks: { pagerDuty: { routingKey: '  ' } } })).toThrow(
      'routingKey must not be empty',
    );
    expect(() =>
      read({
        sinks: { pagerDuty: { routingKey: 'k', minSeverity: 'urgent' } },
      }),
    ).toThrow(/minSeverity must be one of low, normal, high, critical/);
    expect(() =>
      read({
        sinks: {
          webhook: { url: 'https://x.example.com', secret: 's', timeoutMs: 0 },
        },
      }),
    ).toThrow(/timeoutMs must be a positive number/);
  });

  it('reads retry settings, leaving defaults to the dispatcher', () => {
    expect(readSinkRetryConfig(new ConfigReader({}))).toEqual({
      maxAttempts: undefined,
      baseDelayMs: undefined,
      intervalSeconds: 5,
    });
    expect(
      readSinkRetryConfig(
        new ConfigReader({
          pipelineTriage: {
            sinks: {
              retry: { maxAttempts: 2, baseDelayMs: 100, intervalSeconds: 2 },
            },
          },
        }),
      ),
    ).toEqual({ maxAttempts: 2, baseDelayMs: 100, intervalSeconds: 2 });
  });
});
