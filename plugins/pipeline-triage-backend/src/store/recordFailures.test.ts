import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { KnexTriageStore } from './KnexTriageStore';
import { migrateStore } from './migrateStore';
import type { FailureRecord } from './types';
import { databaseIds } from '../__testUtils__/databaseIds';
import { seededRandom } from '../bench/eventMix';
import { failureRecord } from './__testUtils__/failureRecord';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: databaseIds() });

const JOBS = ['orders', 'billing', 'ledger'];
const CATEGORIES = ['resource_exhaustion', 'code_error'] as const;
const OWNERS = [undefined, 'group:default/growth', 'group:default/finance'];
const TABLES = ['resource:default/orders', 'resource:default/ledger'];
const START = Date.parse('2026-11-02T00:00:00.000Z');

type Step =
  | { kind: 'failures'; records: FailureRecord[] }
  | { kind: 'success'; job: string; at: string };

function failure(n: number, random: () => number): FailureRecord {
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(random() * list.length)];
  return failureRecord({
    n,
    job: pick(JOBS),
    category: pick(CATEGORIES),
    owner: pick(OWNERS),
    table: pick(TABLES),
    eventTime: new Date(START + n * 3_600_000).toISOString(),
    // Three weeks, so a moved shape re-files several.
    week: `2026-W${45 + Math.floor(n / 56)}`,
  });
}

/** Batches of failures of a few jobs with successes between them, from a seed. */
function plan(seed: number): Step[] {
  const random = seededRandom(seed);
  const steps: Step[] = [];
  let n = 0;
  while (n < 150) {
    const size = 1 + Math.floor(random() * 25);
    const records: FailureRecord[] = [];
    for (let i = 0; i < size; i++) records.push(failure(n++, random));
    steps.push({ kind: 'failures', records });
    if (random() < 0.6) {
      steps.push({
        kind: 'success',
        job: JOBS[Math.floor(random() * JOBS.length)],
        at: new Date(START + n * 3_600_000 - 1_000).toISOString(),
      });
    }
  }
  return steps;
}

async function run(knex: Knex, steps: Step[], batched: boolean) {
  await migrateStore(knex);
  const store = new KnexTriageStore(knex);
  const kinds: string[] = [];
  for (const [s, step] of steps.entries()) {
    if (step.kind === 'success') {
      const event: FailureEvent = {
        source: 'generic',
        outcome: 'success',
        job: { namespace: 'airflow', name: step.job },
        eventTime: step.at,
        runId: `ok-${s}`,
      };
      const [accepted] = await store.acceptEvents([
        { key: `ok-${s}`, event, sender: 's', logTrimmed: false, quiet: false },
      ]);
      await store.recordSuccess(accepted.id, event, `airflow/${step.job}`, {
        autoResolve: true,
      });
      continue;
    }
    const accepted = await store.acceptEvents(
      step.records.map(r => ({
        key: r.eventId,
        event: r.event,
        sender: 's',
        logTrimmed: false,
        quiet: false,
      })),
    );
    const records = step.records.map((r, i) => ({
      ...r,
      eventId: accepted[i].id,
    }));
    if (batched) {
      kinds.push(
        ...(await store.recordFailures(records, { reopenWindowHours: 24 })).map(
          o => o.kind,
        ),
      );
    } else {
      for (const r of records)
        kinds.push(
          (await store.recordFailure(r, { reopenWindowHours: 24 })).kind,
        );
    }
  }
  return { state: await state(knex), kinds };
}

