import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { TestDatabases } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startRealAuthBackend } from '../__testUtils__/startRealAuthBackend';

jest.setTimeout(300_000);

/*
 * Who may call which route, through a backend with Backstage's real auth, httpAuth, userInfo and
 * permission services: static external-access tokens exactly as `backend.auth.externalAccess`
 * issues them, a plugin-to-plugin token another plugin of the backend mints, a real guest sign-in
 * token from the auth backend, and no token. The policy is the example instance's owner-only one:
 * the guest (growth-analytics, data-platform, checkout-producers) sees its teams' incidents only.
 *
 * Every route of service/router.ts and investigate/createInvestigationRouter.ts is a row; the
 * test writes the matrix (expected / got) to $AUTH_MATRIX_DIR (default: the OS temp dir).
 */
const databases = TestDatabases.create({ ids: databaseIds() });
const API = '/api/pipeline-triage';

const CREDENTIALS = [
  'none',
  'sender',
  'unrestricted',
  'lookalike',
  'plugin',
  'guest',
] as const;
type Credential = (typeof CREDENTIALS)[number];
const CREDENTIAL_NOTES: Record<Credential, string> = {
  none: 'no token',
  sender:
    'static token, subject `pipeline-sender`, restricted to pipeline-triage (the documented setup)',
  unrestricted: 'static token, subject `ci-bot`, no access restrictions',
  lookalike:
    'static token, subject `plugin:catalog` (imitates a plugin), no access restrictions',
  plugin:
    'plugin-to-plugin token minted by another plugin of the backend (`plugin:matrix-probe`)',
  guest:
    "user token from the auth backend's guest sign-in (owner-only policy: its teams' incidents)",
};

interface Ids {
  visible: string; // incident of a guest's team (growth-analytics), from the sender
  hidden: string; // incident of another team (finance-data), from the other sender
  ownEvent: string; // the sender's event (of the visible incident)
  otherEvent: string; // the other sender's event (of the hidden incident)
  visibleInvestigation: string;
  hiddenInvestigation: string;
  jobRef: string;
}

type Call = (ids: Ids) => request.Test;
interface Row {
  route: string;
  call: Call;
  /** Expected status per credential. */
  expect: Record<Credential, number>;
}

const denied = { none: 401, sender: 403, unrestricted: 403, lookalike: 403 };
/** Readable by people and plugins; senders refused. */
const readable = (guest = 200, plugin = 200) => ({ ...denied, plugin, guest });

function failure(
  job: { namespace: string; name: string },
  runId: string,
  errorMessage: string,
) {
  return {
    source: 'generic',
    job,
    runId,
    eventTime: new Date().toISOString(),
    errorMessage,
  };
}

