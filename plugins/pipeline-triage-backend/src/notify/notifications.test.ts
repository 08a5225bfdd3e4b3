import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';

jest.setTimeout(120_000);

/**
 * Routing end to end: the real notifications backend resolves each routed team to its members
 * from the example catalog, and every member reads their own notifications.
 */
const databases = TestDatabases.create({ ids: databaseIds() });
const SENDER = mockCredentials.service.header();

const MEMBERS = {
  platform: ['priya.raman', 'marcus.oyelaran', 'lena.fischer'],
  iam: ['tomasz.nowak', 'aisha.bello'],
  growth: ['diego.alvarez', 'mei.tanaka'],
  finance: ['hannah.okafor', 'rajesh.patel', 'sofia.lindqvist'],
  producers: ['kenji.watanabe', 'olivia.brennan', 'samuel.adeyemi'],
};

let n = 0;
function failure(
  job: { namespace: string; name: string },
  message: string,
  extra: Record<string, unknown> = {},
) {
  n++;
  return {
    source: 'generic',
    job,
    runId: `notify-run-${n}`,
    eventTime: new Date(Date.now() - 60_000 + n).toISOString(),
    errorMessage: message,
    ...extra,
  };
}

describe.each(databases.eachSupportedId())(
  'routed notifications on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;
    beforeAll(async () => {
      backend = await startTriageBackend(databaseId, {
        noise: {
          muteWindows: [
            {
              entityRef: 'component:default/churn-features-dagster',
              from: '2000-01-01T00:00:00Z',
              to: '2999-01-01T00:00:00Z',
              reason: 'warehouse migration',
            },
          ],
        },
      });
    });
    afterAll(async () => {
      await backend?.stop();
    });

    const post = async (body: object) => {
      const res = await request(backend.server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', SENDER)
        .send(body);
      expect(res.status).toBe(202);
      return res.body.results[0] as { incidentId: string; eventId: string };
    };
    const inbox = async (user: string) => {
      const res = await request(backend.server)
        .get('/api/notifications/notifications')
        .set(
          'authorization',
          mockCredentials.user.header(`user:default/${user}`),
        );
      expect(res.status).toBe(200);
      return res.body.notifications as Array<{
        payload: {
          title: string;
          scope?: string;
          link?: string;
          severity?: string;
        };
      }>;
    };
    const scopeOf = (incidentId: string) =>
      `pipeline-triage:incident:${incidentId}`;
    const received = async (users: string[], incidentId: string) =>
      Promise.all(
        users.map(
          async u =>
            (await inbox(u)).filter(
              x => x.payload.scope === scopeOf(incidentId),
            ).length,
        ),
      );

    it('sends permission failures to the IAM team and nobody else', async () => {
      const { incidentId } = await post(
        failure(
          {
            namespace: 'airflow-prod',
            name: 'finance_revenue_daily.build_daily_revenue',
          },
          "snowflake.connector.errors.ProgrammingError: 003001 (42501): SQL access control error: Insufficient privileges to operate on table 'DAILY_REVENUE'",
        ),
      );
      expect(await received(MEMBERS.iam, incidentId)).toEqual([1, 1]);
      expect(
        await received(
          [...MEMBERS.platform, ...MEMBERS.finance, ...MEMBERS.growth],
          incidentId,
        ),
      ).toEqual(Array(8).fill(0));
      const [note] = (await inbox('tomasz.nowak')).filter(
        x => x.payload.scope === scopeOf(incidentId),
      );
      expect(note.payload.link).toBe(
        '/catalog/default/component/finance-revenue-report/pipeline-triage',
      );
    });

    it('sends resource exhaustion to the platform team with the job owner in copy', async () => {
      const { incidentId } = await post(
        failure(
          { namespace: 'spark-prod', name: 'customer_ltv_features' },
          'java.lang.OutOfMemoryError: Java heap space',
        ),
      );
      expect(await received(MEMBERS.platform, incidentId)).toEqual([1, 1, 1]);
      expect(await received(MEMBERS.growth, incidentId)).toEqual([1, 1]);
      expect(await received(MEMBERS.iam, incidentId)).toEqual([0, 0]);
    });

    it('sends code errors to the job owner', async () => {
      const { incidentId } = await post(
        failure(
          {
            namespace: 'airflow-prod',
            name: 'finance_revenue_daily.build_daily_revenue',
          },
          'Traceback (most recent call last):\n  File "/opt/airflow/dags/revenue.py", line 12, in build\n    total = row["amount"] / row["fx_rate"]\nZeroDivisionError: division by zero',
        ),
      );
      expect(await received(MEMBERS.finance, incidentId)).toEqual([1, 1, 1]);
      expect(
        await received([...MEMBERS.platform, ...MEMBERS.iam], incidentId),
      ).toEqual(Array(5).fill(0));
    });

    it('records staging failures without paging anyone', async () => {
      const { incidentId } = await post(
        failure(
          { namespace: 'spark-prod', name: 'customer_ltv_features' },
          'java.lang.OutOfMemoryError: GC overhead limit exceeded',
          {
            environment: 'staging',
          },
        ),
      );
      const detail = await request(backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${incidentId}`)
        .set('authorization', mockCredentials.user.header());
      expect(detail.body).toMatchObject({
        environment: 'staging',
        routedTo: 'group:default/data-platform',
      });
      expect(detail.body.route.notify).toBe(false);
      expect(
        await received([...MEMBERS.platform, ...MEMBERS.growth], incidentId),
      ).toEqual(Array(5).fill(0));
    });

    it('routes a job the catalog does not know to the fallback team', async () => {
      const { incidentId } = await post(
        failure(
          { namespace: 'cron', name: 'legacy_export' },
          'psycopg2.OperationalError: could not connect to server: Connection refused',
        ),
      );
      const detail = await request(backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${incidentId}`)
        .set('authorization', mockCredentials.user.header());
      expect(detail.body).toMatchObject({
        linked: false,
        routedTo: 'group:default/data-platform',
      });
      expect(await received(MEMBERS.platform, incidentId)).toEqual([1, 1, 1]);
      await post(
        failure(
          { namespace: 'cron', name: 'legacy_export' },
          'psycopg2.OperationalError: could not connect to server: Connection refused',
        ),
      );
      const unlinked = await request(backend.server)
        .get('/api/pipeline-triage/v1/unlinked')
        .set('authorization', mockCredentials.user.header());
      expect(unlinked.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'job',
            name: 'cron/legacy_export',
            count: 2,
          }),
        ]),
      );
    });

    it('updates one notification for repeats, and stays quiet for an acknowledged incident', async () => {
      const job = {
        namespace: 'airflow-prod',
        name: 'customers_cdc.load_customers',
      };
      const message =
        'botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the GetSecretValue operation: User is not authorized to perform: secretsmanager:GetSecretValue';
      const first = await post(failure(job, message));
      const second = await post(failure(job, message));
      expect(second.incidentId).toBe(first.incidentId);
      expect(await received(MEMBERS.iam, first.incidentId)).toEqual([1, 1]);

      const user = mockCredentials.user.header('user:default/tomasz.nowak');
      await request(backend.server)
        .patch(`/api/pipeline-triage/v1/incidents/${first.incidentId}`)
        .set('authorization', user)
        .send({ action: 'acknowledge' });
      await post(failure(job, message));
      const detail = await request(backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${first.incidentId}`)
        .set('authorization', user);
      expect(detail.body.occurrences).toBe(3);
      expect(
        detail.body.notifications.map((x: { status: string }) => x.status),
      ).toEqual(['sent', 'updated']);
      expect(await received(MEMBERS.iam, first.incidentId)).toEqual([1, 1]);
    });

    it('tells the owners of downstream pipelines when a failed run wrote part of its output', async () => {
      const { incidentId } = await post(
        failure(
          { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
          'java.lang.OutOfMemoryError: Java heap space',
          {
            signals: {
              commitsDuringRun: 2,
              partitionsWritten: 3,
              partitionsExpected: 8,
            },
          },
        ),
      );
      const detail = await request(backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${incidentId}`)
        .set('authorization', mockCredentials.user.header());
      expect(detail.body.partialWrite).toBe('true');
      expect(detail.body.safeToRetry).toBe(false);
      const downstreamScope = `${scopeOf(incidentId)}:downstream`;
      const told = async (users: string[]) =>
        Promise.all(
          users.map(
            async u =>
              (await inbox(u)).filter(x => x.payload.scope === downstreamScope)
                .length,
          ),
        );
      // orders-daily-load → stg tables → commerce-dbt-marts (finance) → marts → customer-ltv-spark (growth), ...
      expect(await told(MEMBERS.finance)).toEqual([1, 1, 1]);
      expect(await told(MEMBERS.growth)).toEqual([1, 1]);
      expect(await told(MEMBERS.iam)).toEqual([0, 0]);
    });

    it('suppresses notifications for an entity in a maintenance window and records why', async () => {
      const { incidentId } = await post(
        failure(
          { namespace: 'dagster-prod', name: 'churn_features_job' },
          "TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'",
        ),
      );
      expect(await received(MEMBERS.growth, incidentId)).toEqual([0, 0]);
      const detail = await request(backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${incidentId}`)
        .set('authorization', mockCredentials.user.header());
      expect(detail.body.notifications).toEqual([
        expect.objectContaining({
          status: 'suppressed',
          detail: expect.stringMatching(
            /maintenance window.*warehouse migration/,
          ),
        }),
      ]);
    });

    it('pages the owner-role members named by the data contract for schema drift', async () => {
      const { incidentId } = await post({
        ...failure(
          { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
          "000904 (42000): SQL compilation error: error line 3 at position 8\ninvalid identifier 'SRC.CURRENCY_CODE'",
        ),
        inputs: [
          {
            namespace: 's3://acme-datalake-raw',
            name: 'checkout/orders',
            schema: [
              { name: 'order_id', type: 'string' },
              { name: 'customer_id', type: 'string' },
              { name: 'amount', type: 'decimal(12,2)' },
            ],
          },
        ],
      });
      const detail = await request(backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${incidentId}`)
        .set('authorization', mockCredentials.user.header());
      expect(detail.body).toMatchObject({
        category: 'schema_drift',
        routedTo: 'group:default/checkout-producers',
      });
      expect(detail.body.route).toMatchObject({
        rule: 'schema_drift:contract_owner',
        members: ['user:default/kenji.watanabe'],
        issuesChannel: 'https://jira.acme.example/projects/CHKDATA/issues',
      });
      expect(await received(['kenji.watanabe'], incidentId)).toEqual([1]);
      expect(
        await received(
          ['olivia.brennan', 'samuel.adeyemi', ...MEMBERS.platform],
          incidentId,
        ),
      ).toEqual(Array(5).fill(0));
    });

    it('holds a source delay within the contract SLA and pages the producer once it is past it', async () => {
      const late = (delaySeconds: number) => ({
        ...failure(
          { namespace: 'dbt-prod', name: 'dbt-run-commerce' },
          `airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; upstream partition RAW.CHECKOUT.CUSTOMERS for today not found after ${delaySeconds} seconds`,
        ),
        inputs: [
          {
            namespace: 'snowflake://acme-prod',
            name: 'RAW.CHECKOUT.CUSTOMERS',
          },
        ],
        signals: { delaySeconds },
      });
      const early = await post(late(3 * 3600));
      let detail = await request(backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${early.incidentId}`)
        .set('authorization', mockCredentials.user.header());
      expect(detail.body).toMatchObject({
        category: 'source_delay',
        routedTo: 'group:default/checkout-producers',
      });
      expect(detail.body.route.notify).toBe(false);
      expect(await received(MEMBERS.producers, early.incidentId)).toEqual([
        0, 0, 0,
      ]);
      // An earlier test left the producer of RAW.CHECKOUT.CUSTOMERS (customers-cdc-ingest)
      // failed, so this late input is a cascade of it (triage/cascades.test.ts covers that).
      // Its owner fixes it; the late input is then the producer's to explain once past the SLA.
      expect(detail.body.causedBy).toMatchObject({
        entityRef: 'component:default/customers-cdc-ingest',
      });
      for (const id of [detail.body.causedBy.incidentId, early.incidentId]) {
        const resolved = await request(backend.server)
          .patch(`/api/pipeline-triage/v1/incidents/${id}`)
          .set('authorization', mockCredentials.user.header())
          .send({ action: 'resolve' });
        expect(resolved.status).toBe(200);
      }

      // The checkout-customers contract allows 26 hours.
      const pastSla = await post(late(30 * 3600));
      detail = await request(backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${pastSla.incidentId}`)
        .set('authorization', mockCredentials.user.header());
      expect(detail.body.route.notify).toBe(true);
      expect(await received(MEMBERS.producers, pastSla.incidentId)).toEqual([
        1, 1, 1,
      ]);
    });

    it('sends an unavailable dependency to the owner of that dependency', async () => {
      const { incidentId } = await post(
        failure(
          {
            namespace: 'airflow-prod',
            name: 'finance_revenue_daily.build_daily_revenue',
          },
          "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='fx-rates.acme.internal', port=443): Max retries exceeded with url: /v2/rates (Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))",
        ),
      );
      const detail = await request(backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${incidentId}`)
        .set('authorization', mockCredentials.user.header());
      expect(detail.body).toMatchObject({
        category: 'dependency_unavailable',
        routedTo: 'group:default/data-platform',
      });
      expect(detail.body.route.rule).toBe(
        'dependency_unavailable:dependency_owner',
      );
      expect(detail.body.linkedEntities).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            entityRef: 'component:default/fx-rates-service',
            role: 'dependency',
          }),
        ]),
      );
      expect(await received(MEMBERS.platform, incidentId)).toEqual([1, 1, 1]);
      expect(await received(MEMBERS.finance, incidentId)).toEqual([0, 0, 0]);
    });

    it.each([
      {
        name: 'infrastructure to the platform team, the job owner in copy',
        job: { namespace: 'spark-prod', name: 'customer_ltv_features' },
        message:
          'org.apache.spark.SparkException: Job aborted due to stage failure: Task 12 in stage 4.0 failed 4 times, most recent failure: Lost task 12.3 in stage 4.0 (TID 512) (ip-10-0-1-5 executor 7): ExecutorLostFailure (executor 7 exited caused by one of the running tasks) Reason: Container marked as failed: container_1699_0001_01_000008 on host: ip-10-0-1-5. Exit status: -100. Diagnostics: Container released on a *lost* node.',
        category: 'infrastructure',
        told: [...MEMBERS.platform, ...MEMBERS.growth],
      },
      {
        name: 'small-file pressure to the job owner, the platform team in copy',
        job: { namespace: 'spark-prod', name: 'customer_ltv_features' },
        message:
          'WARN S3AFileSystem: listing 48213 objects under s3://acme-lake/events/dt=2026-11-17/ took 412s\ncom.amazonaws.services.s3.model.AmazonS3Exception: Please reduce your request rate. (Service: Amazon S3; Status Code: 503; Error Code: SlowDown; Request ID: 7Q2)',
        category: 'small_file_pressure',
        told: [...MEMBERS.growth, ...MEMBERS.platform],
      },
      {
        name: 'config errors to the job owner',
        job: {
          namespace: 'airflow-prod',
          name: 'finance_revenue_daily.build_daily_revenue',
        },
        message:
          "airflow.exceptions.AirflowNotFoundException: The conn_id `snowflake_finance` isn't defined",
        category: 'config_error',
        told: MEMBERS.finance,
      },
      {
        name: 'a failed test on the job’s own output to the job owner',
        job: { namespace: 'dbt-prod', name: 'dbt-run-commerce' },
        message:
          'Failure in test not_null_fct_payments_payment_id (models/marts/schema.yml)\n  Got 12 results, configured to fail if != 0',
        category: 'data_quality',
        told: MEMBERS.finance,
      },
      {
        name: 'unknown causes to the job owner',
        job: {
          namespace: 'airflow-prod',
          name: 'finance_revenue_daily.build_daily_revenue',
        },
        message: 'Task exited with return code 1',
        category: 'unknown',
        told: MEMBERS.finance,
      },
    ])('routes $name', async ({ job, message, category, told }) => {
      const { incidentId } = await post(failure(job, message));
      const detail = await request(backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${incidentId}`)
        .set('authorization', mockCredentials.user.header());
      expect(detail.body.category).toBe(category);
      expect(await received(told, incidentId)).toEqual(told.map(() => 1));
      const everyone = Object.values(MEMBERS).flat();
      const others = everyone.filter(u => !told.includes(u));
      expect(await received(others, incidentId)).toEqual(others.map(() => 0));
    });

    it('lists exactly the incidents routed to a team', async () => {
      const res = await request(backend.server)
        .get('/api/pipeline-triage/v1/incidents')
        .query({ routedTo: 'group:default/iam-security', limit: 200 })
        .set('authorization', mockCredentials.user.header());
      expect(res.body.items.length).toBeGreaterThanOrEqual(2);
      expect(
        res.body.items.every(
          (i: { routedTo: string }) =>
            i.routedTo === 'group:default/iam-security',
        ),
      ).toBe(true);
    });

    it('resolves an incident when the job succeeds, but not one whose run wrote part of its output', async () => {
      const job = { namespace: 'glue-prod', name: 'payments-reconciliation' };
      const clean = await post(failure(job, 'KeyError: fx_rate'));
      const partial = await post(
        failure(job, 'java.lang.OutOfMemoryError: Java heap space', {
          signals: { commitsDuringRun: 1, partitionsWritten: 2 },
        }),
      );
      await post({
        source: 'generic',
        outcome: 'success',
        job,
        runId: 'notify-success',
        eventTime: new Date().toISOString(),
      });
      const status = async (id: string) =>
        (
          await request(backend.server)
            .get(`/api/pipeline-triage/v1/incidents/${id}`)
            .set('authorization', mockCredentials.user.header())
        ).body;
      expect((await status(clean.incidentId)).status).toBe('resolved');
      expect(
        (await status(clean.incidentId)).statusHistory.at(-1),
      ).toMatchObject({ action: 'auto_resolved' });
      expect((await status(partial.incidentId)).status).toBe('open');
    });
  },
);
