import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  EXAMPLES_DIR,
  startTriageBackend,
} from '../__testUtils__/startTriageBackend';
import { databaseIds } from '../__testUtils__/databaseIds';

jest.setTimeout(300_000);

const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header('user:default/guest');
const API = '/api/pipeline-triage';
/** Fixed so CI is repeatable; set PT_FUZZ_SEED to explore further locally. */
const SEED = Number(process.env.PT_FUZZ_SEED ?? 4242);

/** Real payloads of every format: the examples and the adapters' fixtures. */
const SEEDS: Array<{ name: string; value: unknown }> = [
  ...fs
    .readdirSync(path.join(EXAMPLES_DIR, 'events'))
    .map(f => path.join(EXAMPLES_DIR, 'events', f)),
  ...fs
    .readdirSync(path.resolve(__dirname, '../ingest/__fixtures__'))
    .map(f => path.resolve(__dirname, '../ingest/__fixtures__', f)),
]
  .filter(f => f.endsWith('.json'))
  .map(f => ({
    name: path.basename(f),
    value: JSON.parse(fs.readFileSync(f, 'utf8')),
  }));

const TEXT_LOG = fs.readFileSync(
  path.join(EXAMPLES_DIR, 'events', 'text-spark-driver-slowdown.log'),
  'utf8',
);

type Mutation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'huge'; at: number; size: number }
  | { kind: 'nest'; at: number; depth: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.jsonValue({ maxDepth: 3 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('huge' as const),
    at: fc.nat(),
    size: fc.integer({ min: 10_000, max: 600_000 }),
  }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: fc.nat(),
    depth: fc.integer({ min: 50, max: 20_000 }),
  }),
);

/** Every [container, key] of a JSON value, so a mutation can land anywhere. */
function slots(
  value: unknown,
  out: Array<[any, string | number]> = [],
  depth = 0,
): Array<[any, string | number]> {
  if (depth > 30 || typeof value !== 'object' || value === null) return out;
  for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) {
    out.push([value, key]);
    slots((value as any)[key], out, depth + 1);
  }
  return out;
}

