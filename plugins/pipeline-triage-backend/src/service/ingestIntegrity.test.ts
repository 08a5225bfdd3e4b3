import request from 'supertest';
import type { Knex } from 'knex';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  dropDatabases,
  pgClient,
  PG_URL,
  uniquePrefix,
} from '../bench/pgDatabases';
import { eventKey, normalizeEvents } from '../ingest';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';

jest.setTimeout(300_000);

/**
 * Issue 15, findings 3 to 7: what PostgreSQL refuses (NUL, lone surrogates, over-long
 * identifiers), deadlocks between overlapping batches, OpenLineage failures with one odd facet,
 * and plain-text logs re-delivered without a run id. Every case goes through HTTP into the real
 * plugin, on SQLite and PostgreSQL.
 */
const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header('user:default/guest');
/** Owns customer_ltv_features (team ml-platform), so may attach evidence to its incidents. */
const OWNER = mockCredentials.user.header('user:default/priya.raman');
const API = '/api/pipeline-triage';
const OL_SCHEMA = 'https://openlineage.io/spec/2-0-2/OpenLineage.json';

let n = 0;
const unique = (prefix: string) => `${prefix}-${++n}-${Date.now()}`;

const failure = (extra: Record<string, any> = {}) => ({
  source: 'generic',
  job: { namespace: 'spark-prod', name: unique('integrity-job') },
  runId: unique('run'),
  eventTime: new Date().toISOString(),
  errorMessage: 'java.lang.OutOfMemoryError: Java heap space',
  ...extra,
});

function olFail(
  extra: {
    run?: Record<string, any>;
    job?: Record<string, any>;
    outputs?: unknown[];
    inputs?: unknown[];
  } = {},
) {
  return {
    eventType: 'FAIL',
    eventTime: new Date().toISOString(),
    producer:
      'https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/spark',
    schemaURL: `${OL_SCHEMA}#/$defs/RunEvent`,
    run: {
      runId: `01936a2e-7c41-7d3a-9b5e-${String(++n).padStart(12, '0')}`,
      facets: {
        errorMessage: {
          _producer: 'https://example.com/p',
          _schemaURL:
            'https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json',
          message: 'java.lang.OutOfMemoryError: Java heap space',
          programmingLanguage: 'java',
        },
      },
      ...extra.run,
    },
    job: { namespace: 'spark-prod', name: unique('ol-job'), ...extra.job },
    inputs: extra.inputs ?? [],
    outputs: extra.outputs ?? [],
  };
}

