import request from 'supertest';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import permissionBackend from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  incidentInvestigatePermission,
  incidentReadPermission,
  incidentUpdatePermission,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';
import {
  exampleUserInfoFactory,
  onBehalfOfAuthFactory,
  serviceHeader,
} from '../__testUtils__/exampleUserInfo';
import { createIncidentConditionalDecision, incidentConditions } from './rules';

jest.setTimeout(180_000);

/*
 * The other decisions a policy can give, through the real backend and permission backend:
 * read everything but change nothing (403), no read at all (403), and conditions evaluated by
 * the permission backend on one incident (the registered resource type) agreeing with the SQL.
 * Also the auditor records of changes, and the per-sender rate limit.
 */
const databases = TestDatabases.create({ ids: databaseIds() });
const API = '/api/pipeline-triage';
const PLUGIN = serviceHeader('plugin:catalog');
const READER = 'user:default/reader'; // read: ALLOW; update, investigate: DENY
const DENIED = 'user:default/denied'; // everything: DENY
const FINANCE = 'user:default/hannah.okafor'; // read: ALLOW; update: own incidents only
const as = (user: string) => mockCredentials.user.header(user);

const testPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'pipeline-triage-test-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo },
      async init({ policy, userInfo }) {
        policy.setPolicy({
          async handle(
            req: PolicyQuery,
            user?: PolicyQueryUser,
          ): Promise<PolicyDecision> {
            const who = user && (await userInfo.getUserInfo(user.credentials));
            if (!who || who.userEntityRef === DENIED)
              return { result: AuthorizeResult.DENY };
            if (req.permission.name === incidentReadPermission.name)
              return { result: AuthorizeResult.ALLOW };
            if (who.userEntityRef === READER)
              return { result: AuthorizeResult.DENY };
            if (req.permission.name === incidentUpdatePermission.name) {
              return createIncidentConditionalDecision(
                incidentUpdatePermission,
                {
                  allOf: [
                    incidentConditions.isJobOwnedBy({
                      claims: who.ownershipEntityRefs,
                    }),
                    {
                      not: incidentConditions.hasEnvironment({
                        environments: ['staging'],
                      }),
                    },
                  ],
                },
              );
            }
            return { result: AuthorizeResult.ALLOW };
          },
        });
      },
    });
  },
});

function failure(
  job: { namespace: string; name: string },
  runId: string,
  errorMessage: string,
  extra: object = {},
) {
  return {
    source: 'generic',
    job,
    runId,
    eventTime: new Date().toISOString(),
    errorMessage,
    ...extra,
  };
}

