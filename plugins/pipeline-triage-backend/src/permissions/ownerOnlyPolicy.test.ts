import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import permissionBackend from '@backstage/plugin-permission-backend';
import { databaseIds } from '../__testUtils__/databaseIds';
import {
  EXAMPLES_DIR,
  startTriageBackend,
} from '../__testUtils__/startTriageBackend';
import {
  exampleOwnershipRefs,
  exampleUserInfoFactory,
  onBehalfOfAuthFactory,
  serviceHeader,
} from '../__testUtils__/exampleUserInfo';
import ownerOnlyPolicy from '@pipeline-triage/plugin-permission-backend-module-pipeline-triage-owner-only-policy';

jest.setTimeout(180_000);

/*
 * The example owner-only policy as shipped, through the real backend: the permission backend
 * evaluates it, the triage plugin turns its conditional decisions into SQL.
 */
const databases = TestDatabases.create({ ids: databaseIds() });
const API = '/api/pipeline-triage';
/** Posts the events; what senders may and may not do is authorizationMatrix.test.ts's, with real tokens. */
const SENDER = serviceHeader('pipeline-sender');
/** Another backend plugin (not a pipeline sender token): reads everything. */
const PLUGIN = serviceHeader('plugin:catalog');
const FINANCE = 'user:default/hannah.okafor';
const GROWTH = 'user:default/diego.alvarez';
const NOBODY = 'user:default/nobody';
const as = (user: string) => mockCredentials.user.header(user);

/** Pipelines of four teams, each failing in several ways, so incidents differ in owner and route. */
const JOBS = [
  { namespace: 'airflow-prod', name: 'orders_daily.load_orders' }, // data-platform
  { namespace: 'dbt-prod', name: 'dbt-run-commerce' }, // finance-data
  { namespace: 'spark-prod', name: 'customer_ltv_features' }, // growth-analytics
  {
    namespace: 'airflow-prod',
    name: 'finance_revenue_daily.build_daily_revenue',
  }, // finance-data
];
const FAILURES = [
  'psycopg2.OperationalError: connection to server at "orders-db" (10.0.0.5), port 5432 failed: Connection refused',
  'java.lang.OutOfMemoryError: Java heap space',
  'psycopg2.errors.InsufficientPrivilege: permission denied for table orders',
  "000904 (42000): SQL compilation error: error line 3 at position 8\ninvalid identifier 'SRC.CURRENCY_CODE'",
  'ERROR: duplicate key value violates unique constraint "orders_pkey"',
];

interface Summary {
  id: string;
  jobEntityRef?: string;
  ownerRef?: string;
  routedTo?: string;
}