function rows(server: any): Row[] {
  const r = () => request(server);
  const attach = (id: string) =>
    r()
      .post(`${API}/v1/incidents/${id}/attachments`)
      .send({ kind: 'log', name: 'extra.log', text: 'more context' });
  return [
    {
      route: 'GET /health',
      call: () => r().get(`${API}/health`),
      expect: {
        none: 200,
        sender: 200,
        unrestricted: 200,
        lookalike: 200,
        plugin: 200,
        guest: 200,
      },
    },
    {
      route: 'GET /health/live',
      call: () => r().get(`${API}/health/live`),
      expect: {
        none: 200,
        sender: 200,
        unrestricted: 200,
        lookalike: 200,
        plugin: 200,
        guest: 200,
      },
    },
    {
      route: 'POST /v1/events',
      call: () =>
        r()
          .post(`${API}/v1/events`)
          .send(
            failure(
              { namespace: 'spark-prod', name: 'customer_ltv_features' },
              `matrix-${Math.random()}`,
              'java.lang.OutOfMemoryError: Java heap space',
            ),
          ),
      expect: {
        none: 401,
        sender: 202,
        unrestricted: 202,
        lookalike: 202,
        plugin: 202,
        guest: 403,
      },
    },
    // The other senders' own events are other events: they get 404 like any sender's neighbour.
    {
      route: "GET /v1/events/:id (the sender's own event)",
      call: ids => r().get(`${API}/v1/events/${ids.ownEvent}`),
      expect: {
        none: 401,
        sender: 200,
        unrestricted: 404,
        lookalike: 404,
        plugin: 200,
        guest: 200,
      },
    },
    {
      route: "GET /v1/events/:id (another sender's event, hidden incident)",
      call: ids => r().get(`${API}/v1/events/${ids.otherEvent}`),
      expect: {
        none: 401,
        sender: 404,
        unrestricted: 404,
        lookalike: 404,
        plugin: 200,
        guest: 404,
      },
    },
    {
      route: 'GET /v1/incidents',
      call: () => r().get(`${API}/v1/incidents`),
      expect: readable(),
    },
    {
      route: 'GET /v1/incidents/:id (visible)',
      call: ids => r().get(`${API}/v1/incidents/${ids.visible}`),
      expect: readable(),
    },
    {
      route: 'GET /v1/incidents/:id (hidden)',
      call: ids => r().get(`${API}/v1/incidents/${ids.hidden}`),
      expect: readable(404),
    },
    {
      route: 'GET /v1/incidents/:id/report (visible)',
      call: ids => r().get(`${API}/v1/incidents/${ids.visible}/report`),
      expect: readable(),
    },
    {
      route: 'GET /v1/incidents/:id/report (hidden)',
      call: ids => r().get(`${API}/v1/incidents/${ids.hidden}/report`),
      expect: readable(404),
    },
    // Changes are made by people: a plugin token gets 403 from httpAuth.
    {
      route: 'PATCH /v1/incidents/:id acknowledge (visible)',
      call: ids =>
        r()
          .patch(`${API}/v1/incidents/${ids.visible}`)
          .send({ action: 'acknowledge' }),
      expect: readable(200, 403),
    },
    {
      route: 'PATCH /v1/incidents/:id acknowledge (hidden)',
      call: ids =>
        r()
          .patch(`${API}/v1/incidents/${ids.hidden}`)
          .send({ action: 'acknowledge' }),
      expect: readable(404, 403),
    },
    {
      route: 'PATCH /v1/incidents/:id override (visible)',
      call: ids =>
        r().patch(`${API}/v1/incidents/${ids.visible}`).send({
          action: 'override',
          category: 'resource_exhaustion',
          reason: 'matrix',
        }),
      expect: readable(200, 403),
    },
    {
      route: 'PATCH /v1/incidents/:id override (hidden)',
      call: ids =>
        r().patch(`${API}/v1/incidents/${ids.hidden}`).send({
          action: 'override',
          category: 'permission',
          reason: 'matrix',
        }),
      expect: readable(404, 403),
    },
    {
      route: 'GET /v1/trends',
      call: () => r().get(`${API}/v1/trends`),
      expect: readable(),
    },
    {
      route: 'GET /v1/status',
      call: ids => r().get(`${API}/v1/status`).query({ entityRef: ids.jobRef }),
      expect: readable(),
    },
    {
      route: 'GET /v1/stats',
      call: () => r().get(`${API}/v1/stats`),
      expect: readable(),
    },
    {
      route: 'GET /v1/contract-violations',
      call: ids =>
        r()
          .get(`${API}/v1/contract-violations`)
          .query({ entityRef: ids.jobRef }),
      expect: readable(),
    },
    {
      route: 'GET /v1/schema-drift',
      call: ids =>
        r().get(`${API}/v1/schema-drift`).query({ entityRef: ids.jobRef }),
      expect: readable(),
    },
    {
      route: 'GET /v1/contracts',
      call: () => r().get(`${API}/v1/contracts`),
      expect: readable(),
    },
    // Queue-wide views name every team's jobs: full read only (the guest's read is conditional).
    {
      route: 'GET /v1/unlinked',
      call: () => r().get(`${API}/v1/unlinked`),
      expect: readable(403),
    },
    {
      route: 'GET /v1/dead-letters',
      call: () => r().get(`${API}/v1/dead-letters`),
      expect: readable(403),
    },
    {
      route: 'GET /v1/incidents/:id/investigations (visible)',
      call: ids => r().get(`${API}/v1/incidents/${ids.visible}/investigations`),
      expect: readable(),
    },
    {
      route: 'GET /v1/incidents/:id/investigations (hidden)',
      call: ids => r().get(`${API}/v1/incidents/${ids.hidden}/investigations`),
      expect: readable(404),
    },
    // A rule-based investigation has no suggestion: whoever gets past the checks meets 409.
    {
      route: 'POST /v1/incidents/:id/investigations/:iid/accept (visible)',
      call: ids =>
        r().post(
          `${API}/v1/incidents/${ids.visible}/investigations/${ids.visibleInvestigation}/accept`,
        ),
      expect: readable(409, 409),
    },
    {
      route: 'POST /v1/incidents/:id/investigations/:iid/accept (hidden)',
      call: ids =>
        r().post(
          `${API}/v1/incidents/${ids.hidden}/investigations/${ids.hiddenInvestigation}/accept`,
        ),
      expect: readable(404, 409),
    },
    {
      route: 'POST /v1/incidents/:id/attachments (visible)',
      call: ids => attach(ids.visible),
      expect: readable(201, 201),
    },
    {
      route: 'POST /v1/incidents/:id/attachments (hidden)',
      call: ids => attach(ids.hidden),
      expect: readable(404, 201),
    },
    {
      route: 'GET /v1/incidents/:id/attachments (visible)',
      call: ids => r().get(`${API}/v1/incidents/${ids.visible}/attachments`),
      expect: readable(),
    },
    {
      route: 'GET /v1/incidents/:id/attachments (hidden)',
      call: ids => r().get(`${API}/v1/incidents/${ids.hidden}/attachments`),
      expect: readable(404),
    },
    // Last: starting one runs it in the background; the test waits for it before the next caller.
    {
      route: 'POST /v1/incidents/:id/investigate (visible)',
      call: ids => r().post(`${API}/v1/incidents/${ids.visible}/investigate`),
      expect: readable(202, 202),
    },
    {
      route: 'POST /v1/incidents/:id/investigate (hidden)',
      call: ids => r().post(`${API}/v1/incidents/${ids.hidden}/investigate`),
      expect: readable(404, 202),
    },
  ];
}

