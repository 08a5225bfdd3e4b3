import { aDelivery } from './__testUtils__/delivery';
import { startFakeChannels } from './__testUtils__/fakeChannels';
import { startTestServer } from './__testUtils__/startTestServer';
import { DeliveryError, isRetryable } from './DeliveryError';
import type { EntityChannelLookup, EntityChannels } from './entityChannels';
import { pagerDutySink } from './pagerDutySink';
import { slackSink } from './slackSink';

/** The catalog as the sinks see it: annotations by entity ref. */
function catalog(
  entities: Record<string, EntityChannels>,
): EntityChannelLookup {
  return { get: async ref => entities[ref] };
}
const catalogDown: EntityChannelLookup = {
  get: async () => {
    throw new Error('ECONNREFUSED');
  },
};

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  try {
    await promise;
  } catch (error) {
    return error as DeliveryError;
  }
  throw new Error('expected the delivery to fail');
}

describe("the sinks' failure modes with team channels", () => {
  let fake: Awaited<ReturnType<typeof startFakeChannels>>;
  beforeEach(async () => {
    fake = await startFakeChannels();
  });
  afterEach(() => fake.close());

  const delivery = aDelivery({
    recipient: 'group:default/orders-team',
    entityRef: 'component:default/orders-daily',
  });

  it('posts to the webhook when the catalog cannot be read, rather than to no channel', async () => {
    await slackSink({
      botToken: 'xoxb-t',
      apiUrl: fake.slackApiUrl,
      webhookUrl: fake.slackWebhookUrl,
      entities: catalogDown,
    }).deliver(delivery);
    expect(fake.slackApi).toHaveLength(0);
    expect(fake.slackWebhook).toHaveLength(1);
  });

  it('fails without a fallback when the team names no channel and no webhook is configured', async () => {
    const error = await failure(
      slackSink({
        botToken: 'xoxb-t',
        apiUrl: fake.slackApiUrl,
        entities: catalog({}),
      }).deliver(delivery),
    );
    expect(error.message).toMatch(/slack\.com\/bot-notify/);
    expect(isRetryable(error)).toBe(false);
    expect(fake.slackApi).toHaveLength(0);
  });

  it("reports Slack's ok:false errors, retrying only the transient ones", async () => {
    const server = await startTestServer({
      replies: [
        {
          status: 200,
          body: JSON.stringify({ ok: false, error: 'channel_not_found' }),
        },
        {
          status: 200,
          body: JSON.stringify({ ok: false, error: 'ratelimited' }),
        },
      ],
    });
    try {
      const sink = slackSink({
        botToken: 'xoxb-t',
        apiUrl: `${server.url}/api/`,
        entities: catalog({
          'group:default/orders-team': {
            annotations: { 'slack.com/bot-notify': 'C0ORDERS' },
          },
        }),
      });
      const notFound = await failure(sink.deliver(delivery));
      expect(notFound.message).toBe(
        'Slack chat.postMessage to C0ORDERS: channel_not_found',
      );
      expect(isRetryable(notFound)).toBe(false);
      expect(isRetryable(await failure(sink.deliver(delivery)))).toBe(true);
      expect(server.requests[0].path).toBe('/api/chat.postMessage');
      expect(JSON.parse(server.requests[0].body).channel).toBe('C0ORDERS');
    } finally {
      await server.close();
    }
  });

  it('retries instead of paging the fallback service when the catalog cannot be read', async () => {
    const error = await failure(
      pagerDutySink({
        url: fake.pagerDutyUrl,
        routingKey: 'fallback',
        entities: catalogDown,
      }).deliver(delivery),
    );
    expect(isRetryable(error)).toBe(true);
    expect(fake.pagerDuty).toHaveLength(0);
  });

  it('pages nobody, and says why, when no entity has a key and none is configured', async () => {
    const error = await failure(
      pagerDutySink({ url: fake.pagerDutyUrl, entities: catalog({}) }).deliver(
        delivery,
      ),
    );
    expect(error.message).toMatch(/pagerduty\.com\/integration-key/);
    expect(isRetryable(error)).toBe(false);
    expect(fake.pagerDuty).toHaveLength(0);
  });

  it("uses the job owner's key when the routed team has none", async () => {
    await pagerDutySink({
      url: fake.pagerDutyUrl,
      routingKey: 'fallback',
      entities: catalog({
        'group:default/orders-team': { annotations: {} },
        'component:default/orders-daily': {
          annotations: {},
          owner: 'group:default/pipeline-owners',
        },
        'group:default/pipeline-owners': {
          annotations: { 'pagerduty.com/integration-key': 'owners-key' },
        },
      }),
    }).deliver(delivery);
    expect(fake.pagerDuty.map(c => c.body.routing_key)).toEqual(['owners-key']);
  });
});