async function pageAll(
  server: any,
  auth: string,
  query: Record<string, string | number> = {},
  limit = 3,
) {
  const pages: Summary[][] = [];
  let cursor: string | undefined;
  do {
    const res = await request(server)
      .get(`${API}/v1/incidents`)
      .query({ ...query, limit, ...(cursor ? { cursor } : {}) })
      .set('authorization', auth);
    expect(res.status).toBe(200);
    pages.push(res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe.each(databases.eachSupportedId())(
  'the owner-only policy on %s',
  databaseId => {
    let server: any;
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;
    let all: Summary[];
    let eventIds: string[];
    const claims = exampleOwnershipRefs();
    const visibleTo = (user: string) => {
      const mine = claims.get(user) ?? [user];
      return all.filter(
        i => mine.includes(i.ownerRef ?? '') || mine.includes(i.routedTo ?? ''),
      );
    };

    beforeAll(async () => {
      backend = await startTriageBackend(
        databaseId,
        {},
        {
          features: [
            permissionBackend,
            ownerOnlyPolicy,
            exampleUserInfoFactory(),
            onBehalfOfAuthFactory(),
          ],
          config: data => {
            data.permission = { enabled: true };
          },
        },
      );
      server = backend.server;
      // Event times a minute apart, two of them equal, so the cursor's tie-break on id is used.
      const base = Date.parse('2026-11-20T06:00:00.000Z');
      const events = JOBS.flatMap((job, j) =>
        FAILURES.map((errorMessage, f) => ({
          source: 'generic',
          job,
          runId: `perm-${j}-${f}`,
          eventTime: new Date(
            base +
              (j * FAILURES.length + f === 7 ? 6 : j * FAILURES.length + f) *
                60_000,
          ).toISOString(),
          errorMessage,
        })),
      );
      const post = await request(server)
        .post(`${API}/v1/events`)
        .set('authorization', SENDER)
        .send({ events });
      if (post.status !== 202)
        throw new Error(`setup post failed: ${post.status} ${post.text}`);
      eventIds = post.body.results.map((r: any) => r.eventId);
      const pages = await pageAll(server, PLUGIN, {}, 200);
      all = pages.flat();
      if (all.length < 12)
        throw new Error(`expected at least 12 incidents, got ${all.length}`);
    });
    afterAll(async () => {
      await backend?.stop();
    });

    it('lists only the incidents a user’s teams own or receive, in full pages', async () => {
      const expected = visibleTo(FINANCE);
      // Both kinds of access occur: owned by finance-data, and routed to it from another owner.
      expect(
        expected.some(i => i.ownerRef === 'group:default/finance-data'),
      ).toBe(true);
      expect(expected.length).toBeLessThan(all.length);

      const pages = await pageAll(server, as(FINANCE), {}, 3);
      const seen = pages.flat().map(i => i.id);
      expect(seen).toEqual(expected.map(i => i.id)); // same order, nothing missing, nothing extra
      expect(new Set(seen).size).toBe(seen.length);
      // Filtering happens in the query: every page but the last is full.
      for (const page of pages.slice(0, -1)) expect(page).toHaveLength(3);
      expect(pages[pages.length - 1].length).toBeGreaterThan(0);
    });

    it('combines the read scope with the request’s own filters', async () => {
      const res = await request(server)
        .get(`${API}/v1/incidents`)
        .query({ routedTo: 'group:default/iam-security', limit: 200 })
        .set('authorization', as(FINANCE));
      const expected = visibleTo(FINANCE).filter(
        i => i.routedTo === 'group:default/iam-security',
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(
        all.filter(i => i.routedTo === 'group:default/iam-security').length,
      ).toBeGreaterThan(expected.length);
      expect(res.body.items.map((i: Summary) => i.id)).toEqual(
        expected.map(i => i.id),
      );
    });

    it('shows a user without any team nothing: lists, trends, stats, status, single incidents', async () => {
      const list = await request(server)
        .get(`${API}/v1/incidents`)
        .set('authorization', as(NOBODY));
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ items: [] });

      const trends = await request(server)
        .get(`${API}/v1/trends`)
        .query({ weeks: 104 })
        .set('authorization', as(NOBODY));
      expect(trends.status).toBe(200);
      expect(trends.body.scope).toBe('permitted');
      expect(trends.body.keys).toEqual([]);
      expect(trends.body.weeks.every((w: any) => w.total === 0)).toBe(true);

      const stats = await request(server)
        .get(`${API}/v1/stats`)
        .set('authorization', as(NOBODY));
      expect(stats.body).toMatchObject({ incidents: 0, topRepeatFailures: [] });

      const status = await request(server)
        .get(`${API}/v1/status`)
        .query({ entityRef: 'component:default/orders-daily-load' })
        .set('authorization', as(NOBODY));
      expect(status.body).toEqual({
        entityRef: 'component:default/orders-daily-load',
        openIncidents: 0,
        consecutiveFailures: 0,
      });

      const id = all[0].id;
      for (const route of [
        `/v1/incidents/${id}`,
        `/v1/incidents/${id}/report`,
        `/v1/events/${eventIds[0]}`,
      ]) {
        const res = await request(server)
          .get(`${API}${route}`)
          .set('authorization', as(NOBODY));
        expect({ route, status: res.status }).toEqual({ route, status: 404 });
      }
      // Indistinguishable from an incident that does not exist.
      const missing = await request(server)
        .get(`${API}/v1/incidents/no-such-incident`)
        .set('authorization', as(NOBODY));
      const hidden = await request(server)
        .get(`${API}/v1/incidents/${id}`)
        .set('authorization', as(NOBODY));
      expect(hidden.body.error.message.replace(id, 'X')).toBe(
        missing.body.error.message.replace('no-such-incident', 'X'),
      );

      const patch = await request(server)
        .patch(`${API}/v1/incidents/${id}`)
        .set('authorization', as(NOBODY))
        .send({ action: 'acknowledge' });
      expect(patch.status).toBe(404);
      const after = await request(server)
        .get(`${API}/v1/incidents/${id}`)
        .set('authorization', PLUGIN);
      expect(after.body.status).toBe('open');
    });

    it('counts trends and stats over the readable incidents only, and says so', async () => {
      const mine = await request(server)
        .get(`${API}/v1/trends`)
        .query({ weeks: 104, groupBy: 'team' })
        .set('authorization', as(GROWTH));
      const everything = await request(server)
        .get(`${API}/v1/trends`)
        .query({ weeks: 104, groupBy: 'team' })
        .set('authorization', PLUGIN);
      expect(mine.body.scope).toBe('permitted');
      expect(everything.body.scope).toBe('all');
      const total = (t: any) =>
        t.weeks.reduce((n: number, w: any) => n + w.total, 0);
      // One occurrence per incident here, so the totals are the incident counts.
      expect(total(mine.body)).toBe(visibleTo(GROWTH).length);
      expect(total(everything.body)).toBe(all.length);

      const stats = await request(server)
        .get(`${API}/v1/stats`)
        .set('authorization', as(GROWTH));
      expect(stats.body.incidents).toBe(visibleTo(GROWTH).length);
      const allowed = new Set(visibleTo(GROWTH).map(i => i.id));
      expect(
        stats.body.topRepeatFailures.every((i: Summary) => allowed.has(i.id)),
      ).toBe(true);
    });

    it('reports an entity’s health only to those who may read its incidents', async () => {
      const ref = 'component:default/commerce-dbt-marts';
      for (const user of [FINANCE, GROWTH]) {
        const res = await request(server)
          .get(`${API}/v1/status`)
          .query({ entityRef: ref })
          .set('authorization', as(user));
        const readable = visibleTo(user).filter(
          i => i.jobEntityRef === ref,
        ).length;
        expect({ user, open: res.body.openIncidents }).toEqual({
          user,
          open: readable,
        });
        // The job's last failure and streak are shown only with at least one readable incident.
        expect({ user, lastFailure: Boolean(res.body.lastFailure) }).toEqual({
          user,
          lastFailure: readable > 0,
        });
      }
      expect(
        visibleTo(FINANCE).filter(i => i.jobEntityRef === ref).length,
      ).toBeGreaterThan(0);
    });

    it('lets a team read, report and acknowledge its own incidents, not others’', async () => {
      const own = visibleTo(FINANCE).find(
        i => i.ownerRef === 'group:default/finance-data',
      )!;
      const foreign = all.find(i => !visibleTo(FINANCE).includes(i))!;
      expect(
        (
          await request(server)
            .get(`${API}/v1/incidents/${own.id}`)
            .set('authorization', as(FINANCE))
        ).status,
      ).toBe(200);
      expect(
        (
          await request(server)
            .get(`${API}/v1/incidents/${own.id}/report`)
            .set('authorization', as(FINANCE))
        ).status,
      ).toBe(200);
      const ack = await request(server)
        .patch(`${API}/v1/incidents/${own.id}`)
        .set('authorization', as(FINANCE))
        .send({ action: 'acknowledge' });
      expect(ack.status).toBe(200);
      expect(ack.body.status).toBe('acknowledged');

      expect(
        (
          await request(server)
            .get(`${API}/v1/incidents/${foreign.id}`)
            .set('authorization', as(FINANCE))
        ).status,
      ).toBe(404);
      const patch = await request(server)
        .patch(`${API}/v1/incidents/${foreign.id}`)
        .set('authorization', as(FINANCE))
        .send({ action: 'resolve' });
      expect(patch.status).toBe(404);
      expect(
        (
          await request(server)
            .get(`${API}/v1/incidents/${foreign.id}`)
            .set('authorization', PLUGIN)
        ).body.status,
      ).not.toBe('resolved');
    });

    it('lets a team investigate and attach evidence to its own incidents only', async () => {
      const own = visibleTo(FINANCE).find(
        i => i.ownerRef === 'group:default/finance-data',
      )!;
      const foreign = all.find(i => !visibleTo(FINANCE).includes(i))!;
      const investigate = (id: string) =>
        request(server)
          .post(`${API}/v1/incidents/${id}/investigate`)
          .set('authorization', as(FINANCE));
      expect((await investigate(own.id)).status).toBe(202);
      expect((await investigate(foreign.id)).status).toBe(404);
      const listForeign = await request(server)
        .get(`${API}/v1/incidents/${foreign.id}/investigations`)
        .set('authorization', as(FINANCE));
      expect(listForeign.status).toBe(404);
      const attach = await request(server)
        .post(`${API}/v1/incidents/${foreign.id}/attachments`)
        .set('authorization', as(FINANCE))
        .send({
          kind: 'log',
          name: 'more.log',
          text: 'ERROR java.lang.OutOfMemoryError: Java heap space',
        });
      expect(attach.status).toBe(404);
      const foreignInvestigations = await request(server)
        .get(`${API}/v1/incidents/${foreign.id}/investigations`)
        .set('authorization', PLUGIN);
      expect(foreignInvestigations.body.items).toEqual([]);
    });

    it('shows the example guest what the demo and the browser tests open', async () => {
      // The example failures, as the demo loads them, and the failures the browser tests post.
      const dir = path.join(EXAMPLES_DIR, 'events');
      for (const file of fs
        .readdirSync(dir)
        .filter(f => f.endsWith('.json') && !f.includes('manifest'))) {
        const res = await request(server)
          .post(`${API}/v1/events`)
          .set('authorization', serviceHeader('demo-loader'))
          .send(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
        expect({ file, status: res.status < 300 }).toEqual({
          file,
          status: true,
        });
      }
      const e2e = [
        {
          job: { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
          errorMessage:
            "000904 (42000): SQL compilation error: error line 3 at position 8\ninvalid identifier 'SRC.CURRENCY_CODE'",
          inputs: [
            {
              namespace: 's3://acme-datalake-raw',
              name: 'checkout/orders',
              schema: [{ name: 'order_id', type: 'string' }],
            },
          ],
        },
        {
          job: { namespace: 'spark-prod', name: 'customer_ltv_features' },
          errorMessage: 'java.lang.OutOfMemoryError: Java heap space (e2e)',
        },
      ];
      const posted = await request(server)
        .post(`${API}/v1/events`)
        .set('authorization', serviceHeader('demo-loader'))
        .send({
          events: e2e.map((e, i) => ({
            source: 'generic',
            runId: `e2e-${i}`,
            eventTime: new Date().toISOString(),
            ...e,
          })),
        });
      const [tableIncident, sparkIncident] = posted.body.results.map(
        (r: any) => r.incidentId,
      );

      const guest = as('user:default/guest');
      const list = async (query: Record<string, string>) =>
        (
          await request(server)
            .get(`${API}/v1/incidents`)
            .query({ ...query, limit: 50 })
            .set('authorization', guest)
        ).body.items.map((i: Summary) => i.id);
      expect(
        (await list({ entityRef: 'component:default/orders-daily-load' }))
          .length,
      ).toBeGreaterThan(0);
      expect(
        await list({ entityRef: 'resource:default/raw-orders' }),
      ).toContain(tableIncident);
      expect(
        (await list({ entityRef: 'api:default/checkout-orders' })).length,
      ).toBeGreaterThan(0);
      expect(
        (
          await list({
            routedTo: 'group:default/checkout-producers',
            status: 'open,acknowledged',
          })
        ).length,
      ).toBeGreaterThan(0);
      const status = await request(server)
        .get(`${API}/v1/status`)
        .query({ entityRef: 'component:default/customer-ltv-spark' })
        .set('authorization', guest);
      expect(status.body.openIncidents).toBeGreaterThanOrEqual(1);
      const ack = await request(server)
        .patch(`${API}/v1/incidents/${sparkIncident}`)
        .set('authorization', guest)
        .send({ action: 'acknowledge' });
      expect(ack.status).toBe(200);
      const trends = await request(server)
        .get(`${API}/v1/trends`)
        .query({ weeks: 12 })
        .set('authorization', guest);
      expect(trends.body.scope).toBe('permitted');
      expect(
        trends.body.weeks[trends.body.weeks.length - 1].total,
      ).toBeGreaterThan(0);
      // ...and not everything: finance-data's own dbt marts stay hidden.
      const everything = (
        await request(server)
          .get(`${API}/v1/incidents`)
          .query({ limit: 200 })
          .set('authorization', PLUGIN)
      ).body.items;
      const visible = new Set(await list({}));
      expect(
        everything.some(
          (i: Summary) =>
            i.ownerRef === 'group:default/finance-data' && !visible.has(i.id),
        ),
      ).toBe(true);
    });
  },
);