describe.each(databaseIds())('ingest integrity over HTTP on %s', databaseId => {
  let backend: Awaited<ReturnType<typeof startTriageBackend>>;
  beforeAll(async () => {
    backend = await startTriageBackend(databaseId);
  });
  afterAll(async () => backend?.stop());

  const post = (body: unknown, query = '') =>
    request(backend.server)
      .post(`${API}/v1/events${query}`)
      .set('authorization', SENDER)
      .send(body as object);
  const postText = (text: string, query: string) =>
    request(backend.server)
      .post(`${API}/v1/events${query}`)
      .set('authorization', SENDER)
      .set('content-type', 'text/plain')
      .send(text);
  const get = (p: string, as = USER) =>
    request(backend.server).get(`${API}${p}`).set('authorization', as);

  /** Accepted, triaged at once into an incident, and not left pending or dead-lettered. */
  async function expectTriaged(res: request.Response, what: string) {
    expect({ what, status: res.status, result: res.body.results?.[0] }).toEqual(
      {
        what,
        status: 202,
        result: expect.objectContaining({
          status: 'accepted',
          processing: 'done',
          incidentId: expect.any(String),
        }),
      },
    );
    const event = await get(`/v1/events/${res.body.results[0].eventId}`);
    expect({
      what,
      status: event.body.status,
      lastError: event.body.lastError,
    }).toEqual({ what, status: 'done', lastError: undefined });
    return res.body.results[0] as { eventId: string; incidentId: string };
  }

  describe('finding 3: NUL and lone surrogates', () => {
    it.each([
      [
        'job name',
        () =>
          failure({
            job: { namespace: 'spark-prod', name: unique('nul\u0000job') },
          }),
      ],
      [
        'job namespace',
        () =>
          failure({
            job: { namespace: 'spark\u0000prod', name: unique('nul-ns') },
          }),
      ],
      [
        'error message',
        () =>
          failure({
            errorMessage: 'java.lang.OutOfMemoryError:\u0000 Java heap space',
          }),
      ],
      [
        'stack trace',
        () =>
          failure({ stackTrace: 'at org.apache.spark.Foo\u0000\n\tat Bar' }),
      ],
      [
        'log excerpt',
        () => failure({ logExcerpt: 'ERROR\u0000\u0000 Killed\nexit 137' }),
      ],
      ['run id', () => failure({ runId: unique('run\u0000') })],
      [
        'dataset name',
        () =>
          failure({
            outputs: [{ namespace: 'snowflake://acme', name: 'ORDERS\u0000' }],
          }),
      ],
      [
        'lone surrogates',
        () =>
          failure({
            errorMessage: 'OutOfMemoryError \ud800 half \udc00 pair',
            job: { namespace: 'spark-prod', name: unique('sur\udfffrogate') },
          }),
      ],
    ])(
      'stores and triages an event with a NUL in its %s',
      async (what, make) => {
        const result = await expectTriaged(await post(make()), what);
        const incident = await get(`/v1/incidents/${result.incidentId}`);
        expect(incident.status).toBe(200);
        expect(JSON.stringify(incident.body)).not.toMatch(
          /\\u0000|\\ud[89a-f][0-9a-f]{2}/i,
        );
      },
    );

    it('stores and triages a plain-text log with a NUL in ?job= and in the text', async () => {
      const job = encodeURIComponent(unique('text\u0000job'));
      const res = await postText(
        'INFO start\nERROR\u0000 java.lang.OutOfMemoryError: Java heap space\n',
        `?job=${job}&namespace=spark%00prod`,
      );
      const { incidentId } = await expectTriaged(res, 'text log');
      const incident = await get(`/v1/incidents/${incidentId}`);
      expect([
        incident.body.jobName.startsWith('text\ufffdjob'),
        incident.body.jobNamespace,
      ]).toEqual([true, 'spark\ufffdprod']);
    });

    it('keeps NULs out of attached evidence', async () => {
      const res = await post(
        failure({
          job: { namespace: 'spark-prod', name: 'customer_ltv_features' },
          runId: unique('attach'),
        }),
      );
      const { incidentId } = await expectTriaged(res, 'attachment target');
      const attach = await request(backend.server)
        .post(`${API}/v1/incidents/${incidentId}/attachments`)
        .set('authorization', OWNER)
        .send({
          kind: 'log',
          name: 'driver\u0000.log',
          text: 'ERROR\u0000 java.lang.OutOfMemoryError: GC overhead limit exceeded',
        });
      expect({
        status: attach.status,
        body: attach.status < 500 ? 'ok' : attach.body,
      }).toEqual({ status: 201, body: 'ok' });
      const list = await get(`/v1/incidents/${incidentId}/attachments`, OWNER);
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toContain('\\u0000');
    });

    it.each([
      ['/v1/incidents?entityRef=component:default/a%00b', 'entityRef'],
      ['/v1/incidents?owner=group:default/a%00b', 'owner'],
      ['/v1/incidents?cursor=%00', 'cursor'],
      ['/v1/trends?routedTo=group:default/%00', 'routedTo'],
      ['/v1/stats?entityRef=component:default/%00', 'entityRef'],
      ['/v1/status?entityRef=component:default/x%00', 'entityRef'],
      ['/v1/contract-violations?entityRef=resource:default/x%00', 'entityRef'],
      ['/v1/schema-drift?entityRef=resource:default/x%00', 'entityRef'],
      ['/v1/contracts?entityRef=api:default/x%00', 'entityRef'],
      ['/v1/incidents/%00', 'id'],
      ['/v1/incidents/ab%00cd/report', 'id'],
      ['/v1/incidents/%00/investigations', 'id'],
      ['/v1/incidents/%00/attachments', 'id'],
      ['/v1/events/%00', 'id'],
    ])('answers GET %s with 400 naming %s', async (p, field) => {
      const res = await get(p);
      expect({ status: res.status, message: res.body?.error?.message }).toEqual(
        {
          status: 400,
          message: expect.stringMatching(new RegExp(`^${field}: `)),
        },
      );
    });
  });

  describe('finding 4: identifiers longer than their columns', () => {
    it.each([
      [
        'job.name',
        () =>
          failure({ job: { namespace: 'spark-prod', name: 'j'.repeat(600) } }),
      ],
      [
        'job.name',
        () =>
          failure({ job: { namespace: 'spark-prod', name: 'j'.repeat(512) } }),
      ],
      [
        'job.namespace',
        () => failure({ job: { namespace: 'n'.repeat(300), name: 'short' } }),
      ],
      [
        'outputs[0].name',
        () =>
          failure({
            outputs: [
              { namespace: 'snowflake://acme', name: 'd'.repeat(1100) },
            ],
          }),
      ],
      [
        'outputs[0].schema[0].name',
        () =>
          failure({
            outputs: [{ name: 'orders', schema: [{ name: 'c'.repeat(300) }] }],
          }),
      ],
    ])('answers 400 naming %s', async (field, make) => {
      const res = await post(make());
      expect({ status: res.status, message: res.body?.error?.message }).toEqual(
        {
          status: 400,
          message: expect.stringMatching(
            new RegExp(
              `^${field.replace(/[[\].]/g, '\\$&')}: .*at most \\d+ characters`,
            ),
          ),
        },
      );
    });

    it('answers 400 naming ?job= for a plain-text log with a 600-character job', async () => {
      const res = await postText('ERROR boom', `?job=${'j'.repeat(600)}`);
      expect({ status: res.status, message: res.body?.error?.message }).toEqual(
        {
          status: 400,
          message: expect.stringMatching(/^job: .*at most \d+ characters/),
        },
      );
    });

    it('still accepts a job name at the limit', async () => {
      const { incidentId } = await expectTriaged(
        await post(
          failure({ job: { namespace: 'spark-prod', name: 'j'.repeat(256) } }),
        ),
        'name at the limit',
      );
      expect((await get(`/v1/incidents/${incidentId}`)).body.jobName).toBe(
        'j'.repeat(256),
      );
    });
  });

  describe('finding 5: overlapping batches in opposite orders', () => {
    it('answers every round without a 5xx and stores each event once', async () => {
      const SIZE = 200;
      for (let round = 0; round < 5; round++) {
        const job = { namespace: 'spark-prod', name: unique('deadlock') };
        const events = Array.from({ length: SIZE }, (_, i) =>
          failure({
            job,
            runId: `${job.name}-run-${i}`,
            eventTime: new Date(Date.now() - i * 1000).toISOString(),
          }),
        );
        // Four requests over the same runs, two in ascending and two in descending order, each
        // missing a different stretch, so every pair overlaps in opposite or shifted orders.
        const batches = [
          events.slice(0, 160),
          events.slice(40).reverse(),
          events.slice(20, 180),
          events.slice(0, 100).concat(events.slice(120)).reverse(),
        ];
        const responses = await Promise.all(
          batches.map(b => post({ events: b })),
        );
        expect({
          round,
          failed: responses.filter(r => r.status >= 500).map(r => r.body),
        }).toEqual({ round, failed: [] });

        // The same run is one stored event whichever request stored it.
        const idOf = new Map<string, string>();
        responses.forEach((res, i) =>
          res.body.results.forEach((r: any) => {
            expect(['accepted', 'duplicate']).toContain(r.status);
            const runId = batches[i][r.index].runId;
            expect({ runId, id: idOf.get(runId) ?? r.eventId }).toEqual({
              runId,
              id: r.eventId,
            });
            idOf.set(runId, r.eventId);
          }),
        );
        expect(idOf.size).toBe(SIZE);
        const accepted = responses
          .flatMap(r => r.body.results)
          .filter((r: any) => r.status === 'accepted');
        expect(accepted).toHaveLength(SIZE);

        const incidentIds = new Set(accepted.map((r: any) => r.incidentId));
        expect([...incidentIds].filter(Boolean)).toHaveLength(1);
        const detail = await get(`/v1/incidents/${[...incidentIds][0]}`);
        expect(detail.body.occurrences).toBe(SIZE);
      }
    });
  });

  describe('finding 6: OpenLineage failures with an odd facet, and events that are no outcome', () => {
    it.each([
      [
        'an empty schema field name',
        {
          outputs: [
            {
              namespace: 's3://b',
              name: 'orders',
              facets: {
                schema: {
                  _producer: 'p',
                  _schemaURL: 's',
                  fields: [{ name: '' }, { name: 'id', type: 'int' }],
                },
              },
            },
          ],
        },
        /facets\.schema\.fields\[0\]\.name/,
      ],
      [
        'an empty assertion',
        {
          inputs: [
            {
              namespace: 's3://b',
              name: 'orders',
              inputFacets: {
                dataQualityAssertions: {
                  _producer: 'p',
                  _schemaURL: 's',
                  assertions: [{ assertion: '', success: false }],
                },
              },
            },
          ],
        },
        /dataQualityAssertions\.assertions\[0\]\.assertion/,
      ],
      [
        'a negative row count',
        {
          outputs: [
            {
              namespace: 's3://b',
              name: 'orders',
              outputFacets: {
                outputStatistics: {
                  _producer: 'p',
                  _schemaURL: 's',
                  rowCount: -5,
                  size: -1,
                },
              },
            },
          ],
        },
        /outputStatistics\.rowCount/,
      ],
      [
        'a schema facet that is not a list',
        {
          outputs: [
            {
              namespace: 's3://b',
              name: 'orders',
              facets: {
                schema: { _producer: 'p', _schemaURL: 's', fields: 'id int' },
              },
            },
          ],
        },
        /facets\.schema\.fields/,
      ],
      [
        'an ownership facet of the wrong shape',
        {
          job: {
            facets: {
              ownership: {
                _producer: 'p',
                _schemaURL: 's',
                owners: [{ name: 7 }],
              },
            },
          },
        },
        /ownership\.owners\[0\]\.name/,
      ],
      [
        'a parent run of the wrong shape',
        {
          run: {
            facets: {
              errorMessage: {
                _producer: 'p',
                _schemaURL: 's',
                message: 'java.lang.OutOfMemoryError: Java heap space',
                programmingLanguage: 'java',
              },
              parent: { run: 'x', job: 3 },
            },
          },
        },
        /facets\.parent/,
      ],
    ])(
      'triages a FAIL with %s, the facet dropped with a warning',
      async (_what, extra, warning) => {
        const res = await post(olFail(extra as any));
        const { eventId } = await expectTriaged(res, _what);
        expect(res.body.results[0].warnings).toEqual(
          expect.arrayContaining([expect.stringMatching(warning)]),
        );
        const event = await get(`/v1/events/${eventId}`);
        expect(event.body.warnings).toEqual(
          expect.arrayContaining([expect.stringMatching(warning)]),
        );
      },
    );

    it('still rejects a FAIL without a job name or time, naming the field', async () => {
      const noName = await post({
        ...olFail(),
        job: { namespace: 'spark-prod' },
      });
      expect({
        status: noName.status,
        message: noName.body.error?.message,
      }).toEqual({
        status: 400,
        message: expect.stringMatching(/^job\.name: /),
      });
      const noTime = await post({ ...olFail(), eventTime: 'yesterday' });
      expect({
        status: noTime.status,
        message: noTime.body.error?.message,
      }).toEqual({
        status: 400,
        message: expect.stringMatching(/^eventTime: /),
      });
    });

    it.each([
      [
        'START with no job',
        {
          eventType: 'START',
          eventTime: 'not a time',
          producer: 'p',
          schemaURL: `${OL_SCHEMA}#/$defs/RunEvent`,
          run: { runId: 5 },
        },
      ],
      [
        'RUNNING with a bad facet',
        {
          ...olFail({
            outputs: [{ name: '', facets: { schema: { fields: 3 } } }],
          }),
          eventType: 'RUNNING',
        },
      ],
      [
        'OTHER with no run',
        {
          eventType: 'OTHER',
          eventTime: new Date().toISOString(),
          producer: 'p',
          schemaURL: `${OL_SCHEMA}#/$defs/RunEvent`,
          job: { name: '' },
        },
      ],
      ['start in lower case', { ...olFail(), eventType: 'start', job: 'nope' }],
      [
        'a static JobEvent',
        {
          eventTime: new Date().toISOString(),
          producer: 'p',
          schemaURL: `${OL_SCHEMA}#/$defs/JobEvent`,
          job: { namespace: 'spark-prod', name: 'x', facets: { schema: 3 } },
        },
      ],
      [
        'a static DatasetEvent',
        {
          eventTime: new Date().toISOString(),
          producer: 'p',
          schemaURL: `${OL_SCHEMA}#/$defs/DatasetEvent`,
          dataset: { namespace: 's3://b', name: '' },
        },
      ],
      ['a RunEvent with no eventType', { ...olFail(), eventType: undefined }],
    ])('acknowledges %s as ignored, storing nothing', async (_what, body) => {
      const res = await post(body);
      expect({ status: res.status, results: res.body.results }).toEqual({
        status: 200,
        results: [
          expect.objectContaining({
            index: 0,
            status: 'ignored',
            reason: expect.any(String),
          }),
        ],
      });
    });
  });

  describe('finding 7: plain-text logs re-delivered without a run id', () => {
    it('counts 50 identical posts once, and a different log or run id again', async () => {
      const job = unique('text-dedup');
      const log = `INFO starting\nERROR java.lang.OutOfMemoryError: Java heap space (${job})\n`;
      const results = [];
      for (let i = 0; i < 50; i++)
        results.push(await postText(log, `?job=${job}&namespace=spark-prod`));
      expect(results.map(r => r.status < 500)).toEqual(results.map(() => true));
      const statuses = results.map(r => r.body.results[0].status);
      expect(statuses.filter(s => s === 'accepted')).toHaveLength(1);
      expect(statuses.filter(s => s === 'duplicate')).toHaveLength(49);
      const incidentId = results[0].body.results[0].incidentId;
      expect(new Set(results.map(r => r.body.results[0].incidentId))).toEqual(
        new Set([incidentId]),
      );
      expect((await get(`/v1/incidents/${incidentId}`)).body.occurrences).toBe(
        1,
      );

      // Another log of the same job is another occurrence; so is a repeat naming a new run.
      const other = await postText(
        log.replace('heap space', 'GC overhead limit exceeded'),
        `?job=${job}&namespace=spark-prod`,
      );
      expect(other.body.results[0].status).toBe('accepted');
      const withRun = await postText(
        log,
        `?job=${job}&namespace=spark-prod&runId=${unique('r')}`,
      );
      expect(withRun.body.results[0].status).toBe('accepted');
    });
  });
});

