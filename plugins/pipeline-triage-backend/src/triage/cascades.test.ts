import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import { pagerDutyDedupKey } from '../routing/sinks/pagerDutyEvent';
import { backendWithFakePagerDuty } from '../routing/sinks/__testUtils__/backendWithFakePagerDuty';

jest.setTimeout(180_000);

/** The example catalog's lineage: checkout-orders-ingest writes raw-orders, which orders-daily-load reads. */
const UPSTREAM = { namespace: 'glue-prod', name: 'checkout-orders-ingest' };
const DOWNSTREAM = {
  namespace: 'airflow-prod',
  name: 'orders_daily.load_orders',
};
const UPSTREAM_REF = 'component:default/checkout-orders-ingest';

/** A Glue run that died after committing part of its output (the output is partial). */
const PARTIAL_WRITE = {
  errorMessage:
    'org.apache.spark.SparkException: Job aborted due to stage failure: Task 7 in stage 3.0 failed 4 times, most recent failure: Lost task 7.3 in stage 3.0: java.lang.OutOfMemoryError: Java heap space',
  signals: {
    commitsDuringRun: 2,
    partitionsWritten: 11,
    partitionsExpected: 24,
  },
};

/** What the reader of that output then reports: too few rows in its input. */
const SHORT_INPUT =
  'airflow.exceptions.AirflowException: Data quality check failed: row count check on s3://acme-datalake-raw/checkout/orders for 2026-12-06 returned 11403 rows, expected at least 50000';

/**
 * Cascades through HTTP on the real backend, the example catalog's lineage and a PagerDuty
 * speaking its wire format: an upstream partial write, then a failure of the job that reads
 * its output, page once; the downstream incident names its cause and its owner gets one notice.
 */
