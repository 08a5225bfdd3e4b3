import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';
import { databaseIds } from '../__testUtils__/databaseIds';

jest.setTimeout(120_000);

const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header('user:default/guest');
const API = '/api/pipeline-triage';

const failure = (
  name: string,
  logExcerpt: string,
  signals?: Record<string, unknown>,
) => ({
  source: 'generic',
  job: { namespace: 'spark-prod', name, type: 'spark' },
  runId: `${name}-1`,
  eventTime: '2026-12-01T02:00:00Z',
  logExcerpt,
  ...(signals ? { signals } : {}),
});

describe.each(databaseIds())(
  'the verdict an incident and its report show, on %s',
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
      const incidentId = res.body.results[0].incidentId as string;
      const incident = await request(backend.server)
        .get(`${API}/v1/incidents/${incidentId}`)
        .set('authorization', USER);
      const report = await request(backend.server)
        .get(`${API}/v1/incidents/${incidentId}/report`)
        .set('authorization', USER);
      expect(incident.status).toBe(200);
      expect(report.status).toBe(200);
      return { incident: incident.body, report: report.text as string };
    }

    it('an abstention says what is missing and which attachment would settle it', async () => {
      const { incident, report } = await post(
        failure(
          'sessions_abstain',
          'org.apache.spark.SparkException: Job aborted due to stage failure: Task 4 in stage 17.0 failed 4 times, most recent failure: Lost task 4.3 in stage 17.0 (TID 2211)',
        ),
      );
      expect(incident.verdict.classification.category).toBe('unknown');
      expect(incident.verdict.missingEvidence.requests[0].ask).toMatch(
        /executor logs \(stderr\) of stage 17/,
      );
      expect(report).toContain('## Missing evidence');
      expect(report).toContain('send the executor logs (stderr) of stage 17');
    });

    it('an OOM with skewed task figures shows skew winning and memory dismissed, with why', async () => {
      const { incident, report } = await post(
        failure(
          'sessions_skew',
          'java.lang.OutOfMemoryError: Java heap space\norg.apache.spark.SparkException: Job aborted due to stage failure: Task 7 in stage 3.0 failed 4 times',
          {
            maxTaskInputBytes: 20_000_000_000,
            medianTaskInputBytes: 200_000_000,
            taskCount: 400,
          },
        ),
      );
      const hypotheses = incident.verdict.classification.hypotheses;
      expect(hypotheses.map((h: { category: string }) => h.category)[0]).toBe(
        'data_skew',
      );
      expect(hypotheses).toHaveLength(3);
      const memory = hypotheses.find(
        (h: { category: string }) => h.category === 'resource_exhaustion',
      );
      expect(memory.against.join('\n')).toMatch(
        /one task read 100x the median task's input: memory ran out on one overloaded task/,
      );
      expect(report).toMatch(
        /\*\*Resource exhaustion\*\* \(score \d\.\d\d, dismissed\)/,
      );
      expect(report).toContain('Against: one task read 100x the median');
    });
  },
);