/**
 * Finding 5 made certain instead of likely: a third writer (this test's own transaction, as
 * another instance would be) holds one key while two requests carry the same runs in different
 * orders. Inserted in batch order, the first request holds k1 and waits for k3, the second
 * holds k2 and waits for k1; when the third lets go, the first needs k2: a deadlock every time.
 */
const describeOnPg = databaseIds().includes('POSTGRES_15')
  ? describe
  : describe.skip;

describeOnPg(
  'overlapping batches with a third writer holding a key, on PostgreSQL',
  () => {
    const prefix = uniquePrefix('deadlock');
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;
    let db: Knex;
    beforeAll(async () => {
      backend = await startTriageBackend(
        'POSTGRES_15',
        {},
        {
          database: {
            client: 'pg',
            connection: PG_URL,
            prefix,
            knexConfig: { pool: { min: 0, max: 6 } },
          },
        },
      );
      db = pgClient(`${prefix}pipeline-triage`, 3);
    }, 240_000);
    afterAll(async () => {
      await db?.destroy();
      await backend?.stop();
      await dropDatabases(prefix);
    }, 60_000);

    /** Sessions of the plugin's database waiting for a lock another transaction holds. */
    async function waitForLockWaits(count: number) {
      for (;;) {
        const { rows } = await db.raw(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        if (rows[0].n >= count) return;
        await new Promise(r => setTimeout(r, 20));
      }
    }

    it('answers both requests without a 5xx, each run stored once', async () => {
      const job = { namespace: 'spark-prod', name: unique('deadlock-3rd') };
      const runs = [0, 1, 2].map(i =>
        failure({ job, runId: `${job.name}-${i}` }),
      );
      const keyed = runs
        .map(e => ({ e, key: eventKey(normalizeEvents(e).items[0].events[0]) }))
        .sort((a, b) => (a.key < b.key ? -1 : 1));
      const [k1, k2, k3] = keyed;

      const third = await db.transaction();
      await third('pt_events').insert({
        id: '00000000-0000-4000-8000-000000000003',
        event_key: k3.key,
        source: 'generic',
        outcome: 'fail',
        job_key: `${job.namespace}/${job.name}`,
        environment: 'prod',
        event_time: new Date().toISOString(),
        received_at: new Date().toISOString(),
        sender: 'third-writer',
        payload: JSON.stringify(k3.e),
        status: 'done',
        attempts: 0,
        next_attempt_at: new Date().toISOString(),
      });
      const post = (events: unknown[]) =>
        request(backend.server)
          .post(`${API}/v1/events`)
          .set('authorization', SENDER)
          .send({ events })
          .then(r => r);
      const first = post([k1.e, k3.e, k2.e]);
      await waitForLockWaits(1);
      const second = post([k2.e, k1.e]);
      await waitForLockWaits(2);
      await third.rollback();

      const [a, b] = await Promise.all([first, second]);
      expect({
        a: a.status < 500 ? 'ok' : a.body,
        b: b.status < 500 ? 'ok' : b.body,
      }).toEqual({ a: 'ok', b: 'ok' });
      const ids = new Map<unknown, string>();
      for (const [res, batch] of [
        [a, [k1, k3, k2]],
        [b, [k2, k1]],
      ] as const) {
        for (const r of res.body.results) {
          const run = batch[r.index].e.runId;
          expect({ run, id: ids.get(run) ?? r.eventId }).toEqual({
            run,
            id: r.eventId,
          });
          ids.set(run, r.eventId);
        }
      }
      expect(ids.size).toBe(3);
      const incidentId = a.body.results.find(
        (r: any) => r.incidentId,
      )?.incidentId;
      const incident = await request(backend.server)
        .get(`${API}/v1/incidents/${incidentId}`)
        .set('authorization', USER);
      expect(incident.body.occurrences).toBe(3);
    });
  },
);
