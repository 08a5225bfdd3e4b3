import type { Server } from 'node:http';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';

/** Posts one failure in the generic format as a trusted service and returns its incident id. */
export async function postGenericFailure(
  server: Server,
  job: { namespace: string; name: string },
  errorMessage: string,
  runId: string,
): Promise<string> {
  const res = await request(server)
    .post('/api/pipeline-triage/v1/events')
    .set('authorization', mockCredentials.service.header())
    .send({
      source: 'generic',
      job,
      runId,
      eventTime: new Date().toISOString(),
      errorMessage,
    });
  expect(res.status).toBe(202);
  const { incidentId } = res.body.results[0];
  expect(incidentId).toEqual(expect.any(String));
  return incidentId as string;
}
