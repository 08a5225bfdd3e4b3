import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';

jest.setTimeout(180_000);

/** In the example catalog checkout-orders-ingest writes raw-orders and raw-payments, whose contracts want a run a day. */
const ORDERS_INGEST = {
  namespace: 'glue-prod',
  name: 'checkout-orders-ingest',
};
const ORDERS_REF = 'component:default/checkout-orders-ingest';
/** customers-cdc-ingest writes raw-customers, whose contract wants it at most 26 hours old. */
const CUSTOMERS_CDC = {
  namespace: 'airflow-prod',
  name: 'customers_cdc.load_customers',
};
const CUSTOMERS_REF = 'component:default/customers-cdc-ingest';
const HOUR = 3600_000;

/**
 * Silent failures (#21, point 6): a contract's freshness SLA passes with no run at all. Through
 * HTTP on the real backend with the example catalog's contracts and lineage; the watch is the
 * task the plugin schedules, run as the scheduler would.
 */
describe.each(databaseIds())('the freshness watch (%s)', databaseId => {
  const scheduler = mockServices.scheduler();
  const scheduleTask = jest.spyOn(scheduler, 'scheduleTask');
  let backend: Awaited<ReturnType<typeof startTriageBackend>>;

  beforeAll(async () => {
    backend = await startTriageBackend(
      databaseId,
      {},
      {
        features: [
          createServiceFactory({
            service: coreServices.scheduler,
            deps: {},
            factory: () => scheduler,
          }),
        ],
      },
    );
  });
  afterAll(async () => {
    await backend?.stop();
  });

  const watch = async () => {
    const task = scheduleTask.mock.calls
      .map(([t]) => t)
      .find(t => t.id === 'pipeline-triage-freshness-watch');
    if (!task) throw new Error('the freshness watch was not scheduled');
    await task.fn(new AbortController().signal);
  };

  async function post(body: Record<string, unknown>) {
    const res = await request(backend.server)
      .post('/api/pipeline-triage/v1/events')
      .set('authorization', mockCredentials.service.header())
      .send({ source: 'generic', environment: 'prod', ...body });
    expect(res.status).toBeLessThan(300);
    expect(res.body.results[0].status).toMatch(/^(accepted|counted)$/);
    return res.body.results[0];
  }

  async function incidentsOf(entityRef: string, status = 'open') {
    const res = await request(backend.server)
      .get('/api/pipeline-triage/v1/incidents')
      .query({ entityRef, status })
      .set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body.items as Array<Record<string, any>>;
  }

  const ordersRanAt = new Date(Date.now() - 3 * 24 * HOUR).toISOString();

  it('opens a silent source-delay incident for a producer that has not run within its contract SLA, and none for one that has', async () => {
    await post({
      outcome: 'success',
      job: ORDERS_INGEST,
      runId: 'orders-ok-3d',
      eventTime: ordersRanAt,
    });
    await post({
      outcome: 'success',
      job: CUSTOMERS_CDC,
      runId: 'customers-ok-2h',
      eventTime: new Date(Date.now() - 2 * HOUR).toISOString(),
    });
    expect(await incidentsOf(ORDERS_REF)).toEqual([]);

    await watch();

    const [incident, ...more] = await incidentsOf(ORDERS_REF);
    expect(more).toEqual([]);
    expect(incident).toMatchObject({
      category: 'source_delay',
      safeToRetry: false,
    });
    // First seen when the next run was due: the last run plus the contract's one day.
    expect(Date.parse(incident.firstSeen)).toBe(
      Date.parse(ordersRanAt) + 24 * HOUR,
    );
    const detail = await request(backend.server)
      .get(`/api/pipeline-triage/v1/incidents/${incident.id}`)
      .set('authorization', mockCredentials.user.header());
    expect(detail.status).toBe(200);
    expect(detail.body.silent).toBe(true);
    expect(detail.body.silentReason.kind).toBe('no_run_before_sla');
    expect(detail.body.silentReason.reason).toContain(
      `no run of Checkout orders ingest (Glue) since ${ordersRanAt}`,
    );
    expect(detail.body.silentReason.reason).toContain('every 1d (frequency');
    expect(await incidentsOf(CUSTOMERS_REF)).toEqual([]);
  });

  it('records one miss once, however often the watch runs', async () => {
    await watch();
    await watch();
    const incidents = await incidentsOf(ORDERS_REF);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].occurrences).toBe(1);
  });

  it('resolves the silent incident when the producer runs again', async () => {
    const [open] = await incidentsOf(ORDERS_REF);
    await post({
      outcome: 'success',
      job: ORDERS_INGEST,
      runId: 'orders-ok-now',
      eventTime: new Date().toISOString(),
    });
    expect(await incidentsOf(ORDERS_REF)).toEqual([]);
    const resolved = await incidentsOf(ORDERS_REF, 'resolved');
    expect(resolved.map(i => i.id)).toContain(open.id);
    await watch();
    expect(await incidentsOf(ORDERS_REF)).toEqual([]);
  });
});