describe.each(databaseIds())('cascades (%s)', databaseId => {
  const env = backendWithFakePagerDuty(databaseId);

  async function post(
    job: { namespace: string; name: string },
    body: Record<string, unknown>,
  ): Promise<string> {
    const res = await request(env.backend.server)
      .post('/api/pipeline-triage/v1/events')
      .set('authorization', mockCredentials.service.header())
      .send({
        source: 'generic',
        job,
        eventTime: new Date().toISOString(),
        ...body,
      });
    expect(res.status).toBe(202);
    return res.body.results[0].incidentId;
  }

  const get = async (id: string) => {
    const res = await request(env.backend.server)
      .get(`/api/pipeline-triage/v1/incidents/${id}`)
      .set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body;
  };

  /** The incident once every sink delivery it has left the pending state. */
  async function settled(id: string) {
    for (let i = 0; i < 300; i++) {
      const incident = await get(id);
      const deliveries = incident.sinkDeliveries ?? [];
      if (
        deliveries.length > 0 &&
        deliveries.every((d: { status: string }) => d.status !== 'pending')
      )
        return incident;
      await new Promise(r => setTimeout(r, 100));
    }
    throw new Error(`the deliveries of incident ${id} stayed pending`);
  }

  const orgTotal = async () => {
    const res = await request(env.backend.server)
      .get('/api/pipeline-triage/v1/trends?weeks=1')
      .set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body.weeks[0].total as number;
  };

  it('pages once for an upstream partial write and the failure it causes downstream', async () => {
    const totalBefore = await orgTotal();
    const upstreamId = await post(UPSTREAM, {
      runId: 'cascade-up-1',
      ...PARTIAL_WRITE,
    });
    const upstream = await settled(upstreamId);
    expect(upstream.partialWrite).toBe('true');
    expect(upstream.paging).toBe('paged');

    const downstreamId = await post(DOWNSTREAM, {
      runId: 'cascade-down-1',
      errorMessage: SHORT_INPUT,
    });
    expect(downstreamId).not.toBe(upstreamId);
    const downstream = await get(downstreamId);
    expect(downstream.causedBy).toEqual({
      incidentId: upstreamId,
      entityRef: UPSTREAM_REF,
      reason: expect.stringContaining('resource:default/raw-orders partial'),
    });
    expect(downstream.paging).toBe('suppressed');
    // One notice to the downstream owner pointing at the cause, and no page through any sink.
    expect(downstream.notifications).toEqual([
      expect.objectContaining({
        channel: 'backstage-cascade',
        status: 'sent',
        recipients: [downstream.route.recipient],
      }),
    ]);
    expect(downstream.sinkDeliveries).toBeUndefined();

    // Give the outbox job a few rounds: still a single page, the upstream one.
    await new Promise(r => setTimeout(r, 1500));
    const pages = env.fake.pagerDuty.filter(c =>
      [upstreamId, downstreamId]
        .map(pagerDutyDedupKey)
        .includes(c.body.dedup_key),
    );
    expect(pages).toHaveLength(1);
    expect(pages[0].body.dedup_key).toBe(pagerDutyDedupKey(upstreamId));

    // The cause lists its cascade, and the weekly trends count the two as one.
    expect((await get(upstreamId)).downstreamIncidents).toEqual([
      expect.objectContaining({
        incidentId: downstreamId,
        entityRef: 'component:default/orders-daily-load',
        status: 'open',
        reason: downstream.causedBy.reason,
      }),
    ]);
    expect(await orgTotal()).toBe(totalBefore + 1);
    const listed = await request(env.backend.server)
      .get('/api/pipeline-triage/v1/incidents')
      .query({ entityRef: 'component:default/orders-daily-load' })
      .set('authorization', mockCredentials.user.header());
    expect(
      listed.body.items.find((i: { id: string }) => i.id === downstreamId),
    ).toMatchObject({
      causedBy: { incidentId: upstreamId },
      paging: 'suppressed',
    });

    // A repeat of the downstream failure tells nobody again.
    await post(DOWNSTREAM, {
      runId: 'cascade-down-2',
      errorMessage: SHORT_INPUT,
    });
    expect((await get(downstreamId)).notifications).toHaveLength(1);

    // Resolving the cause offers the cascade; with cascade: true it is resolved too.
    const resolved = await request(env.backend.server)
      .patch(`/api/pipeline-triage/v1/incidents/${upstreamId}`)
      .set('authorization', mockCredentials.user.header())
      .send({ action: 'resolve', cascade: true });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.downstreamIncidents).toEqual([
      expect.objectContaining({ incidentId: downstreamId, status: 'resolved' }),
    ]);
    const after = await get(downstreamId);
    expect(after.status).toBe('resolved');
    expect(after.statusHistory.at(-1)).toMatchObject({
      action: 'resolved',
      reason: `resolved with its cause, incident ${upstreamId}`,
    });
  });

  it('leaves the cascade open on a plain resolve, listing it, and rejects cascade on other actions', async () => {
    const upstreamId = await post(UPSTREAM, {
      runId: 'cascade-up-2',
      errorMessage:
        'java.sql.SQLSyntaxErrorException: ORA-00942: table or view does not exist',
      signals: { commitsDuringRun: 1 },
    });
    const downstreamId = await post(DOWNSTREAM, {
      runId: 'cascade-down-3',
      errorMessage: SHORT_INPUT.replace('11403', '9870'),
    });
    expect((await get(downstreamId)).causedBy?.incidentId).toBe(upstreamId);

    const wrong = await request(env.backend.server)
      .patch(`/api/pipeline-triage/v1/incidents/${upstreamId}`)
      .set('authorization', mockCredentials.user.header())
      .send({ action: 'acknowledge', cascade: true });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/cascade/);

    const plain = await request(env.backend.server)
      .patch(`/api/pipeline-triage/v1/incidents/${upstreamId}`)
      .set('authorization', mockCredentials.user.header())
      .send({ action: 'resolve' });
    expect(plain.status).toBe(200);
    expect(plain.body.downstreamIncidents).toEqual([
      expect.objectContaining({ incidentId: downstreamId, status: 'open' }),
    ]);
    expect((await get(downstreamId)).status).toBe('open');
  });

  it('pages the reader of a broken input for a failure of its own kind', async () => {
    const upstreamId = await post(UPSTREAM, {
      runId: 'cascade-up-3',
      ...PARTIAL_WRITE,
    });
    const own = await post(DOWNSTREAM, {
      runId: 'cascade-down-4',
      errorMessage:
        'snowflake.connector.errors.ProgrammingError: 003001 (42501): SQL access control error: Insufficient privileges to operate on table STG_ORDERS',
    });
    const incident = await get(own);
    expect(incident.category).toBe('permission');
    expect(incident.causedBy).toBeUndefined();
    expect(incident.paging).toBe('paged');
    expect(
      ((await get(upstreamId)).downstreamIncidents ?? []).map(
        (d: { incidentId: string }) => d.incidentId,
      ),
    ).not.toContain(own);
  });
});