/** Everything the batch must agree on, without generated ids. */
async function state(knex: Knex) {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  const incidents = (await knex('pt_incidents').select('*')).map(r => ({
    key: `${r.job_key}|${r.signature}|${iso(r.first_seen)}`,
    status: r.status,
    occurrences: r.occurrences,
    consecutive: r.consecutive_failures,
    category: r.category,
    owner: r.owner_ref,
    routedTo: r.routed_to,
    lastSeen: iso(r.last_seen),
    lastSuccess: iso(r.last_success),
  }));
  const keyOf = new Map(
    (
      await knex('pt_incidents').select(
        'id',
        'job_key',
        'signature',
        'first_seen',
      )
    ).map(r => [r.id, `${r.job_key}|${r.signature}|${iso(r.first_seen)}`]),
  );
  const history = (
    await knex('pt_status_history').select('incident_id', 'action')
  ).map(h => `${keyOf.get(h.incident_id)} ${h.action}`);
  const entities = (await knex('pt_incident_entities').select('*')).map(
    e => `${keyOf.get(e.incident_id)} ${e.entity_ref} ${e.role}`,
  );
  const occurrences = (
    await knex('pt_occurrences')
      .join('pt_events', 'pt_events.id', 'pt_occurrences.event_id')
      .select(
        'pt_events.event_key',
        'pt_occurrences.incident_id',
        'pt_occurrences.week',
      )
  ).map(o => `${o.event_key} ${keyOf.get(o.incident_id)} ${o.week}`);
  const events = (
    await knex('pt_events').select('event_key', 'status', 'incident_id')
  ).map(
    e =>
      `${e.event_key} ${e.status} ${
        e.incident_id ? keyOf.get(e.incident_id) : '-'
      }`,
  );
  const trends = (
    await knex('pt_trend_counts')
      .where('count', '!=', 0)
      .select('scope', 'week', 'category', 'domain', 'team', 'count')
  ).map(
    t => `${t.scope} ${t.week} ${t.category} ${t.domain} ${t.team} ${t.count}`,
  );
  const recency = (await knex('pt_incident_recency').select('*')).map(
    r => `${r.scope} ${keyOf.get(r.incident_id)} ${iso(r.last_seen)}`,
  );
  const jobs = (await knex('pt_job_state').select('*')).map(
    j => `${j.job_key} ${iso(j.last_failure)} ${iso(j.last_success)}`,
  );
  const sort = <T>(a: T[]) =>
    [...a].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  return {
    incidents: sort(incidents),
    history: sort(history),
    entities: sort(entities),
    occurrences: sort(occurrences),
    events: sort(events),
    trends: sort(trends),
    jobs: sort(jobs),
    recency: sort(recency),
  };
}

