import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import {
  EXAMPLES_DIR,
  startTriageBackend,
} from '../__testUtils__/startTriageBackend';
import {
  dropDatabases,
  pgClient,
  PG_URL,
  uniquePrefix,
} from '../bench/pgDatabases';

const SENDER = mockCredentials.service.header();
// PostgreSQL only: several instances share one database. Skipped without one, except under
// CI=true, where databaseIds() includes PostgreSQL and a missing server fails the test.
const describeOnPg = databaseIds().includes('POSTGRES_15')
  ? describe
  : describe.skip;

const example = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, 'events', file), 'utf8'));

/** Failures of catalog pipelines (so they are routed and notify), each run its own event. */
function failures(): unknown[] {
  const oom = example('openlineage-fail-spark-oom.json');
  const permission = example('airflow-callback-fail-permission.json');
  const glue = example('glue-enriched-failed.json');
  const out: unknown[] = [];
  for (let i = 0; i < 12; i++) {
    out.push({
      ...oom,
      run: {
        ...oom.run,
        runId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      },
    });
    out.push({ ...permission, run_id: `scale-out__${i}` });
    out.push({
      ...glue,
      detail: { ...glue.detail, jobRunId: `jr_scale_out_${i}` },
    });
  }
  return out;
}

describeOnPg('two backend instances on one PostgreSQL database', () => {
  const prefix = uniquePrefix('scaleout');
  let a: Awaited<ReturnType<typeof startTriageBackend>>;
  let b: Awaited<ReturnType<typeof startTriageBackend>>;

  beforeAll(async () => {
    // Small pools: the two backends share one PostgreSQL server with other test runs.
    const database = {
      client: 'pg',
      connection: PG_URL,
      prefix,
      knexConfig: { pool: { min: 0, max: 3 } },
    };
    // One after the other: the first runs the migrations, as a rolling deployment would.
    a = await startTriageBackend('POSTGRES_15', {}, { database });
    b = await startTriageBackend('POSTGRES_15', {}, { database });
  }, 240_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await dropDatabases(prefix);
  }, 60_000);

  it('turns every accepted event into exactly one occurrence and notifies each incident once', async () => {
    const events = failures();
    const post = (server: typeof a.server, body: unknown) =>
      request(server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', SENDER)
        .send(body as object);
    // Every event goes to one instance; every third also to the other at the same moment, like
    // a sender retrying against a load balancer.
    const responses = await Promise.all(
      events.flatMap((event, i) => {
        const first = i % 2 === 0 ? a.server : b.server;
        const other = first === a.server ? b.server : a.server;
        const sends = [
          post(first, event).then(r => ({
            i,
            instance: first === a.server ? 'a' : 'b',
            r,
          })),
        ];
        if (i % 3 === 0)
          sends.push(
            post(other, event).then(r => ({
              i,
              instance: other === a.server ? 'a' : 'b',
              r,
            })),
          );
        return sends;
      }),
    );
    // 202: accepted, but its processing was left to the sweeper.
    for (const { r } of responses) expect([200, 202]).toContain(r.status);

    const results = responses.map(({ i, instance, r }) => ({
      i,
      instance,
      ...r.body.results[0],
    }));
    // Each event accepted exactly once across the two instances; its twin is a duplicate.
    for (let i = 0; i < events.length; i++) {
      const mine = results.filter(r => r.i === i);
      expect(mine.filter(r => r.status === 'accepted')).toHaveLength(1);
      expect(
        mine
          .filter(r => r.status !== 'accepted')
          .every(r => r.status === 'duplicate'),
      ).toBe(true);
    }
    const accepted = results.filter(r => r.status === 'accepted');
    expect(new Set(accepted.map(r => r.instance))).toEqual(new Set(['a', 'b']));

    const db = pgClient(`${prefix}pipeline-triage`, 2);
    try {
      const ids = accepted.map(r => r.eventId);
      // Each request processes what it accepted before answering; the test backend's scheduler
      // runs tasks only when triggered, so nothing here relies on the sweeper.
      for (let t = 0; t < 60; t++) {
        const open = await db('pt_events')
          .whereIn('id', ids)
          .whereNot('status', 'done')
          .select('id', 'status', 'last_error');
        if (open.length === 0) break;
        await new Promise(r => setTimeout(r, 500));
      }
      const occurrences = await db('pt_occurrences')
        .whereIn('event_id', ids)
        .select('event_id', 'incident_id');
      expect(occurrences).toHaveLength(events.length);
      const events_ = await db('pt_events')
        .whereIn('id', ids)
        .select('status', 'last_error', 'attempts');
      expect(events_.every(e => e.status === 'done')).toBe(true);

      const incidents = await db('pt_incidents').select('id', 'occurrences');
      // Three failure groups (one per pipeline and cause), each counting every event once.
      expect(incidents).toHaveLength(3);
      expect(incidents.reduce((n, i) => n + i.occurrences, 0)).toBe(
        events.length,
      );

      const sent = await db('pt_notifications')
        .where({ channel: 'backstage', status: 'sent' })
        .select('incident_id');
      expect(sent.map(s => s.incident_id).sort()).toEqual(
        incidents.map(i => i.id).sort(),
      );
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
