import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';
import { databaseIds } from '../__testUtils__/databaseIds';

jest.setTimeout(120_000);

const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header('user:default/guest');
const API = '/api/pipeline-triage';

// A vendor-declared retryable cause, nothing written: a yes on its own.
const THROTTLED =
  'requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://api.vendor.example/v1/export';

const run = (
  name: string,
  hour: number,
  extra: Record<string, unknown> = {},
) => ({
  source: 'generic',
  job: { namespace: 'airflow-prod', name, type: 'airflow' },
  runId: `${name}-${hour}`,
  eventTime: `2026-12-02T${String(hour).padStart(2, '0')}:00:00Z`,
  logExcerpt: THROTTLED,
  signals: { commitsDuringRun: 0, rowsWritten: 0 },
  ...extra,
});
const success = (name: string, hour: number) => ({
  ...run(name, hour),
  outcome: 'success',
  logExcerpt: undefined,
  signals: undefined,
});

describe.each(databaseIds())(
  "the job's own history in the retry verdict, on %s",
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;
    beforeAll(async () => {
      backend = await startTriageBackend(databaseId);
    });
    afterAll(async () => backend?.stop());

    async function post(event: object) {
      const res = await request(backend.server)
        .post(`${API}/v1/events`)
        .set('authorization', SENDER)
        .send(event);
      expect(res.status).toBe(202);
      return res.body.results[0] as { incidentId?: string };
    }
    async function retryOf(event: object) {
      const { incidentId } = await post(event);
      const incident = await request(backend.server)
        .get(`${API}/v1/incidents/${incidentId}`)
        .set('authorization', USER);
      expect(incident.status).toBe(200);
      return incident.body.verdict.retry;
    }

    it('says that the earlier retries of the same failure succeeded', async () => {
      const first = await retryOf(run('history_ok', 1));
      expect(first.safeToRetry).toBe(true);
      expect(first.history).toBeUndefined();
      await post(success('history_ok', 2));
      await post(run('history_ok', 3));
      await post(success('history_ok', 4));
      const retry = await retryOf(run('history_ok', 5));
      expect(retry.safeToRetry).toBe(true);
      expect(retry.reason).toMatch(/retried 2 times before: 2 succeeded\.$/);
      expect(retry.history).toEqual({
        retried: 2,
        succeeded: 2,
        failedSame: 0,
        lastFailedSame: 0,
      });
    });

    it('turns to not safe when the last retries failed the same way', async () => {
      const attempts = (attempt: number) => ({ attempt, maxAttempts: 5 });
      expect(
        (await retryOf(run('history_stuck', 1, attempts(1)))).safeToRetry,
      ).toBe(true);
      expect(
        (await retryOf(run('history_stuck', 2, attempts(2)))).safeToRetry,
      ).toBe(true);
      const retry = await retryOf(run('history_stuck', 3, attempts(3)));
      expect(retry.safeToRetry).toBe(false);
      expect(retry.reason).toMatch(
        /^Not safe: the last 2 retries of this job failed the same way/,
      );
      expect(retry.history).toMatchObject({ failedSame: 2, lastFailedSame: 2 });
    });
  },
);
