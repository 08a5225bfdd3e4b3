import path from 'node:path';
import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: databaseIds() });
const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header();
// The catalog module's dbt fixtures: a manifest and the pipelines it derives.
const FIXTURES = path.join(
  path.dirname(
    require.resolve(
      '@pipeline-triage/plugin-catalog-backend-module-pipeline-triage/package.json',
    ),
  ),
  'fixtures/dbt',
);

let n = 0;
const codeError = (job: Record<string, string>) => ({
  source: 'generic',
  outcome: 'fail',
  job,
  runId: `derived-run-${++n}`,
  eventTime: new Date(Date.now() - 1000 * (100 - n)).toISOString(),
  errorMessage:
    'Traceback (most recent call last):\n  File "/opt/jobs/export.py", line 12, in run\nNameError: name \'revenue_total\' is not defined',
});

describe.each(databases.eachSupportedId())(
  'links without hand annotations on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;
    beforeAll(async () => {
      backend = await startTriageBackend(
        databaseId,
        { dbt: { manifest: path.join(FIXTURES, 'manifest.json') } },
        { catalogFiles: [path.join(FIXTURES, 'unannotated-pipelines.yaml')] },
      );
      // The dbt provider's entities arrive after the example platform: wait until they are stitched.
      for (const ref of [
        'component/default/dbt-shop-fct-revenue',
        'component/default/invoice-export',
      ]) {
        for (let tries = 0; ; tries++) {
          const res = await request(backend.server).get(
            `/api/catalog/entities/by-name/${ref}`,
          );
          if (
            res.status === 200 &&
            (res.body.relations ?? []).some((r: any) => r.type === 'ownedBy')
          )
            break;
          if (tries > 240) throw new Error(`${ref} never reached the catalog`);
          await new Promise(r => setTimeout(r, 500));
        }
      }
    });
    afterAll(async () => {
      await backend?.stop();
    });

    const incidentFor = async (event: object) => {
      const post = await request(backend.server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', SENDER)
        .send(event);
      expect(post.status).toBe(202);
      const { incidentId } = post.body.results[0];
      return (
        await request(backend.server)
          .get(`/api/pipeline-triage/v1/incidents/${incidentId}`)
          .set('authorization', USER)
      ).body;
    };

    it('links a dbt model known only from the manifest and routes its code error to the model owner', async () => {
      const incident = await incidentFor(
        codeError({
          namespace: 'dbt',
          name: 'model.shop.fct_revenue',
          dbtUniqueId: 'model.shop.fct_revenue',
        }),
      );
      expect(incident).toMatchObject({
        linked: true,
        jobEntityRef: 'component:default/dbt-shop-fct-revenue',
        ownerRef: 'group:default/growth-analytics',
        routedTo: 'group:default/growth-analytics',
      });
    });

    it('links an OpenLineage job by the naming convention and routes to the pipeline owner', async () => {
      const incident = await incidentFor(
        codeError({
          namespace: 'airflow-prod',
          name: 'invoice_export.run_export',
        }),
      );
      // `run_export` names nothing; the dag part does not either: nothing links.
      expect(incident.linked).toBe(false);
      const linked = await incidentFor(
        codeError({
          namespace: 'airflow-prod',
          name: 'exports.invoice_export',
        }),
      );
      expect(linked).toMatchObject({
        linked: true,
        jobEntityRef: 'component:default/invoice-export',
        ownerRef: 'group:default/finance-data',
        routedTo: 'group:default/finance-data',
      });
    });

    it('offers the unlinked name its candidate pipeline and the annotation that links it', async () => {
      const res = await request(backend.server)
        .get('/api/pipeline-triage/v1/unlinked')
        .query({ entityRef: 'component:default/invoice-export' })
        .set('authorization', USER);
      expect(res.status).toBe(200);
      const item = res.body.items.find(
        (i: any) => i.name === 'airflow-prod/invoice_export.run_export',
      );
      expect(item).toMatchObject({
        kind: 'job',
        candidates: [{ entityRef: 'component:default/invoice-export' }],
        snippet:
          'metadata:\n  annotations:\n    pipeline-triage.io/openlineage-job: "airflow-prod/invoice_export.run_export"\n',
      });
    });
  },
);
