import { aDelivery } from './__testUtils__/delivery';
import { startTestServer } from './__testUtils__/startTestServer';
import { slackMessage } from './slackMessage';
import { slackSink } from './slackSink';

describe('slackSink', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('posts text plus header, fields and a button to the absolute incident link', async () => {
    server = await startTestServer();
    await slackSink({
      webhookUrl: `${server.url}/services/T/B/X`,
      baseUrl: 'https://backstage.example.com/',
    }).deliver(aDelivery());

    const body = JSON.parse(server.requests[0].body);
    expect(server.requests[0].path).toBe('/services/T/B/X');
    expect(body.text).toBe('[high] orders_daily failed: column amount missing');
    expect(body.blocks).toEqual([
      {
        type: 'header',
        text: {
          type: 'plain_text',
          text: 'orders_daily failed: column amount missing',
          emoji: false,
        },
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Category*\nschema_drift' },
          { type: 'mrkdwn', text: '*Severity*\nhigh' },
          { type: 'mrkdwn', text: '*Environment*\nprod' },
          { type: 'mrkdwn', text: '*Recipient*\ngroup:default/orders-team' },
        ],
      },
      // Slack markup characters are escaped.
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Upstream table dropped column `amount` &lt;since v2&gt; &amp; more',
        },
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'open-incident',
            text: { type: 'plain_text', text: 'Open incident' },
            url: 'https://backstage.example.com/catalog/default/component/orders-daily/pipeline-triage',
          },
        ],
      },
    ]);
  });

  it('marks repeats, and leaves the button out when no absolute link can be made', () => {
    const message = slackMessage(
      aDelivery({ kind: 'repeat', recipient: undefined }),
    );
    expect(message.text).toBe(
      '[high] Repeat: orders_daily failed: column amount missing',
    );
    expect(message.blocks.map((b: any) => b.type)).toEqual([
      'header',
      'section',
      'section',
    ]);
    expect(JSON.stringify(message.blocks)).toContain('*Recipient*\\nunrouted');
  });

  it('keeps within Slack block limits', () => {
    const message = slackMessage(
      aDelivery({ title: 'x'.repeat(500), summary: '&'.repeat(2000) }),
    );
    const [header, , summary] = message.blocks as any[];
    expect(header.text.text).toHaveLength(150);
    expect(summary.text.text.length).toBeLessThanOrEqual(3000);
    expect(summary.text.text).toMatch(/(&amp;)+…$/);
  });

  it('throws when Slack answers an error, even with status 200', async () => {
    server = await startTestServer({
      replies: [
        { status: 400, body: 'invalid_blocks' },
        { status: 200, body: 'no_text' },
      ],
    });
    const sink = slackSink({ webhookUrl: server.url });
    await expect(sink.deliver(aDelivery())).rejects.toMatchObject({
      message: 'HTTP 400: invalid_blocks',
      retryable: false,
    });
    await expect(sink.deliver(aDelivery())).rejects.toMatchObject({
      message: 'Slack answered "no_text"',
      retryable: false,
    });
  });
});