describe.each(databases.eachSupportedId())(
  'incident access on %s',
  databaseId => {
    let server: any;
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;
    const auditor = mockServices.auditor.mock();
    let financeProd: string;
    let financeStaging: string;
    let platform: string;

    beforeAll(async () => {
      backend = await startTriageBackend(
        databaseId,
        {
          ingest: {
            rateLimit: { maxRequestsPerWindow: 3, windowSeconds: 120 },
            maxBodySize: '512kb',
          },
        },
        {
          features: [
            permissionBackend,
            testPolicy,
            exampleUserInfoFactory(),
            onBehalfOfAuthFactory(),
            auditor.factory,
          ],
          config: data => {
            data.permission = { enabled: true };
          },
        },
      );
      server = backend.server;
      const post = await request(server)
        .post(`${API}/v1/events`)
        .set('authorization', serviceHeader('setup'))
        .send({
          events: [
            failure(
              { namespace: 'dbt-prod', name: 'dbt-run-commerce' },
              'acc-1',
              'ERROR: duplicate key value violates unique constraint "orders_pkey"',
            ),
            failure(
              { namespace: 'dbt-prod', name: 'dbt-run-commerce' },
              'acc-2',
              'java.lang.OutOfMemoryError: Java heap space',
              { environment: 'staging' },
            ),
            failure(
              { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
              'acc-3',
              'java.lang.OutOfMemoryError: Java heap space',
            ),
          ],
        });
      if (post.status !== 202)
        throw new Error(`setup post failed: ${post.status} ${post.text}`);
      [financeProd, financeStaging, platform] = post.body.results.map(
        (r: any) => r.incidentId,
      );
      if (new Set([financeProd, financeStaging, platform]).size !== 3)
        throw new Error('expected three distinct incidents');
    });
    afterAll(async () => {
      await backend?.stop();
    });

    it('answers 403 to a change by someone who may read but not update, and changes nothing', async () => {
      expect(
        (
          await request(server)
            .get(`${API}/v1/incidents/${platform}`)
            .set('authorization', as(READER))
        ).status,
      ).toBe(200);
      const res = await request(server)
        .patch(`${API}/v1/incidents/${platform}`)
        .set('authorization', as(READER))
        .send({ action: 'resolve' });
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
      const after = await request(server)
        .get(`${API}/v1/incidents/${platform}`)
        .set('authorization', PLUGIN);
      expect(after.body.status).toBe('open');
      expect(after.body.statusHistory.map((h: any) => h.action)).toEqual([
        'opened',
      ]);
    });

    it('applies update conditions per incident: own prod incident yes, staging and others’ no', async () => {
      const patch = (id: string) =>
        request(server)
          .patch(`${API}/v1/incidents/${id}`)
          .set('authorization', as(FINANCE))
          .send({ action: 'acknowledge' });
      expect((await patch(platform)).status).toBe(403); // readable, not theirs
      expect((await patch(financeStaging)).status).toBe(403); // theirs, but the policy excludes staging
      const own = await patch(financeProd);
      expect(own.status).toBe(200);
      expect(own.body.status).toBe('acknowledged');
    });

    it('answers 403 everywhere to a user the policy denies', async () => {
      for (const path of [
        '/v1/incidents',
        `/v1/incidents/${platform}`,
        '/v1/trends',
        '/v1/stats',
        '/v1/status?entityRef=component:default/x',
      ]) {
        const res = await request(server)
          .get(`${API}${path}`)
          .set('authorization', as(DENIED));
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
      }
    });

    it('keeps queue-wide views to callers who may read every incident', async () => {
      expect(
        (
          await request(server)
            .get(`${API}/v1/dead-letters`)
            .set('authorization', as(READER))
        ).status,
      ).toBe(200);
      expect(
        (
          await request(server)
            .get(`${API}/v1/unlinked`)
            .set('authorization', as(READER))
        ).status,
      ).toBe(200);
      expect(
        (
          await request(server)
            .get(`${API}/v1/dead-letters`)
            .set('authorization', as(DENIED))
        ).status,
      ).toBe(403);
    });

    it('evaluates conditions on one incident in the permission backend as the SQL does', async () => {
      // The permission backend loads the incidents through the registered resource type and
      // applies the rules in memory; the answers match what the SQL filter lets through.
      // Asked as the plugin does on a user's behalf.
      const onBehalf = await request(server)
        .post('/api/permission/authorize')
        .set(
          'authorization',
          `Bearer ${mockCredentials.user.token(FINANCE, {
            actor: { subject: 'plugin:pipeline-triage' },
          })}`,
        )
        .send({
          items: [financeProd, financeStaging, platform].map(
            (resourceRef, i) => ({
              id: String(i),
              permission: incidentUpdatePermission,
              resourceRef,
            }),
          ),
        });
      expect(onBehalf.status).toBe(200);
      expect(onBehalf.body.items.map((d: any) => d.result)).toEqual([
        AuthorizeResult.ALLOW,
        AuthorizeResult.DENY,
        AuthorizeResult.DENY,
      ]);
      const investigate = await request(server)
        .post('/api/permission/authorize')
        .set(
          'authorization',
          `Bearer ${mockCredentials.user.token(READER, {
            actor: { subject: 'plugin:pipeline-triage' },
          })}`,
        )
        .send({
          items: [
            {
              id: '0',
              permission: incidentInvestigatePermission,
              resourceRef: platform,
            },
          ],
        });
      expect(investigate.body.items[0].result).toBe(AuthorizeResult.DENY);
    });

    it('records incident changes and refused changes through the auditor', async () => {
      auditor.createEvent.mockClear();
      const ok = await request(server)
        .patch(`${API}/v1/incidents/${financeProd}`)
        .set('authorization', as(FINANCE))
        .send({
          action: 'override',
          category: 'schema_drift',
          reason: 'the column was renamed upstream',
        });
      expect(ok.status).toBe(200);
      const conflict = await request(server)
        .patch(`${API}/v1/incidents/${financeProd}`)
        .set('authorization', as(FINANCE))
        .send({ action: 'reopen' });
      expect(conflict.status).toBe(409);

      const calls = auditor.createEvent.mock.calls
        .map(c => c[0])
        .filter(e => e.eventId === 'incident-update');
      expect(calls.map(e => e.meta)).toEqual([
        expect.objectContaining({
          incidentId: financeProd,
          action: 'override',
          category: 'schema_drift',
          reason: 'the column was renamed upstream',
        }),
        expect.objectContaining({ incidentId: financeProd, action: 'reopen' }),
      ]);
      expect(calls[0].request?.method).toBe('PATCH');
      const events = await Promise.all(
        auditor.createEvent.mock.results
          .filter(
            (_, i) =>
              auditor.createEvent.mock.calls[i][0].eventId ===
              'incident-update',
          )
          .map(r => r.value),
      );
      expect(events[0].success).toHaveBeenCalledTimes(1);
      expect(events[1].fail).toHaveBeenCalledWith({
        error: expect.objectContaining({ name: 'ConflictError' }),
      });
    });

    it('records rejected events through the auditor', async () => {
      auditor.createEvent.mockClear();
      const res = await request(server)
        .post(`${API}/v1/events`)
        .set('authorization', serviceHeader('audit-sender'))
        .send({ source: 'generic', job: { name: 'x' } });
      expect(res.status).toBe(400);
      const call = auditor.createEvent.mock.calls
        .map(c => c[0])
        .find(e => e.eventId === 'event-ingest');
      expect(call?.meta).toMatchObject({
        queryType: 'rejected',
        rejected: 1,
        accepted: 0,
      });
    });

    it('limits each sender’s event requests with 429 and Retry-After, other senders unaffected', async () => {
      const flood = serviceHeader('flooding-sender');
      const post = (auth: string, runId: string) =>
        request(server)
          .post(`${API}/v1/events`)
          .set('authorization', auth)
          .send(
            failure(
              { namespace: 'dbt-prod', name: 'dbt-run-commerce' },
              runId,
              'ERROR: relation "orders" does not exist',
            ),
          );
      for (let i = 0; i < 3; i++)
        expect((await post(flood, `flood-${i}`)).status).toBe(202);
      const limited = await post(flood, 'flood-3');
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(120);
      expect(limited.body.error.message).toMatch(
        /at most 3 event requests per 120s per sender/,
      );
      // Nothing of the refused request was stored.
      const list = await request(server)
        .get(`${API}/v1/incidents`)
        .query({ limit: 200 })
        .set('authorization', PLUGIN);
      expect(list.body.items.filter((i: any) => i.occurrences > 3)).toEqual([]);
      // Another sender has its own budget; an unauthenticated caller gets 401, not a count.
      expect(
        (await post(serviceHeader('quiet-sender'), 'quiet-1')).status,
      ).toBe(202);
      const anonymous = await request(server)
        .post(`${API}/v1/events`)
        .set('authorization', mockCredentials.none.header())
        .send({});
      expect(anonymous.status).toBe(401);
    });

    it('caps a stored log excerpt, keeping the error lines and the tail', async () => {
      const noise = Array.from(
        { length: 4000 },
        (_, i) => `INFO step ${i} ok ${'.'.repeat(80)}`,
      );
      noise.splice(
        2000,
        0,
        'ERROR java.lang.OutOfMemoryError: Java heap space',
      );
      const log = `${noise.join('\n')}\nexit status 137`;
      expect(log.length).toBeGreaterThan(300 * 1024);
      const res = await request(server)
        .post(`${API}/v1/events`)
        .set('authorization', serviceHeader('log-sender'))
        .send(
          failure(
            { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
            'big-log',
            'task failed',
            { logExcerpt: log },
          ),
        );
      expect(res.status).toBe(202);
      const event = await request(server)
        .get(`${API}/v1/incidents/${res.body.results[0].incidentId}`)
        .set('authorization', PLUGIN);
      const stored: string = event.body.latestEvent.logExcerpt;
      expect(Buffer.byteLength(stored)).toBeLessThanOrEqual(64 * 1024);
      expect(stored).toContain(
        'ERROR java.lang.OutOfMemoryError: Java heap space',
      );
      expect(stored).toContain('exit status 137');
    });

    it('refuses bodies over the size limit with 413 and batches over 500 events with 400, naming the limit', async () => {
      const big = await request(server)
        .post(`${API}/v1/events`)
        .set('authorization', serviceHeader('big-sender'))
        .send(
          failure({ namespace: 'x', name: 'y' }, 'big', 'x'.repeat(520 * 1024)),
        );
      expect(big.status).toBe(413);
      expect(big.body.error.message).toMatch(/512kb/);
      const batch = await request(server)
        .post(`${API}/v1/events`)
        .set('authorization', serviceHeader('batch-sender'))
        .send({
          events: Array.from({ length: 501 }, (_, i) => ({
            source: 'generic',
            job: { name: 'j' },
            runId: `b${i}`,
          })),
        });
      expect(batch.status).toBe(400);
      expect(batch.body.error.message).toMatch(
        /at most 500 events; this one has 501/,
      );
    });
  },
);
