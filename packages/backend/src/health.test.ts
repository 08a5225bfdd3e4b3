import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import authBackend from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogBackend from '@backstage/plugin-catalog-backend';
import notificationsBackend from '@backstage/plugin-notifications-backend';
import signalsBackend from '@backstage/plugin-signals-backend';
import pipelineTriageBackend from '@pipeline-triage/plugin-pipeline-triage-backend';

jest.setTimeout(60_000);

describe('GET /api/pipeline-triage/health in the example backend', () => {
  it('is ok when the auth backend that signs users in serves its keys and the catalog answers', async () => {
    const backend = await startTestBackend({
      features: [
        authBackend,
        guestProvider,
        catalogBackend,
        notificationsBackend,
        signalsBackend,
        pipelineTriageBackend,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: {
              baseUrl: 'http://localhost:7007',
              database: { client: 'better-sqlite3', connection: ':memory:' },
            },
            auth: {
              environment: 'development',
              providers: {
                guest: { dangerouslyAllowOutsideDevelopment: true },
              },
            },
            pipelineTriage: { health: { dependencyCacheSeconds: 0 } },
          },
        }),
      ],
    });
    try {
      const res = await request(backend.server)
        .get('/api/pipeline-triage/health')
        .set('authorization', mockCredentials.service.header());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', reasons: [] });
    } finally {
      await backend.stop();
    }
  });
});
