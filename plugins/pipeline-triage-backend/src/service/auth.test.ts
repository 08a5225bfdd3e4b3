import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import pipelineTriageBackend from '../index';

describe('pipeline-triage without credentials', () => {
  it('answers health, and 401 on every other route', async () => {
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
      expect(
        (await request(backend.server).get('/api/pipeline-triage/health'))
          .status,
      ).toBe(200);
      for (const [method, path] of [
        ['get', '/v1/incidents'],
        ['get', '/v1/incidents/x'],
        ['patch', '/v1/incidents/x'],
        ['get', '/v1/trends'],
        ['get', '/v1/stats'],
        ['get', '/v1/events/x'],
        ['post', '/v1/events'],
        ['get', '/v1/dead-letters'],
      ] as const) {
        const res = await request(backend.server)
          [method](`/api/pipeline-triage${path}`)
          .send({});
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
      }
    } finally {
      await backend.stop();
    }
  });
});
