import type { NotificationRecord } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { RouteSink } from '@pipeline-triage/plugin-pipeline-triage-node';
import { aDelivery } from './__testUtils__/delivery';
import { startTestServer } from './__testUtils__/startTestServer';
import { pagerDutySink } from './pagerDutySink';
import { SinkDispatcher } from './SinkDispatcher';
import { webhookSink } from './webhookSink';

function setup(
  options: {
    maxAttempts?: number;
    attemptTimeoutMs?: number;
    record?: () => Promise<void>;
  } = {},
) {
  const records: Array<{ incidentId: string } & NotificationRecord> = [];
  const delays: number[] = [];
  const dispatcher = new SinkDispatcher({
    record:
      options.record ??
      (async (incidentId, record) => {
        records.push({ incidentId, ...record });
      }),
    sleep: async ms => {
      delays.push(ms);
    },
    now: () => new Date('2026-01-05T10:00:00.000Z'),
    maxAttempts: options.maxAttempts,
    attemptTimeoutMs: options.attemptTimeoutMs,
  });
  return { dispatcher, records, delays };
}

describe('SinkDispatcher', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('retries a failing endpoint with exponential backoff and records each attempt', async () => {
    server = await startTestServer({
      replies: [{ status: 500 }, { status: 500 }, { status: 200 }],
    });
    const { dispatcher, records, delays } = setup();

    await dispatcher.deliver(aDelivery(), [
      webhookSink({ url: server.url, secret: 'k' }),
    ]);

    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
    expect(records).toEqual([
      expect.objectContaining({
        status: 'failed',
        detail: 'attempt 1/4: HTTP 500',
      }),
      expect.objectContaining({
        status: 'failed',
        detail: 'attempt 2/4: HTTP 500',
      }),
      expect.objectContaining({ status: 'sent', detail: 'attempt 3' }),
    ]);
    expect(records[0]).toEqual({
      incidentId: 'inc-42',
      at: '2026-01-05T10:00:00.000Z',
      channel: 'webhook',
      status: 'failed',
      recipients: ['group:default/orders-team', 'group:default/data-platform'],
      detail: 'attempt 1/4: HTTP 500',
    });
  });

  it('gives up on a permanently failing endpoint after maxAttempts without throwing', async () => {
    server = await startTestServer({
      fallback: { status: 502, body: 'bad gateway' },
    });
    const { dispatcher, records, delays } = setup();

    await expect(
      dispatcher.deliver(aDelivery(), [
        webhookSink({ url: server.url, secret: 'k' }),
      ]),
    ).resolves.toBeUndefined();

    expect(server.requests).toHaveLength(4);
    expect(delays).toEqual([500, 1000, 2000]);
    expect(records.map(r => r.status)).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
    ]);
    expect(records[3].detail).toBe('attempt 4/4: HTTP 502: bad gateway');
  });

  it('does not retry what cannot succeed (4xx)', async () => {
    server = await startTestServer({
      fallback: { status: 401, body: 'unauthorized' },
    });
    const { dispatcher, records } = setup();
    await dispatcher.deliver(aDelivery(), [
      webhookSink({ url: server.url, secret: 'k' }),
    ]);
    expect(server.requests).toHaveLength(1);
    expect(records.map(r => r.detail)).toEqual([
      'attempt 1/4: HTTP 401: unauthorized (not retried)',
    ]);
  });

  it('times out a hanging endpoint and a sink that never settles', async () => {
    server = await startTestServer({ fallback: { hang: true } });
    const { dispatcher, records } = setup({
      maxAttempts: 2,
      attemptTimeoutMs: 200,
    });
    const neverSettles: RouteSink = {
      id: 'stuck',
      deliver: () => new Promise(() => {}),
    };

    await dispatcher.deliver(aDelivery(), [
      webhookSink({ url: server.url, secret: 'k', timeoutMs: 100 }),
      neverSettles,
    ]);

    expect(
      records.filter(r => r.channel === 'webhook').map(r => r.detail),
    ).toEqual([
      'attempt 1/2: timed out after 100ms',
      'attempt 2/2: timed out after 100ms',
    ]);
    expect(
      records.filter(r => r.channel === 'stuck').map(r => r.detail),
    ).toEqual([
      'attempt 1/2: no answer within 200ms',
      'attempt 2/2: no answer within 200ms',
    ]);
  });

  it('runs in the background: deliver returns at once, idle() waits for everything', async () => {
    const { dispatcher, records } = setup({ maxAttempts: 1 });
    let release!: () => void;
    const slow: RouteSink = {
      id: 'slow',
      deliver: () => new Promise<void>(r => (release = r)),
    };

    const pending = dispatcher.deliver(aDelivery(), [slow]);
    dispatcher.deliver(aDelivery({ incidentId: 'inc-43' }), [
      { id: 'fast', deliver: async () => {} },
    ]);
    let idle = false;
    const waiting = dispatcher.idle().then(() => (idle = true));
    await new Promise(r => setTimeout(r, 20));
    expect(idle).toBe(false);

    release();
    await waiting;
    await pending;
    expect(records.map(r => [r.incidentId, r.channel, r.status])).toEqual(
      expect.arrayContaining([
        ['inc-42', 'slow', 'sent'],
        ['inc-43', 'fast', 'sent'],
      ]),
    );
  });

  it('survives sinks that throw synchronously and a record callback that fails', async () => {
    const { dispatcher } = setup({
      maxAttempts: 2,
      record: async () => {
        throw new Error('database down');
      },
    });
    const throwing = {
      id: 'sync',
      deliver: () => {
        throw new Error('boom');
      },
    } as unknown as RouteSink;
    await expect(
      dispatcher.deliver(aDelivery(), [throwing]),
    ).resolves.toBeUndefined();
    await dispatcher.idle();
  });

  it('skips sinks that decline the delivery, without recording anything', async () => {
    server = await startTestServer({ fallback: { status: 202, body: '{}' } });
    const { dispatcher, records } = setup();
    const sink = pagerDutySink({ routingKey: 'k', url: server.url });

    await dispatcher.deliver(aDelivery({ severity: 'low' }), [sink]);
    expect(server.requests).toHaveLength(0);
    expect(records).toEqual([]);

    await dispatcher.deliver(aDelivery({ severity: 'critical' }), [sink]);
    expect(server.requests).toHaveLength(1);
    expect(records.map(r => [r.channel, r.status])).toEqual([
      ['pagerduty', 'sent'],
    ]);
  });
});
