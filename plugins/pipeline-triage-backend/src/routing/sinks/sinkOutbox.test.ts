import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { databaseIds } from '../../__testUtils__/databaseIds';
import { postGenericFailure } from '../../__testUtils__/postGenericFailure';
import { pagerDutyDedupKey } from './pagerDutyEvent';
import { backendWithFakePagerDuty } from './__testUtils__/backendWithFakePagerDuty';

jest.setTimeout(120_000);

/** What the sinks record of the fake's 500 answer. */
const HTTP_500 =
  'HTTP 500: {"status":"error","message":"Internal Server Error"}';

/**
 * The durable outbox through HTTP, on the real backend and the real scheduler: a PagerDuty that
 * answers 500 is retried from pt_sink_outbox by the outbox job, every attempt shows on the
 * incident, and a delivery that never gets through is dead-lettered after its attempts.
 */
describe.each(databaseIds())('the sink outbox (%s)', databaseId => {
  const env = backendWithFakePagerDuty(databaseId);

  const post = (
    job: { namespace: string; name: string },
    errorMessage: string,
    runId: string,
  ) => postGenericFailure(env.backend.server, job, errorMessage, runId);

  /** The incident once its PagerDuty delivery ended, sent or dead (the job runs each second). */
  async function settled(incidentId: string) {
    for (let i = 0; i < 300; i++) {
      const res = await request(env.backend.server)
        .get(`/api/pipeline-triage/v1/incidents/${incidentId}`)
        .set('authorization', mockCredentials.user.header());
      const delivery = res.body.sinkDeliveries?.[0];
      // pending and sending are on the way; sent and dead are where a delivery ends.
      if (delivery && ['sent', 'dead'].includes(delivery.status))
        return res.body;
      await new Promise(r => setTimeout(r, 100));
    }
    throw new Error(`the delivery of incident ${incidentId} never ended`);
  }

  it('retries a failing PagerDuty from the store until it answers, and shows the attempts on the incident', async () => {
    env.fake.failPagerDuty(2);
    const id = await post(
      { namespace: 'spark-prod', name: 'customer_ltv_features' },
      'com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)',
      'outbox-retry-1',
    );
    const incident = await settled(id);

    expect(incident.sinkDeliveries).toEqual([
      expect.objectContaining({
        sink: 'pagerduty',
        status: 'sent',
        attempts: 3,
        lastError: HTTP_500,
      }),
    ]);
    expect(
      env.fake.pagerDutyFailed.filter(
        c => c.body.dedup_key === pagerDutyDedupKey(id),
      ),
    ).toHaveLength(2);
    expect(
      env.fake.pagerDuty.filter(
        c => c.body.dedup_key === pagerDutyDedupKey(id),
      ),
    ).toHaveLength(1);
    expect(
      incident.notifications.filter(
        (n: { channel: string }) => n.channel === 'pagerduty',
      ),
    ).toEqual([
      expect.objectContaining({
        status: 'failed',
        detail: `attempt 1/3: ${HTTP_500}`,
      }),
      expect.objectContaining({
        status: 'failed',
        detail: `attempt 2/3: ${HTTP_500}`,
      }),
      expect.objectContaining({ status: 'sent', detail: 'attempt 3' }),
    ]);
  });

  it('dead-letters a delivery after its attempts and sends it no more', async () => {
    env.fake.failPagerDuty(1000);
    const id = await post(
      {
        namespace: 'airflow-prod',
        name: 'finance_revenue_daily.build_daily_revenue',
      },
      'Traceback (most recent call last):\n  File "/dags/revenue.py", line 7, in build\n    rows = compute(day)\nNameError: name \'compute\' is not defined',
      'outbox-dead-1',
    );
    const incident = await settled(id);
    env.fake.failPagerDuty(0);

    expect(incident.sinkDeliveries).toEqual([
      expect.objectContaining({
        sink: 'pagerduty',
        status: 'dead',
        attempts: 3,
        lastError: HTTP_500,
      }),
    ]);
    expect(incident.sinkDeliveries[0].nextAttemptAt).toBeUndefined();
    expect(
      env.fake.pagerDutyFailed.filter(
        c => c.body.dedup_key === pagerDutyDedupKey(id),
      ),
    ).toHaveLength(3);
    expect(
      env.fake.pagerDuty.filter(
        c => c.body.dedup_key === pagerDutyDedupKey(id),
      ),
    ).toHaveLength(0);
  });
});
