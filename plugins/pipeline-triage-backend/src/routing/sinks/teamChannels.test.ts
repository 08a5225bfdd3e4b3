import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { databaseIds } from '../../__testUtils__/databaseIds';
import { startTriageBackend } from '../../__testUtils__/startTriageBackend';
import { postGenericFailure } from '../../__testUtils__/postGenericFailure';
import { startFakeChannels } from './__testUtils__/fakeChannels';
import { pagerDutyDedupKey } from './pagerDutyEvent';

jest.setTimeout(120_000);

/**
 * Through HTTP against the example catalog: the real backend and plugin, PagerDuty and Slack as
 * local fakes speaking their wire formats. The example teams' annotations (examples/org.yaml):
 * iam-security and growth-analytics have a PagerDuty key and a Slack channel, data-platform and
 * checkout-producers a channel only, finance-data neither.
 */
describe.each(databaseIds())(
  "alerts reach each team's own channels (%s)",
  databaseId => {
    let fake: Awaited<ReturnType<typeof startFakeChannels>>;
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;

    beforeAll(async () => {
      fake = await startFakeChannels();
      backend = await startTriageBackend(databaseId, {
        sinks: {
          pagerDuty: {
            url: fake.pagerDutyUrl,
            routingKey: 'fallback-routing-key',
            minSeverity: 'low',
          },
          slack: {
            botToken: 'xoxb-test-token',
            apiUrl: fake.slackApiUrl,
            webhookUrl: fake.slackWebhookUrl,
          },
          retry: { maxAttempts: 1 },
        },
      });
    });

    afterAll(async () => {
      await backend?.stop();
      await fake?.close();
    });

    const post = (
      job: { namespace: string; name: string },
      errorMessage: string,
      runId: string,
    ) => postGenericFailure(backend.server, job, errorMessage, runId);

    /** The incident once both sinks have recorded their attempt (deliveries run in the background). */
    async function delivered(incidentId: string) {
      for (let i = 0; i < 100; i++) {
        const res = await request(backend.server)
          .get(`/api/pipeline-triage/v1/incidents/${incidentId}`)
          .set('authorization', mockCredentials.user.header());
        const channels = (res.body.notifications ?? []).map(
          (n: { channel: string }) => n.channel,
        );
        if (channels.includes('pagerduty') && channels.includes('slack'))
          return res.body;
        await new Promise(r => setTimeout(r, 100));
      }
      throw new Error(`incident ${incidentId} was not delivered to both sinks`);
    }

    const pagesFor = (incidentId: string) =>
      fake.pagerDuty.filter(
        c => c.body.dedup_key === pagerDutyDedupKey(incidentId),
      );

    it("pages the IAM team's service and posts in its channel for a permission failure", async () => {
      const id = await post(
        { namespace: 'spark-prod', name: 'customer_ltv_features' },
        'com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)',
        'channels-permission-1',
      );
      const incident = await delivered(id);
      expect(incident.category).toBe('permission');
      expect(incident.route.recipient).toBe('group:default/iam-security');

      const pages = pagesFor(id);
      expect(pages).toHaveLength(1);
      expect(pages[0].body).toMatchObject({
        routing_key: 'example-iam-security-pd-key',
        event_action: 'trigger',
        dedup_key: pagerDutyDedupKey(id),
        payload: {
          source: 'pipeline-triage',
          component: 'group:default/iam-security',
        },
      });

      const posts = fake.slackApi.filter(
        c => c.body.channel === 'iam-security-alerts',
      );
      expect(posts).toHaveLength(1);
      expect(posts[0].headers.authorization).toBe('Bearer xoxb-test-token');
      expect(posts[0].body.blocks).toEqual(expect.any(Array));
      expect(incident.notifications).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ channel: 'pagerduty', status: 'sent' }),
          expect.objectContaining({ channel: 'slack', status: 'sent' }),
        ]),
      );
      // The incident says where each delivery went, never with the key itself.
      expect(incident.sinkDeliveries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            sink: 'pagerduty',
            status: 'sent',
            attempts: 1,
            target: 'group:default/iam-security',
          }),
          expect.objectContaining({
            sink: 'slack',
            status: 'sent',
            attempts: 1,
            target: '#iam-security-alerts',
          }),
        ]),
      );
      expect(JSON.stringify(incident.sinkDeliveries)).not.toContain(
        'example-iam-security-pd-key',
      );
    });

    it("pages the job owner's service and posts in its channel for a code error", async () => {
      const id = await post(
        { namespace: 'spark-prod', name: 'customer_ltv_features' },
        'Traceback (most recent call last):\n  File "/jobs/ltv.py", line 42, in <module>\n    total = revenue / orders\nNameError: name \'revenue\' is not defined',
        'channels-code-1',
      );
      const incident = await delivered(id);
      expect(incident.category).toBe('code_error');
      expect(incident.route.recipient).toBe('group:default/growth-analytics');
      expect(pagesFor(id).map(c => c.body.routing_key)).toEqual([
        'example-growth-analytics-pd-key',
      ]);
      expect(
        fake.slackApi.filter(c => c.body.channel === 'growth-analytics-alerts')
          .length,
      ).toBeGreaterThanOrEqual(1);
    });

    it("pages the job owner's service when the routed team has no PagerDuty key", async () => {
      const id = await post(
        { namespace: 'spark-prod', name: 'customer_ltv_features' },
        'java.lang.OutOfMemoryError: Java heap space',
        'channels-oom-1',
      );
      const incident = await delivered(id);
      expect(incident.route.recipient).toBe('group:default/data-platform');
      expect(pagesFor(id).map(c => c.body.routing_key)).toEqual([
        'example-growth-analytics-pd-key',
      ]);
      expect(
        fake.slackApi.filter(c => c.body.channel === 'data-platform-alerts'),
      ).toHaveLength(1);
      expect(
        incident.sinkDeliveries.find(
          (d: { sink: string }) => d.sink === 'pagerduty',
        ).target,
      ).toBe('group:default/growth-analytics');
    });

    it('falls back to the configured key and webhook when the team has no annotation', async () => {
      const before = fake.slackWebhook.length;
      const id = await post(
        {
          namespace: 'airflow-prod',
          name: 'finance_revenue_daily.build_daily_revenue',
        },
        'Traceback (most recent call last):\n  File "/dags/revenue.py", line 7, in build\n    rows = compute(day)\nNameError: name \'compute\' is not defined',
        'channels-fallback-1',
      );
      const incident = await delivered(id);
      expect(incident.route.recipient).toBe('group:default/finance-data');
      expect(pagesFor(id).map(c => c.body.routing_key)).toEqual([
        'fallback-routing-key',
      ]);
      expect(fake.slackWebhook.length).toBe(before + 1);
      expect(
        incident.sinkDeliveries.map((d: { target: string }) => d.target).sort(),
      ).toEqual(['the configured routingKey', 'the configured webhook']);
      // The webhook decides its own channel: the payload names none.
      expect(fake.slackWebhook[before].body.channel).toBeUndefined();
      expect(JSON.stringify(fake.slackWebhook[before].body)).toContain(
        'finance-data',
      );
    });
  },
);
