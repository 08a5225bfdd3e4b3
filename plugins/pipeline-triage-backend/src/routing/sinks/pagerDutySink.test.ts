import { aDelivery } from './__testUtils__/delivery';
import { startTestServer } from './__testUtils__/startTestServer';
import { pagerDutySink } from './pagerDutySink';

describe('pagerDutySink', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeEach(async () => {
    server = await startTestServer({
      fallback: { status: 202, body: '{"status":"success"}' },
    });
  });
  afterEach(() => server.close());

  it('sends an Events API v2 trigger with a per-incident dedup_key', async () => {
    const sink = pagerDutySink({
      routingKey: 'R0UTING',
      url: `${server.url}/v2/enqueue`,
      baseUrl: 'https://bs.example.com',
    });
    await sink.deliver(aDelivery());
    await sink.deliver(aDelivery({ kind: 'repeat', severity: 'critical' }));

    expect(server.requests.map(r => r.path)).toEqual([
      '/v2/enqueue',
      '/v2/enqueue',
    ]);
    const [first, repeat] = server.requests.map(r => JSON.parse(r.body));
    expect(first).toEqual({
      routing_key: 'R0UTING',
      event_action: 'trigger',
      dedup_key: 'pipeline-triage-inc-42',
      payload: {
        summary: 'orders_daily failed: column amount missing (prod)',
        source: 'pipeline-triage',
        severity: 'error',
        component: 'group:default/orders-team',
        group: 'schema_drift',
        custom_details: {
          incident_id: 'inc-42',
          kind: 'new',
          severity: 'high',
          environment: 'prod',
          category: 'schema_drift',
          recipient: 'group:default/orders-team',
          copy: ['group:default/data-platform'],
          summary: 'Upstream table dropped column `amount` <since v2> & more',
        },
      },
      links: [
        {
          href: 'https://bs.example.com/catalog/default/component/orders-daily/pipeline-triage',
          text: 'Open incident in Backstage',
        },
      ],
    });
    // The repeat updates the same PagerDuty incident rather than opening a second one.
    expect(repeat.dedup_key).toBe(first.dedup_key);
    expect(repeat.payload.severity).toBe('critical');
  });

  it('maps severities and pages only at or above minSeverity (default high)', async () => {
    const byDefault = pagerDutySink({ routingKey: 'k', url: server.url });
    expect(
      ['critical', 'high', 'normal', 'low'].map(severity =>
        byDefault.accepts!(aDelivery({ severity })),
      ),
    ).toEqual([true, true, false, false]);
    await byDefault.deliver(aDelivery({ severity: 'normal' }));
    expect(server.requests).toHaveLength(0);

    const fromLow = pagerDutySink({
      routingKey: 'k',
      url: server.url,
      minSeverity: 'low',
    });
    for (const severity of ['critical', 'high', 'normal', 'low'])
      await fromLow.deliver(aDelivery({ severity }));
    expect(
      server.requests.map(r => JSON.parse(r.body).payload.severity),
    ).toEqual(['critical', 'error', 'warning', 'info']);
  });

  it('sends no links for a relative link without a base URL, and throws on a rejected event', async () => {
    const sink = pagerDutySink({ routingKey: 'k', url: server.url });
    await sink.deliver(aDelivery());
    expect(JSON.parse(server.requests[0].body).links).toEqual([]);

    await server.close();
    server = await startTestServer({
      fallback: { status: 400, body: '{"status":"invalid event"}' },
    });
    await expect(
      pagerDutySink({ routingKey: 'k', url: server.url }).deliver(aDelivery()),
    ).rejects.toMatchObject({
      retryable: false,
    });
  });
});
