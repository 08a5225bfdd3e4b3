import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import {
  EXAMPLES_DIR,
  startTriageBackend,
} from '../__testUtils__/startTriageBackend';

jest.setTimeout(180_000);

/**
 * What a catalog that lost its start-up (a migration race) answers: Backstage's 503 for a plugin
 * that has not started. The real catalog keeps running; discovery sends the plugin's catalog
 * client here while the test says the catalog is down.
 */
async function unavailableCatalog(
  mode: 'answers 503' | 'never answers' = 'answers 503',
) {
  const server = http.createServer((_req, res) => {
    if (mode === 'never answers') return;
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: {
          name: 'ServiceUnavailableError',
          message: 'Service has not started up yet',
        },
        response: { statusCode: 503 },
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/catalog`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Discovery that sends the catalog client to the outage while the test says the catalog is down. */
function discoveryWithOutage(
  outageUrl: string,
  state: { catalogDown: boolean; port: number },
) {
  return createServiceFactory({
    service: coreServices.discovery,
    deps: {},
    factory: () => {
      const url = async (pluginId: string) =>
        pluginId === 'catalog' && state.catalogDown
          ? outageUrl
          : `http://localhost:${state.port}/api/${pluginId}`;
      return { getBaseUrl: url, getExternalBaseUrl: url };
    },
  });
}

describe.each(databaseIds())('a catalog outage on %s', databaseId => {
  it('keeps an accepted event pending through the outage, reports it on /health, and triages it once the catalog is back', async () => {
    const outage = await unavailableCatalog();
    const state = { catalogDown: false, port: 0 };
    const discovery = discoveryWithOutage(outage.url, state);
    const scheduler = mockServices.scheduler();
    const backend = await startTriageBackend(
      databaseId,
      // Two attempts and no back-off: the old code dead-lettered on the second sweep. A lease of 0
      // lets the sweeper take an event the request left behind at once instead of a lease later.
      {
        processing: {
          maxAttempts: 2,
          retryDelaySeconds: 0,
          leaseSeconds: 0,
          sweepIntervalSeconds: 3600,
        },
        health: { dependencyCacheSeconds: 0 },
      },
      {
        features: [
          discovery,
          createServiceFactory({
            service: coreServices.scheduler,
            deps: {},
            factory: () => scheduler,
          }),
        ],
      },
    );
    state.port = (backend.server.address() as AddressInfo).port;
    const reader = mockCredentials.user.header();
    const sweep = () => scheduler.triggerTask('pipeline-triage-sweeper');
    try {
      const oom = JSON.parse(
        fs.readFileSync(
          path.join(EXAMPLES_DIR, 'events/openlineage-fail-spark-oom.json'),
          'utf8',
        ),
      );
      state.catalogDown = true;

      const posted = await request(backend.server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', mockCredentials.service.header())
        .send({
          ...oom,
          run: { ...oom.run, runId: '00000000-0000-4000-8000-0000000000c5' },
        });
      expect(posted.status).toBe(202);
      expect(posted.body.results[0]).toMatchObject({
        status: 'accepted',
        processing: 'pending',
      });
      const eventId = posted.body.results[0].eventId;

      // The outage outlasts every attempt the processor has: the event waits, it is not poison.
      for (let i = 0; i < 4; i++) await sweep();
      const waiting = await request(backend.server)
        .get(`/api/pipeline-triage/v1/events/${eventId}`)
        .set('authorization', reader);
      expect(waiting.body).toMatchObject({ status: 'pending' });
      const dead = await request(backend.server)
        .get('/api/pipeline-triage/v1/dead-letters')
        .set('authorization', reader);
      expect(dead.body.items).toEqual([]);

      const health = await request(backend.server)
        .get('/api/pipeline-triage/health')
        .set('authorization', reader);
      expect(health.status).toBe(200);
      expect(health.body).toEqual({
        status: 'degraded',
        reasons: [
          expect.objectContaining({
            part: 'catalog',
            message: expect.stringMatching(/catalog unavailable.*503/i),
          }),
        ],
      });

      state.catalogDown = false;
      await sweep();
      const done = await request(backend.server)
        .get(`/api/pipeline-triage/v1/events/${eventId}`)
        .set('authorization', reader);
      expect(done.body).toMatchObject({
        status: 'done',
        incidentId: expect.any(String),
      });
      const incident = await request(backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${done.body.incidentId}`)
        .set('authorization', reader);
      // Linked to the catalog's pipeline now that the catalog answers.
      expect(incident.body.jobEntityRef).toMatch(/^component:default\//);
      const healthy = await request(backend.server)
        .get('/api/pipeline-triage/health')
        .set('authorization', reader);
      expect(healthy.body).toEqual({ status: 'ok', reasons: [] });
    } finally {
      await backend.stop();
      outage.close();
    }
  });

  it('answers a post within the catalog timeout when the catalog hangs, and keeps the event for later', async () => {
    const outage = await unavailableCatalog('never answers');
    const state = { catalogDown: true, port: 0 };
    const backend = await startTriageBackend(
      databaseId,
      {
        linking: { cacheTtlSeconds: 0, catalogTimeoutSeconds: 1 },
        health: { dependencyCacheSeconds: 0 },
      },
      { features: [discoveryWithOutage(outage.url, state)] },
    );
    state.port = (backend.server.address() as AddressInfo).port;
    try {
      const posted = await request(backend.server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', mockCredentials.service.header())
        .send({
          source: 'generic',
          job: { namespace: 'airflow', name: 'orders_daily.load' },
          runId: 'hang-1',
          eventTime: '2026-11-20T10:00:00Z',
          errorMessage: 'boom',
        });
      expect(posted.status).toBe(202);
      expect(posted.body.results[0]).toMatchObject({
        status: 'accepted',
        processing: 'pending',
      });
      const health = await request(backend.server)
        .get('/api/pipeline-triage/health')
        .set('authorization', mockCredentials.user.header());
      expect(health.body).toEqual({
        status: 'degraded',
        reasons: [
          expect.objectContaining({
            part: 'catalog',
            message: expect.stringMatching(
              /^catalog unavailable: no answer within 1000 ms/,
            ),
          }),
        ],
      });
    } finally {
      await backend.stop();
      outage.close();
    }
  });
});