describe.each(databases.eachSupportedId())(
  'recording failures in batches on %s',
  databaseId => {
    it.each([1, 2, 3])(
      'ends in exactly the state one-at-a-time recording does (seed %s)',
      async seed => {
        const steps = plan(seed);
        const oneByOne = await run(
          await databases.init(databaseId),
          steps,
          false,
        );
        const batched = await run(
          await databases.init(databaseId),
          steps,
          true,
        );

        expect(batched.state).toEqual(oneByOne.state);
        expect(batched.kinds).toEqual(oneByOne.kinds);
        // The plan exercised every path: new, grouped, and reopened incidents.
        expect(new Set(batched.kinds)).toEqual(
          new Set(['new', 'repeat', 'reopened']),
        );
        expect(oneByOne.state.trends.length).toBeGreaterThan(10);
        // And that state is the right one: every failure counted once, streaks as long as the runs.
        const failures = steps.flatMap(st =>
          st.kind === 'failures' ? st.records : [],
        );
        const { incidents, occurrences, trends, history } = batched.state;
        expect(incidents.reduce((n, i) => n + i.occurrences, 0)).toBe(
          failures.length,
        );
        for (const i of incidents)
          expect(
            occurrences.filter(o => o.split(' ')[1] === i.key),
          ).toHaveLength(i.occurrences);
        expect(
          trends
            .filter(t => t.startsWith('org '))
            .reduce((n, t) => n + Number(t.split(' ').pop()), 0),
        ).toBe(failures.length);
        for (const i of incidents.filter(
          x =>
            !x.lastSuccess &&
            history.filter(h => h.startsWith(x.key)).length === 1,
        )) {
          expect(i.consecutive).toBe(i.occurrences);
        }
        // Every page an incident is listed on carries its current last_seen.
        const pages = batched.state.entities
          .map(e => e.split(' '))
          .filter(([, , role]) => role !== 'routed')
          .map(
            ([key, ref, role]) =>
              `${role === 'owner' ? 'owner' : 'entity'}:${ref} ${key} ${
                incidents.find(i => i.key === key)!.lastSeen
              }`,
          );
        expect(batched.state.recency).toEqual(
          [...new Set(pages)].sort((x, y) =>
            JSON.stringify(x).localeCompare(JSON.stringify(y)),
          ),
        );
      },
    );

    it('finishes an already recorded event without a second occurrence', async () => {
      const knex = await databases.init(databaseId);
      await migrateStore(knex);
      const store = new KnexTriageStore(knex);
      const random = seededRandom(7);
      const records = [failure(0, random), failure(1, random)];
      const accepted = await store.acceptEvents(
        records.map(r => ({
          key: r.eventId,
          event: r.event,
          sender: 's',
          logTrimmed: false,
          quiet: false,
        })),
      );
      const withIds = records.map((r, i) => ({
        ...r,
        eventId: accepted[i].id,
      }));
      const first = await store.recordFailures([withIds[0]], {
        reopenWindowHours: 24,
      });
      const again = await store.recordFailures(withIds, {
        reopenWindowHours: 24,
      });
      expect(again[0]).toEqual({
        ...first[0],
        kind: 'repeat',
        recorded: false,
      });
      expect(again[1].recorded).toBe(true);
      expect(
        Number((await knex('pt_occurrences').count({ n: '*' }))[0].n),
      ).toBe(2);
      expect((await knex('pt_events').whereNot('status', 'done')).length).toBe(
        0,
      );
    });

    it('pages through an entity and a team newest first, as the incidents order them', async () => {
      const knex = await databases.init(databaseId);
      await run(knex, plan(4), true);
      const store = new KnexTriageStore(knex);
      const newestFirst = async (sub: Knex.QueryBuilder) =>
        (
          await knex('pt_incidents')
            .whereIn('id', sub)
            .orderBy([
              { column: 'last_seen', order: 'desc' },
              { column: 'id', order: 'desc' },
            ])
            .select('id')
        ).map(r => r.id);
      const pageThrough = async (filter: {
        entityRef?: string;
        owner?: string;
        status?: Array<'open' | 'resolved'>;
      }) => {
        const ids: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listIncidents(filter, { limit: 2, cursor });
          ids.push(...page.items.map(i => i.id));
          cursor = page.nextCursor;
        } while (cursor);
        return ids;
      };
      const orders = await pageThrough({
        entityRef: 'Resource:default/orders',
      });
      expect(orders.length).toBeGreaterThan(3);
      expect(orders).toEqual(
        await newestFirst(
          knex('pt_incident_entities')
            .where({ entity_ref: 'resource:default/orders', role: 'output' })
            .select('incident_id'),
        ),
      );
      const growth = await pageThrough({ owner: 'group:default/growth' });
      expect(growth.length).toBeGreaterThan(3);
      expect(growth).toEqual(
        await newestFirst(
          knex('pt_incident_entities')
            .where({ entity_ref: 'group:default/growth', role: 'owner' })
            .select('incident_id'),
        ),
      );
      // Other filters still apply on top of the page's own rows.
      const openOrders = await pageThrough({
        entityRef: 'resource:default/orders',
        status: ['open'],
      });
      expect(openOrders).toEqual(
        await newestFirst(
          knex('pt_incident_entities')
            .join(
              'pt_incidents',
              'pt_incidents.id',
              'pt_incident_entities.incident_id',
            )
            .where({
              entity_ref: 'resource:default/orders',
              role: 'output',
              status: 'open',
            })
            .select('incident_id'),
        ),
      );
    });
  },
);
