import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';

jest.setTimeout(120_000);

describe('a failing delivery sink', () => {
  it('loses nothing: the incident is stored, people are notified, and the failed attempts are recorded', async () => {
    let hits = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        hits++;
        res.statusCode = 503;
        res.end('down');
      });
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/hook`;
    // The retry comes from the outbox job on the real scheduler.
    const backend = await startTriageBackend(
      'SQLITE_3',
      {
        sinks: {
          webhook: { url, secret: 'test-secret' },
          retry: { maxAttempts: 2, baseDelayMs: 1, intervalSeconds: 1 },
        },
      },
      { features: [schedulerServiceFactory] },
    );
    try {
      const post = await request(backend.server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', mockCredentials.service.header())
        .send({
          source: 'generic',
          job: { namespace: 'spark-prod', name: 'customer_ltv_features' },
          runId: 'sink-1',
          eventTime: new Date().toISOString(),
          errorMessage: 'java.lang.OutOfMemoryError: Java heap space',
        });
      expect(post.status).toBe(202);
      const { incidentId } = post.body.results[0];
      expect(incidentId).toEqual(expect.any(String));

      let notifications: Array<{ channel: string; status: string }> = [];
      for (
        let i = 0;
        i < 300 &&
        notifications.filter(n => n.channel === 'webhook').length < 2;
        i++
      ) {
        await new Promise(r => setTimeout(r, 100));
        const detail = await request(backend.server)
          .get(`/api/pipeline-triage/v1/incidents/${incidentId}`)
          .set('authorization', mockCredentials.user.header());
        notifications = detail.body.notifications;
      }
      expect(hits).toBe(2);
      expect(notifications).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ channel: 'backstage', status: 'sent' }),
          expect.objectContaining({ channel: 'webhook', status: 'failed' }),
        ]),
      );
      expect(notifications.filter(n => n.channel === 'webhook')).toHaveLength(
        2,
      );
    } finally {
      await backend.stop();
      server.close();
    }
  });
});