function renderMatrix(
  databaseId: string,
  table: Row[],
  got: Record<string, Record<Credential, number>>,
): string {
  const cell = (e: number, g: number) =>
    e === g ? `${g}` : `**${g}** (expected ${e})`;
  return [
    `Authorization matrix on ${databaseId}: status got (expected when it differs)`,
    '',
    `| route | ${CREDENTIALS.join(' | ')} |`,
    `| --- | ${CREDENTIALS.map(() => '---').join(' | ')} |`,
    ...table.map(
      row =>
        `| ${row.route} | ${CREDENTIALS.map(c =>
          cell(row.expect[c], got[row.route][c]),
        ).join(' | ')} |`,
    ),
    '',
    ...CREDENTIALS.map(c => `- ${c}: ${CREDENTIAL_NOTES[c]}`),
    '',
  ].join('\n');
}

describe.each(databases.eachSupportedId())(
  'authorization matrix on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startRealAuthBackend>>['backend'];
    let server: any;
    const headers = {} as Record<Credential, string | undefined>;
    let otherSender: string;
    let ids: Ids;

    beforeAll(async () => {
      const started = await startRealAuthBackend(databaseId);
      ({ backend, server } = started);
      const { callers } = started;
      Object.assign(headers, {
        none: undefined,
        sender: callers.sender,
        unrestricted: callers.unrestricted,
        lookalike: callers.lookalike,
        plugin: callers.plugin,
        guest: callers.guest,
      });
      otherSender = callers.otherSender;

      const post = async (authorization: string, event: object) => {
        const res = await request(server)
          .post(`${API}/v1/events`)
          .set('authorization', authorization)
          .send(event);
        if (res.status !== 202)
          throw new Error(`setup post failed: ${res.status} ${res.text}`);
        return res.body.results[0] as { eventId: string; incidentId: string };
      };
      const visible = await post(
        headers.sender!,
        failure(
          { namespace: 'spark-prod', name: 'customer_ltv_features' },
          'matrix-visible',
          'java.lang.OutOfMemoryError: Java heap space',
        ),
      );
      const hidden = await post(
        otherSender,
        failure(
          { namespace: 'dbt-prod', name: 'dbt-run-commerce' },
          'matrix-hidden',
          'ERROR: duplicate key value violates unique constraint "orders_pkey"',
        ),
      );
      const incident = await request(server)
        .get(`${API}/v1/incidents/${visible.incidentId}`)
        .set('authorization', headers.plugin!);
      const investigate = async (id: string) => {
        const res = await request(server)
          .post(`${API}/v1/incidents/${id}/investigate`)
          .set('authorization', headers.plugin!);
        if (res.status !== 202)
          throw new Error(
            `setup investigation failed: ${res.status} ${res.text}`,
          );
        await investigationsSettled(id);
        return res.body.id as string;
      };
      ids = {
        visible: visible.incidentId,
        hidden: hidden.incidentId,
        ownEvent: visible.eventId,
        otherEvent: hidden.eventId,
        jobRef: incident.body.jobEntityRef,
        visibleInvestigation: await investigate(visible.incidentId),
        hiddenInvestigation: await investigate(hidden.incidentId),
      };
      if (!ids.jobRef || ids.visible === ids.hidden)
        throw new Error(`unexpected setup: ${JSON.stringify(ids)}`);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    /** Waits until no investigation of the incident is running (a started one runs in the background). */
    async function investigationsSettled(incidentId: string) {
      for (;;) {
        const res = await request(server)
          .get(`${API}/v1/incidents/${incidentId}/investigations`)
          .set('authorization', headers.plugin!);
        if (res.status !== 200)
          throw new Error(`investigations: ${res.status}`);
        if (
          !res.body.items.some(
            (i: { status: string }) => i.status === 'running',
          )
        )
          return;
        await new Promise(resolve => setImmediate(resolve));
      }
    }

    it('answers every route for every credential as designed', async () => {
      const table = rows(server);
      const got: Record<string, Record<Credential, number>> = {};
      for (const row of table) {
        got[row.route] = {} as Record<Credential, number>;
        for (const credential of CREDENTIALS) {
          const call = row.call(ids);
          const res = await (headers[credential]
            ? call.set('authorization', headers[credential]!)
            : call);
          got[row.route][credential] = res.status;
          if (res.status === 202 && row.route.includes('/investigate')) {
            await investigationsSettled(ids.visible);
            await investigationsSettled(ids.hidden);
          }
        }
      }
      const matrix = renderMatrix(databaseId, table, got);
      const dir = process.env.AUTH_MATRIX_DIR ?? os.tmpdir();
      fs.writeFileSync(
        path.join(dir, `pipeline-triage-authorization-matrix.${databaseId}.md`),
        matrix,
      );
      // eslint-disable-next-line no-console
      console.log(matrix);
      expect(got).toEqual(
        Object.fromEntries(table.map(row => [row.route, row.expect])),
      );
    });

    it('keeps what the refused callers tried from happening', async () => {
      const incident = await request(server)
        .get(`${API}/v1/incidents/${ids.hidden}`)
        .set('authorization', headers.plugin!);
      // No attachment, override or acknowledgement by a sender or by the guest reached the hidden incident.
      const attachments = await request(server)
        .get(`${API}/v1/incidents/${ids.hidden}/attachments`)
        .set('authorization', headers.plugin!);
      expect(
        attachments.body.items.map((a: { addedBy: string }) => a.addedBy),
      ).toEqual(['plugin:matrix-probe']);
      expect(incident.body.status).toBe('open');
      expect(incident.body.category).not.toBe('permission');
    });
  },
);