/** Deep nesting goes in as text: building it as an object would overflow the test's own stack. */
function nestedJson(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"deeper":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}"bottom"${close}`;
}

const toJson = (value: unknown) =>
  JSON.stringify(value).replace(/"__NEST_(\d+)__"/g, (_, d) =>
    nestedJson(Number(d)),
  );

function mutate(seed: unknown, mutations: Mutation[]): unknown {
  const value = structuredClone(seed);
  for (const m of mutations) {
    const all = slots(value);
    if (all.length === 0) break;
    const [container, key] = all[m.at % all.length];
    if (m.kind === 'set') container[key] = m.value;
    else if (m.kind === 'delete') {
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete container[key];
    } else if (m.kind === 'huge')
      container[key] = 'Error: boom \u001b[31m\u0000 '.repeat(
        Math.ceil(m.size / 20),
      );
    else container[key] = `__NEST_${m.depth}__`;
  }
  return value;
}

/** A binary or hostile text body: invalid UTF-8, NULs, ANSI, one endless line, heavy repetition. */
const hostileBytesArb = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 20_000 }).map(b => Buffer.from(b)),
  fc.constantFrom(
    Buffer.from([
      0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c,
      0xbc,
    ]),
    Buffer.from(
      `${'x'.repeat(2_000_000)} java.lang.OutOfMemoryError: Java heap space`,
    ),
    Buffer.from(
      '\u001b[31mERROR\u001b[0m \u0000\u0000 Killed\r\n'.repeat(50_000),
    ),
    Buffer.from('ERROR ERROR ERROR '.repeat(200_000)),
    Buffer.concat([
      Buffer.from(TEXT_LOG),
      Buffer.from([0x00, 0xff, 0xfe, 0x00]),
      Buffer.from(TEXT_LOG),
    ]),
  ),
);

/** Outcomes seen, so a run that only ever hit one branch fails instead of passing vacuously. */
const outcomes = new Map<string, number>();
const saw = (o: string) => outcomes.set(o, (outcomes.get(o) ?? 0) + 1);

/** What the API owes a sender: never a 5xx, a named problem on 4xx, every accepted event stored. */
async function checkIngestResponse(
  server: any,
  res: request.Response,
  what: string,
) {
  expect({
    what,
    status: res.status < 500 ? 'ok' : res.status,
    body: res.status < 500 ? undefined : res.body,
  }).toEqual({
    what,
    status: 'ok',
    body: undefined,
  });
  saw(String(res.status));
  if (res.status >= 400) {
    const message: string = res.body?.error?.message ?? '';
    // A field path or the body itself: "job.name: Required", "Request body is not valid JSON: ...".
    expect({ what, message }).toEqual({
      what,
      message: expect.stringMatching(
        /^(?:[\w.[\]-]+: |Request body|events: |Unsupported|.*(?:field|body|JSON|format))/,
      ),
    });
    return;
  }
  for (const r of res.body.results) {
    saw(r.status);
    if (r.status === 'rejected') {
      expect({ what, field: typeof r.field, reason: typeof r.reason }).toEqual({
        what,
        field: 'string',
        reason: 'string',
      });
    }
    if (r.status === 'accepted' || r.status === 'duplicate') {
      const stored = await request(server)
        .get(`${API}/v1/events/${r.eventId}`)
        .set('authorization', USER);
      expect({ what, status: stored.status, id: stored.body.id }).toEqual({
        what,
        status: 200,
        id: r.eventId,
      });
    }
  }
}

describe.each(databaseIds())('hostile input over HTTP on %s', databaseId => {
  // PostgreSQL gets a third of the runs: same code paths above the store, slower to set up.
  const runs = (n: number) =>
    databaseId === 'POSTGRES_15' ? Math.ceil(n / 3) : n;
  let backend: Awaited<ReturnType<typeof startTriageBackend>>;
  beforeAll(async () => {
    backend = await startTriageBackend(databaseId);
  });
  afterAll(async () => backend?.stop());

  it('answers mutated payloads of every format without a 5xx, storing every accepted event', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: SEEDS.length - 1 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (seedIndex, mutations, batch) => {
          const seed = SEEDS[seedIndex];
          const body = mutate(seed.value, mutations);
          const res = await request(backend.server)
            .post(`${API}/v1/events`)
            .set('authorization', SENDER)
            .set('content-type', 'application/json')
            .send(toJson(batch ? { events: [body, seed.value] } : body));
          await checkIngestResponse(
            backend.server,
            res,
            `${seed.name} ${JSON.stringify(mutations).slice(0, 300)}`,
          );
        },
      ),
      { numRuns: runs(60), seed: SEED },
    );
    expect([...outcomes.keys()]).toEqual(
      expect.arrayContaining(['202', '400', 'accepted', 'rejected']),
    );
  });

  it('answers binary, invalid UTF-8 and pathological logs as JSON or text without a 5xx', async () => {
    const storedSizes: number[] = [];
    await fc.assert(
      fc.asyncProperty(
        hostileBytesArb,
        fc.constantFrom(
          'application/json',
          'text/plain',
          'text/plain; charset=utf-8',
        ),
        async (bytes, type) => {
          const res = await request(backend.server)
            .post(
              `${API}/v1/events?job=spark-prod/fuzzed&runId=r${bytes.length}`,
            )
            .set('authorization', SENDER)
            .set('content-type', type)
            .send(bytes);
          await checkIngestResponse(
            backend.server,
            res,
            `${type} ${bytes.length} bytes`,
          );
          const incidentId =
            type.startsWith('text/') && res.status === 202
              ? res.body.results[0].incidentId
              : undefined;
          if (incidentId) {
            const incident = await request(backend.server)
              .get(`${API}/v1/incidents/${incidentId}`)
              .set('authorization', USER);
            storedSizes.push(JSON.stringify(incident.body.latestEvent).length);
          }
        },
      ),
      { numRuns: runs(25), seed: SEED + 1 },
    );
    // The stored log is a bounded excerpt, however large or odd the body.
    expect(storedSizes.length).toBeGreaterThan(0);
    expect(Math.max(...storedSizes)).toBeLessThan(200_000);
    expect([...outcomes.keys()]).toEqual(
      expect.arrayContaining(['202', '400']),
    );
  });

  it('answers random query strings and ids on the read endpoints without a 5xx', async () => {
    const keys = [
      'entityRef',
      'owner',
      'routedTo',
      'status',
      'category',
      'domain',
      'environment',
      'limit',
      'cursor',
      'weeks',
      'groupBy',
      'since',
    ];
    const valueArb = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        'component:default/x',
        'open,resolved',
        '-1',
        '1e309',
        'NaN',
        '%',
        '%ZZ',
        '[]',
        'a'.repeat(5000),
        'eyJ9',
        '\u0000',
      ),
    );
    const queryArb = fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 })),
        valueArb,
        fc.boolean(),
      ),
      { maxLength: 5 },
    );
    const pathArb = fc.oneof(
      fc.constantFrom(
        '/v1/incidents',
        '/v1/trends',
        '/v1/stats',
        '/v1/status',
        '/v1/dead-letters',
        '/v1/unlinked',
        '/v1/contract-violations',
        '/v1/schema-drift',
        '/v1/contracts',
        '/health',
      ),
      fc
        .string({ maxLength: 60 })
        .map(id => `/v1/incidents/${encodeURIComponent(id)}`),
      fc
        .string({ maxLength: 60 })
        .map(id => `/v1/incidents/${encodeURIComponent(id)}/report`),
      fc
        .string({ maxLength: 60 })
        .map(id => `/v1/events/${encodeURIComponent(id)}`),
    );
    await fc.assert(
      fc.asyncProperty(pathArb, queryArb, async (p, query) => {
        // Some pairs go raw (unencoded), as a careless client would send them.
        const qs = query
          .map(([k, v, raw]) =>
            raw
              ? `${k}=${v.replace(/[#\s]/g, '')}`
              : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
          )
          .join('&');
        const res = await request(backend.server)
          .get(`${API}${p}${qs ? `?${qs}` : ''}`)
          .set('authorization', USER);
        expect({
          p,
          qs,
          status: res.status < 500 ? 'ok' : res.status,
          body: res.status < 500 ? undefined : res.body,
        }).toEqual({
          p,
          qs,
          status: 'ok',
          body: undefined,
        });
      }),
      { numRuns: runs(80), seed: SEED + 2 },
    );
  });
});
