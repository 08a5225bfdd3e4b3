import request from 'supertest';
import WebSocket from 'ws';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  INCIDENT_SIGNAL_CHANNEL,
  INVESTIGATION_SIGNAL_CHANNEL,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startRealAuthBackend } from '../__testUtils__/startRealAuthBackend';

jest.setTimeout(300_000);

/*
 * Live updates through the real signals wiring: the plugin's signalsServiceRef publishes on the
 * backend's events service, the signals backend delivers to websockets opened the way the app
 * opens them (a real guest token as the protocol, or none). Signals carry ids and a kind only and
 * reach only the entities that may read the incident: the guest hears of its team's incident and
 * not of finance's, an anonymous socket hears of nothing.
 */
const databases = TestDatabases.create({ ids: databaseIds() });
const API = '/api/pipeline-triage';
const CHANNELS = [INCIDENT_SIGNAL_CHANNEL, INVESTIGATION_SIGNAL_CHANNEL];
const SENTINEL = 'test-sentinel';

interface Received {
  channel: string;
  message: Record<string, unknown>;
}

/** A signals websocket as the app opens it, with everything it receives. */
async function openSocket(port: number, token?: string) {
  const received: Received[] = [];
  const waiters: Array<() => void> = [];
  const socket = token
    ? new WebSocket(`ws://localhost:${port}/api/signals`, token)
    : new WebSocket(`ws://localhost:${port}/api/signals`);
  socket.on('message', data => {
    received.push(JSON.parse(data.toString()));
    waiters.splice(0).forEach(w => w());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  for (const channel of CHANNELS)
    socket.send(JSON.stringify({ action: 'subscribe', channel }));
  /** Resolves once `count` sentinels have arrived (earlier messages arrived before them). */
  const sentinels = async (count: number) => {
    while (received.filter(r => r.message.kind === SENTINEL).length < count) {
      await new Promise<void>(resolve => waiters.push(resolve));
    }
  };
  return { socket, received, sentinels };
}

/**
 * The signals backend starts listening for websocket upgrades when its router first sees a
 * request that asks for one, and leaves that first request unanswered (the app reconnects). So:
 * one attempt, dropped once the server listens for upgrades.
 */
async function primeSignals(
  server: { listenerCount(event: string): number },
  port: number,
) {
  const first = new WebSocket(`ws://localhost:${port}/api/signals`);
  first.on('error', () => undefined);
  while (server.listenerCount('upgrade') === 0)
    await new Promise(resolve => setImmediate(resolve));
  first.terminate();
}

function failure(
  job: { namespace: string; name: string },
  runId: string,
  errorMessage: string,
) {
  return {
    source: 'generic',
    job,
    runId,
    eventTime: new Date().toISOString(),
    errorMessage,
  };
}

describe.each(databases.eachSupportedId())('live signals on %s', databaseId => {
  it("carry ids and a kind only, to the incident's owner and routed-to team, never to everyone", async () => {
    const { backend, server, callers, probe } = await startRealAuthBackend(
      databaseId,
    );
    const sockets: WebSocket[] = [];
    try {
      const published: Array<{
        channel: string;
        recipients: { type: string; entityRef?: string[] };
        message: Record<string, unknown>;
      }> = [];
      await probe.events.subscribe({
        id: 'signal-spy',
        topics: ['signals'],
        onEvent: async e => void published.push(e.eventPayload as any),
      });

      const port = (server as unknown as { port(): number }).port();
      await primeSignals(server as any, port);
      const guest = await openSocket(port, callers.guestToken);
      const anonymous = await openSocket(port);
      sockets.push(guest.socket, anonymous.socket);
      const sentinel = async () => {
        for (const channel of CHANNELS) {
          await probe.signals.publish({
            recipients: { type: 'broadcast' },
            channel,
            message: { kind: SENTINEL },
          });
        }
      };
      const heard = (socket: { received: Received[] }) =>
        new Set(
          socket.received
            .filter(r => r.message.kind === SENTINEL)
            .map(r => r.channel),
        ).size;
      // Subscriptions travel over the sockets: announce until both sockets hear both channels.
      while (
        heard(guest) < CHANNELS.length ||
        heard(anonymous) < CHANNELS.length
      ) {
        await sentinel();
        await new Promise(resolve => setImmediate(resolve));
      }
      const sentinelsBefore = (socket: { received: Received[] }) =>
        socket.received.filter(r => r.message.kind === SENTINEL).length;
      const [guestSentinels, anonymousSentinels] = [
        sentinelsBefore(guest),
        sentinelsBefore(anonymous),
      ];

      const post = async (authorization: string, event: object) => {
        const res = await request(server)
          .post(`${API}/v1/events`)
          .set('authorization', authorization)
          .send(event);
        expect(res.status).toBe(202);
        return res.body.results[0].incidentId as string;
      };
      const visible = await post(
        callers.sender,
        failure(
          { namespace: 'spark-prod', name: 'customer_ltv_features' },
          'live-1',
          'java.lang.OutOfMemoryError: Java heap space',
        ),
      );
      const hidden = await post(
        callers.otherSender,
        failure(
          { namespace: 'dbt-prod', name: 'dbt-run-commerce' },
          'live-2',
          'ERROR: duplicate key value violates unique constraint "orders_pkey"',
        ),
      );
      const investigate = async (id: string) => {
        const res = await request(server)
          .post(`${API}/v1/incidents/${id}/investigate`)
          .set('authorization', callers.plugin);
        expect(res.status).toBe(202);
        return res.body.id as string;
      };
      const investigations = [
        await investigate(visible),
        await investigate(hidden),
      ];
      const ack = await request(server)
        .patch(`${API}/v1/incidents/${visible}`)
        .set('authorization', callers.guest)
        .send({ action: 'acknowledge' });
      expect(ack.status).toBe(200);
      // Wait (on the API, no sleeping) until both investigations have finished.
      const running = async (id: string) =>
        (
          await request(server)
            .get(`${API}/v1/incidents/${id}/investigations`)
            .set('authorization', callers.plugin)
        ).body.items.some((i: { status: string }) => i.status === 'running');
      while ((await running(visible)) || (await running(hidden)))
        await new Promise(resolve => setImmediate(resolve));
      // Delivery is in order on each socket: once the last sentinels arrive, everything before them has.
      await sentinel();
      await Promise.all([
        guest.sentinels(guestSentinels + CHANNELS.length),
        anonymous.sentinels(anonymousSentinels + CHANNELS.length),
      ]);

      // Ours: the notifications backend signals on its own channel.
      const ours = published.filter(
        p => CHANNELS.includes(p.channel) && p.message.kind !== SENTINEL,
      );
      const detail = async (id: string) =>
        (
          await request(server)
            .get(`${API}/v1/incidents/${id}`)
            .set('authorization', callers.plugin)
        ).body;
      const [v, h] = [await detail(visible), await detail(hidden)];
      const audience = (i: { ownerRef?: string; routedTo?: string }) =>
        [
          ...new Set(
            [i.ownerRef, i.routedTo]
              .filter((x): x is string => Boolean(x))
              .flatMap(r => [r, r.toLocaleLowerCase('en-US')]),
          ),
        ].sort();

      // Ids and a kind, nothing else; to users by entity, never broadcast.
      expect(ours.length).toBeGreaterThan(6);
      for (const p of ours) {
        expect(CHANNELS).toContain(p.channel);
        expect(p.recipients.type).toBe('user');
        const keys =
          p.channel === INCIDENT_SIGNAL_CHANNEL
            ? ['incidentId', 'kind']
            : ['incidentId', 'investigationId', 'kind'];
        expect(Object.keys(p.message).sort()).toEqual(keys);
        const id = p.message.incidentId;
        expect([visible, hidden]).toContain(id);
        expect([...p.recipients.entityRef!].sort()).toEqual(
          audience(id === visible ? v : h),
        );
      }
      expect(
        ours.filter(p => p.message.incidentId === hidden).length,
      ).toBeGreaterThan(0);
      expect(audience(h)).not.toContain('group:default/growth-analytics');
      expect(audience(v)).toContain('group:default/growth-analytics');

      // The guest heard of its team's incident (recorded, acknowledged, investigated), not of finance's.
      const guestHeard = guest.received.filter(
        r => r.message.kind !== SENTINEL,
      );
      expect(
        guestHeard.some(
          r =>
            r.channel === INCIDENT_SIGNAL_CHANNEL &&
            r.message.incidentId === visible,
        ),
      ).toBe(true);
      expect(
        guestHeard.some(
          r =>
            r.message.investigationId === investigations[0] &&
            r.message.kind === 'finished',
        ),
      ).toBe(true);
      expect(guestHeard.filter(r => r.message.incidentId === hidden)).toEqual(
        [],
      );
      // An anonymous socket heard nothing but the test's own broadcasts.
      expect(
        anonymous.received.filter(r => r.message.kind !== SENTINEL),
      ).toEqual([]);
    } finally {
      sockets.forEach(s => s.close());
      await backend.stop();
    }
  });
});
