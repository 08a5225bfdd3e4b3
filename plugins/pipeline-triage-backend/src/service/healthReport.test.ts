import knexFactory from 'knex';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import pipelineTriageBackend from '../index';
import { KnexTriageStore, migrateStore } from '../store';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';
import { healthReport } from './healthReport';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: databaseIds() });
const options = { maxQueueLagSeconds: 300, databaseTimeoutMs: 3000 };

const newEvent = (runId: string) => ({
  key: `generic:${runId}`,
  event: {
    source: 'generic' as const,
    outcome: 'fail' as const,
    job: { namespace: 'airflow', name: 'orders_daily.load' },
    eventTime: '2026-11-20T10:00:00.000Z',
    runId,
  },
  sender: 'external:pipeline-sender',
  logTrimmed: false,
  quiet: false,
});

describe.each(databaseIds())('healthReport on %s', databaseId => {
  it('is ok when the queue is fresh, degraded by queue lag and by dead letters, with reasons', async () => {
    const knex = await databases.init(databaseId);
    await migrateStore(knex);
    const store = new KnexTriageStore(knex);
    expect(await healthReport(store, options)).toEqual({
      status: 'ok',
      reasons: [],
    });

    const [a] = await store.acceptEvents([newEvent('run-1')]);
    expect((await healthReport(store, options)).status).toBe('ok');
    const tenMinutesLater = Date.now() + 600_000;
    const lagging = await healthReport(store, options, tenMinutesLater);
    expect(lagging.status).toBe('degraded');
    expect(lagging.reasons).toEqual([
      expect.objectContaining({ part: 'queue', pending: 1 }),
    ]);
    expect(lagging.reasons[0].message).toMatch(
      /oldest for 6\d\ds \(threshold 300s\)/,
    );

    await store.claimEvents([a.id], 60_000).then(c => c[0]);
    await store.failEvent(a.id, 'boom', { maxAttempts: 1, retryDelayMs: 0 });
    const dead = await healthReport(store, options);
    expect(dead).toEqual({
      status: 'degraded',
      reasons: [expect.objectContaining({ part: 'dead-letters', count: 1 })],
    });
    await knex.destroy();
  });
});

describe('healthReport without a database', () => {
  it('is unavailable when PostgreSQL does not answer', async () => {
    // A real pg client against a port nobody listens on.
    const knex = knexFactory({
      client: 'pg',
      connection: { host: '127.0.0.1', port: 1, user: 'x' },
      acquireConnectionTimeout: 1000,
    });
    const report = await healthReport(new KnexTriageStore(knex), options);
    expect(report.status).toBe('unavailable');
    expect(report.reasons).toEqual([
      expect.objectContaining({
        part: 'database',
        message: expect.stringMatching(/^database unreachable: /),
      }),
    ]);
    await knex.destroy();
  });
});

describe.each(databaseIds())('GET /health on %s', databaseId => {
  it('gives everyone the status, authenticated callers the reasons, and 503 once the database is gone', async () => {
    const prefix = `pt_test_health_${process.pid}_`;
    const backend = await startTriageBackend(
      databaseId,
      {},
      {
        config: data => {
          if (databaseId === 'POSTGRES_15')
            data.backend.database.prefix = prefix;
        },
      },
    );
    try {
      const authenticated = await request(backend.server)
        .get('/api/pipeline-triage/health')
        .set('authorization', mockCredentials.service.header());
      expect(authenticated.body).toEqual({ status: 'ok', reasons: [] });
      expect(
        (await request(backend.server).get('/api/pipeline-triage/health/live'))
          .status,
      ).toBe(200);

      if (databaseId !== 'POSTGRES_15') return;
      // Take the plugin's database away for real: refuse new connections and end the open ones.
      const admin = knexFactory({
        client: 'pg',
        connection:
          process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING,
      });
      const name = `${prefix}pipeline-triage`;
      await admin.raw(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.raw(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?',
        [name],
      );
      try {
        const down = await request(backend.server)
          .get('/api/pipeline-triage/health')
          .set('authorization', mockCredentials.service.header());
        expect(down.status).toBe(503);
        expect(down.body).toEqual({
          status: 'unavailable',
          reasons: [expect.objectContaining({ part: 'database' })],
        });
        expect(
          (
            await request(backend.server).get(
              '/api/pipeline-triage/health/live',
            )
          ).status,
        ).toBe(200);
      } finally {
        await admin.raw(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
        await admin.destroy();
      }
      // Back again once the database is.
      const up = await request(backend.server)
        .get('/api/pipeline-triage/health')
        .set('authorization', mockCredentials.service.header());
      expect(up.body).toEqual({ status: 'ok', reasons: [] });
    } finally {
      await backend.stop();
      if (databaseId === 'POSTGRES_15') await dropDatabases(prefix);
    }
  });
});

describe('GET /health of a deployment that signs users in', () => {
  it('is unavailable with the reason when no auth backend answers for the sign-in keys', async () => {
    // auth.providers says users sign in here, but this backend has no auth plugin: the state an
    // instance is in when the auth backend lost its start-up (a migration race on a new database).
    const backend = await startTriageBackend(
      'SQLITE_3',
      { health: { dependencyCacheSeconds: 0 } },
      {
        config: data => {
          data.auth = { providers: { guest: {} } };
        },
      },
    );
    try {
      const res = await request(backend.server)
        .get('/api/pipeline-triage/health')
        .set('authorization', mockCredentials.service.header());
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        status: 'unavailable',
        reasons: [
          {
            part: 'auth',
            message: expect.stringMatching(
              /^sign-in unavailable: the auth backend answered 404/,
            ),
          },
        ],
      });
    } finally {
      await backend.stop();
    }
  });
});

/** The databases this test named itself; the others' test databases are not ours to drop. */
async function dropDatabases(prefix: string) {
  const admin = knexFactory({
    client: 'pg',
    connection:
      process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING,
  });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
      [prefix],
    );
    for (const { datname } of rows)
      await admin.raw(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.destroy();
  }
}

describe('GET /health without credentials', () => {
  it('answers the status without the reasons', async () => {
    const backend = await startTestBackend({
      features: [
        pipelineTriageBackend,
        catalogServiceMock.factory(),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    try {
      const res = await request(backend.server).get(
        '/api/pipeline-triage/health',
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
      expect(
        (await request(backend.server).get('/api/pipeline-triage/health/live'))
          .status,
      ).toBe(200);
    } finally {
      await backend.stop();
    }
  });
});
