import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';

jest.setTimeout(180_000);

/** Without a key: the same Investigate flow, rule-based, from each incident's own evidence; attachments. */
const databases = TestDatabases.create({ ids: databaseIds() });
const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header('user:default/priya.raman');
const API = '/api/pipeline-triage';

let n = 0;
const failure = (
  job: { namespace: string; name: string },
  message: string,
  extra: Record<string, unknown> = {},
) => ({
  source: 'generic',
  job,
  runId: `rule-investigation-${++n}-${Date.now()}`,
  eventTime: new Date(Date.now() - 60_000 + n).toISOString(),
  errorMessage: message,
  ...extra,
});

describe.each(databases.eachSupportedId())(
  'investigations without a key on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;
    beforeAll(async () => {
      backend = await startTriageBackend(databaseId, {
        llm: { mode: 'always' },
      });
    });
    afterAll(async () => {
      await backend?.stop();
    });

    const post = async (body: object) => {
      const res = await request(backend.server)
        .post(`${API}/v1/events`)
        .set('authorization', SENDER)
        .send(body);
      expect(res.status).toBe(202);
      return res.body.results[0].incidentId as string;
    };
    const investigate = async (incidentId: string) => {
      const res = await request(backend.server)
        .post(`${API}/v1/incidents/${incidentId}/investigate`)
        .set('authorization', USER);
      expect(res.status).toBe(202);
      for (;;) {
        const items = (
          await request(backend.server)
            .get(`${API}/v1/incidents/${incidentId}/investigations`)
            .set('authorization', USER)
        ).body.items;
        const inv = items.find((i: any) => i.id === res.body.id);
        if (inv.status !== 'running') return inv;
        await new Promise(r => setTimeout(r, 50));
      }
    };
    const attach = (incidentId: string) =>
      request(backend.server)
        .post(`${API}/v1/incidents/${incidentId}/attachments`)
        .set('authorization', USER);

    it('investigates from each incident’s own evidence, labelled rule-based', async () => {
      const oom = await post(
        failure(
          { namespace: 'spark-prod', name: 'customer_ltv_features' },
          'java.lang.OutOfMemoryError: Java heap space',
        ),
      );
      const denied = await post(
        failure(
          {
            namespace: 'airflow-prod',
            name: 'finance_revenue_daily.build_daily_revenue',
          },
          "snowflake.connector.errors.ProgrammingError: 003001 (42501): SQL access control error: Insufficient privileges to operate on table 'DAILY_REVENUE'",
        ),
      );
      const a = await investigate(oom);
      const b = await investigate(denied);
      for (const inv of [a, b]) {
        expect(inv).toMatchObject({
          status: 'completed',
          source: 'rule-based',
          trigger: 'user',
        });
        expect(inv.model).toBeUndefined();
        expect(inv.steps.map((s: any) => s.kind)).toEqual(
          expect.arrayContaining([
            'context',
            'hypothesis',
            'root_cause',
            'remediation',
            'outcome',
          ]),
        );
        expect(inv.steps.map((s: any) => s.seq)).toEqual(
          inv.steps.map((_: unknown, i: number) => i + 1),
        );
      }
      expect(a.result.category).toBe('resource_exhaustion');
      expect(b.result.category).toBe('permission');
      expect(a.result.rootCause.summary).toContain('OutOfMemoryError');
      expect(b.result.rootCause.summary).toContain('Insufficient privileges');
      expect(a.result.remediation).not.toEqual(b.result.remediation);
      // The rule engine's evidence is cited by id.
      const cited = a.result.hypotheses.flatMap((h: any) => h.evidenceFor);
      const incident = (
        await request(backend.server)
          .get(`${API}/v1/incidents/${oom}`)
          .set('authorization', USER)
      ).body;
      expect(cited.length).toBeGreaterThan(0);
      for (const id of cited)
        expect(incident.evidenceLines.map((l: any) => l.id)).toContain(id);
      // Stable: the same incident investigated again gives the same conclusions.
      expect((await investigate(oom)).result).toEqual(a.result);
    });

    it('re-classifies with pasted evidence and feeds the next investigation', async () => {
      const incidentId = await post(
        failure(
          { namespace: 'spark-prod', name: 'customer_ltv_features' },
          'Stage 4 failed; see the executor log',
        ),
      );
      const before = (
        await request(backend.server)
          .get(`${API}/v1/incidents/${incidentId}`)
          .set('authorization', USER)
      ).body;
      expect(before.category).toBe('unknown');
      const orgCounts = async () => {
        const res = await request(backend.server)
          .get(`${API}/v1/trends?weeks=52&groupBy=category`)
          .set('authorization', USER);
        const sum = (key: string) =>
          res.body.weeks.reduce(
            (total: number, w: any) => total + (w.counts[key] ?? 0),
            0,
          );
        return {
          unknown: sum('unknown'),
          resource: sum('resource_exhaustion'),
        };
      };
      const countsBefore = await orgCounts();
      const res = await attach(incidentId).send({
        kind: 'log',
        name: 'executor-7.log',
        text: '24/11/22 10:01:02 ERROR Executor: Exception in task 3.0\njava.lang.OutOfMemoryError: Java heap space\n\tat java.util.Arrays.copyOf(Arrays.java:3236)',
      });
      expect(res.status).toBe(201);
      expect(res.body.reclassified).toMatchObject({
        previous: 'unknown',
        category: 'resource_exhaustion',
        changed: true,
      });
      expect(res.body.attachment).toMatchObject({
        id: 'A1',
        kind: 'log',
        name: 'executor-7.log',
      });
      const after = (
        await request(backend.server)
          .get(`${API}/v1/incidents/${incidentId}`)
          .set('authorization', USER)
      ).body;
      expect(after.category).toBe('resource_exhaustion');
      // The weekly trends count the incident under its new category.
      expect(await orgCounts()).toEqual({
        unknown: countsBefore.unknown - 1,
        resource: countsBefore.resource + 1,
      });
      const inv = await investigate(incidentId);
      expect(inv.steps[0].data.attachments).toBe(1);
      expect(inv.result.rootCause.summary).toMatch(/OutOfMemoryError/);
    });

    it('accepts an uploaded file and refuses bad attachments with errors naming the field', async () => {
      const incidentId = await post(
        failure(
          { namespace: 'spark-prod', name: 'customer_ltv_features' },
          'java.lang.OutOfMemoryError: GC overhead limit exceeded',
        ),
      );
      const ok = await attach(incidentId)
        .field('kind', 'schema')
        .attach('file', Buffer.from('{"type":"record","fields":[]}'), {
          filename: 'orders.avsc',
          contentType: 'application/json',
        });
      expect(ok.status).toBe(201);
      expect(ok.body.attachment).toMatchObject({
        kind: 'schema',
        name: 'orders.avsc',
      });

      const exe = await attach(incidentId)
        .field('kind', 'log')
        .attach('file', Buffer.from('MZ\u0000\u0001'), {
          filename: 'tool.exe',
          contentType: 'application/octet-stream',
        });
      expect(exe.status).toBe(400);
      expect(exe.body.error.message).toMatch(
        /^file: extension ".exe" is not allowed/,
      );

      const binary = await attach(incidentId)
        .field('kind', 'log')
        .attach('file', Buffer.from([0x41, 0, 0x42]), {
          filename: 'x.log',
          contentType: 'text/plain',
        });
      expect(binary.status).toBe(400);
      expect(binary.body.error.message).toMatch(/^file: binary/);

      const badKind = await attach(incidentId).send({
        kind: 'video',
        text: 'x',
      });
      expect(badKind.status).toBe(400);
      expect(badKind.body.error.message).toMatch(/^kind:/);

      const noKind = await attach(incidentId).attach('file', Buffer.from('x'), {
        filename: 'a.log',
        contentType: 'text/plain',
      });
      expect(noKind.status).toBe(400);
      expect(noKind.body.error.message).toMatch(/^kind:/);

      const big = 'x'.repeat(10 * 1024 * 1024 + 10);
      const tooLargeText = await attach(incidentId).send({
        kind: 'log',
        text: big,
      });
      expect(tooLargeText.status).toBe(413);
      expect(tooLargeText.body.error.message).toMatch(/^text: .*10 MB/);
      const tooLargeFile = await attach(incidentId)
        .field('kind', 'log')
        .attach('file', Buffer.from(big), {
          filename: 'big.log',
          contentType: 'text/plain',
        });
      expect(tooLargeFile.status).toBe(413);
      expect(tooLargeFile.body.error.message).toMatch(/^file: .*10 MB/);

      const missing = await request(backend.server)
        .post(`${API}/v1/incidents/no-such-incident/attachments`)
        .set('authorization', USER)
        .send({ kind: 'log', text: 'x' });
      expect(missing.status).toBe(404);
      const list = await request(backend.server)
        .get(`${API}/v1/incidents/${incidentId}/attachments`)
        .set('authorization', USER);
      expect(list.body.items.map((a: any) => a.name)).toEqual(['orders.avsc']);
    });

    it('reports the model as off in /v1/stats and answers 404 for an unknown incident', async () => {
      const stats = await request(backend.server)
        .get(`${API}/v1/stats`)
        .set('authorization', USER);
      expect(stats.body.model).toMatchObject({ enabled: false, calls: 0 });
      const res = await request(backend.server)
        .post(`${API}/v1/incidents/nope/investigate`)
        .set('authorization', USER);
      expect(res.status).toBe(404);
    });
  },
);
