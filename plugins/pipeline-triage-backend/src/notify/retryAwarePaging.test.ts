import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import { pagerDutyDedupKey } from '../routing/sinks/pagerDutyEvent';
import { backendWithFakePagerDuty } from '../routing/sinks/__testUtils__/backendWithFakePagerDuty';

jest.setTimeout(180_000);

/** A 503 from a service the idempotent Glue ingest calls: transient, and a retry is safe. */
const UNAVAILABLE = {
  job: { namespace: 'glue-prod', name: 'checkout-orders-ingest' },
  errorMessage:
    'requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://fx-rates.acme.example/v1/rates',
};

/** An Airflow sensor that timed out waiting for its input: wrote nothing, safe after a wait. */
const SENSOR_TIMEOUT = {
  job: { namespace: 'airflow-prod', name: 'customers_cdc.load_customers' },
  errorMessage:
    'airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; run duration of 3602.8 seconds exceeds the specified timeout of 3600.0.',
};

/** A code error: every attempt fails the same way. */
const CODE_ERROR = {
  job: {
    namespace: 'airflow-prod',
    name: 'finance_revenue_daily.build_daily_revenue',
  },
  errorMessage:
    'Traceback (most recent call last):\n  File "/dags/revenue.py", line 7, in build\n    rows = compute(day)\nNameError: name \'compute\' is not defined',
};

/**
 * Retry-aware paging through HTTP on the real backend and a PagerDuty speaking its wire format:
 * the orchestrator's own retries of a failure a retry can fix page nobody until the last attempt
 * fails; a failure a retry cannot help pages at the first attempt and says to stop the retries.
 */
describe.each(databaseIds())('retry-aware paging (%s)', databaseId => {
  const env = backendWithFakePagerDuty(databaseId);

  async function post(
    failure: { job: object; errorMessage: string },
    body: Record<string, unknown>,
  ) {
    const res = await request(env.backend.server)
      .post('/api/pipeline-triage/v1/events')
      .set('authorization', mockCredentials.service.header())
      .send({
        source: 'generic',
        eventTime: new Date().toISOString(),
        ...failure,
        ...body,
      });
    expect(res.status).toBe(202);
    return res.body.results[0];
  }

  const get = async (id: string) => {
    const res = await request(env.backend.server)
      .get(`/api/pipeline-triage/v1/incidents/${id}`)
      .set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body;
  };

  /** PagerDuty calls about an incident once its deliveries left the pending state. */
  async function pagesOf(id: string, expectDelivery: boolean) {
    for (let i = 0; i < 300; i++) {
      const deliveries = (await get(id)).sinkDeliveries ?? [];
      const done =
        deliveries.length > 0 &&
        deliveries.every((d: { status: string }) => d.status !== 'pending');
      if (done || (!expectDelivery && i >= 15)) break;
      await new Promise(r => setTimeout(r, 100));
    }
    return env.fake.pagerDuty.filter(
      c => c.body.dedup_key === pagerDutyDedupKey(id),
    );
  }

  it('pages no one at the first attempt of a transient failure, and pages at its last', async () => {
    const first = await post(UNAVAILABLE, {
      runId: 'retry-1',
      attempt: 1,
      maxAttempts: 3,
    });
    expect(first.safeToRetry).toBe(true);
    const waiting = await get(first.incidentId);
    expect(waiting.paging).toBe('waiting_for_retries');
    expect(waiting.pagingReason).toMatch(/attempt 1 of 3/);
    expect(waiting.notifications).toEqual([
      expect.objectContaining({ channel: 'backstage', status: 'suppressed' }),
    ]);
    expect(await pagesOf(first.incidentId, false)).toHaveLength(0);

    const second = await post(UNAVAILABLE, {
      runId: 'retry-1',
      attempt: 2,
      maxAttempts: 3,
    });
    expect(second.incidentId).toBe(first.incidentId);
    expect((await get(first.incidentId)).paging).toBe('waiting_for_retries');

    const last = await post(UNAVAILABLE, {
      runId: 'retry-1',
      attempt: 3,
      maxAttempts: 3,
    });
    expect(last.incidentId).toBe(first.incidentId);
    expect(last.safeToRetry).toBe(false);
    const paged = await get(first.incidentId);
    expect(paged.paging).toBe('paged');
    expect(paged.pagingReason).toBe('All 3 attempts failed.');
    const pages = await pagesOf(first.incidentId, true);
    expect(pages).toHaveLength(1);
    expect(pages[0].body.payload.custom_details).toMatchObject({
      kind: 'new',
      summary: expect.stringContaining('All 3 attempts failed.'),
    });
    expect(
      paged.notifications.filter(
        (n: { channel: string; status: string }) =>
          n.channel === 'backstage' && n.status === 'sent',
      ),
    ).toHaveLength(1);
  });

  it('pages no one when a retry succeeds, and says so on the incident', async () => {
    const job = SENSOR_TIMEOUT.job;
    const first = await post(SENSOR_TIMEOUT, {
      runId: 'retry-2',
      attempt: 1,
      maxAttempts: 2,
    });
    expect(first.safeToRetry).toBe(true);
    expect((await get(first.incidentId)).paging).toBe('waiting_for_retries');
    const success = await request(env.backend.server)
      .post('/api/pipeline-triage/v1/events')
      .set('authorization', mockCredentials.service.header())
      .send({
        source: 'generic',
        outcome: 'success',
        job,
        runId: 'retry-2',
        attempt: 2,
        maxAttempts: 2,
        eventTime: new Date().toISOString(),
      });
    expect(success.status).toBe(202);
    const incident = await get(first.incidentId);
    expect(incident.status).toBe('resolved');
    expect(incident.paging).toBe('suppressed');
    expect(incident.pagingReason).toMatch(/later run succeeded/);
    expect(await pagesOf(first.incidentId, false)).toHaveLength(0);
  });

  it('pages at once a deterministic failure at attempt 1 of 3, telling to stop the retries', async () => {
    const first = await post(CODE_ERROR, {
      runId: 'retry-3',
      attempt: 1,
      maxAttempts: 3,
    });
    expect(first.safeToRetry).toBe(false);
    const incident = await get(first.incidentId);
    expect(incident.category).toBe('code_error');
    expect(incident.paging).toBe('paged');
    expect(incident.pagingReason).toMatch(
      /^Stop the retries: they will fail the same way\. \(attempt 1 of 3\)/,
    );
    const pages = await pagesOf(first.incidentId, true);
    expect(pages).toHaveLength(1);
    expect(pages[0].body.payload.custom_details.summary).toMatch(
      /^Stop the retries: they will fail the same way\./,
    );
  });
});
