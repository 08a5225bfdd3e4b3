import { DateTime } from 'luxon';
import type { Knex } from 'knex';
import {
  CATEGORY_INFO,
  type Category,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { KnexTriageStore, migrateStore } from '../store';
import { seededRandom } from './eventMix';
import { emit, msSince, quantile } from './report';

// The migration's own backfill: a bulk load bypasses the write path that keeps the rollup.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const {
  fillTrendCounts,
} = require('../../migrations/2026112201_perf_trend_rollup.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const {
  fillIncidentRecency,
} = require('../../migrations/20261122040000_incident_recency.js');

export interface ReadBenchOptions {
  db: 'sqlite' | 'postgres';
  knex: Knex;
  incidents: number;
  entities: number;
  teams: number;
  weeks: number;
  runs: number;
}

const CATEGORIES = Object.keys(CATEGORY_INFO) as Category[];

/** The ISO week labels of the last `n` weeks, as the trends endpoint asks for them. */
export function weekLabels(n: number): string[] {
  const now = DateTime.now().setZone('utc').startOf('week');
  return Array.from({ length: n }, (_, i) =>
    now.minus({ weeks: n - 1 - i }).toFormat("kkkk-'W'WW"),
  );
}

const entityRef = (e: number) => `component:default/bench-pipeline-${e}`;
const teamRef = (t: number) => `group:default/bench-team-${t}`;

/**
 * Writes a year of history straight into the store's tables (bulk inserts, one transaction per
 * chunk): incidents spread over entities, teams and weeks, one occurrence each, indexed by job
 * and owner. Returns the rows per second the load achieved.
 */
async function load(o: ReadBenchOptions): Promise<number> {
  const random = seededRandom(7);
  const weeks = weekLabels(o.weeks);
  const mondays = weeks.map((_, i) =>
    DateTime.now()
      .setZone('utc')
      .startOf('week')
      .minus({ weeks: o.weeks - 1 - i }),
  );
  const chunk = 500;
  const started = process.hrtime.bigint();
  let rows = 0;
  for (let from = 0; from < o.incidents; from += chunk) {
    const incidents: any[] = [];
    const entities: any[] = [];
    const occurrences: any[] = [];
    for (let n = from; n < Math.min(o.incidents, from + chunk); n++) {
      const e = Math.floor(random() * o.entities);
      const team = e % o.teams;
      const w = Math.floor(random() * o.weeks);
      const at = mondays[w]
        .plus({ minutes: Math.floor(random() * 7 * 24 * 60) })
        .toISO()!;
      const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)];
      const id = `inc-${String(n).padStart(12, '0')}`;
      const open = random() < 0.05;
      incidents.push({
        id,
        job_key: `bench/pipeline-${e}`,
        signature: `sig${n}`,
        open_key: open ? `bench/pipeline-${e}|sig${n}` : null,
        status: open ? 'open' : 'resolved',
        category,
        domain: CATEGORY_INFO[category].domain,
        confidence: 0.8,
        safe_to_retry: random() < 0.4,
        partial_write: 'false',
        severity: 'normal',
        environment: 'prod',
        title: `Bench failure ${n}: ${CATEGORY_INFO[category].label} in pipeline ${e}`,
        job_name: `pipeline-${e}`,
        job_namespace: 'bench',
        job_entity_ref: entityRef(e),
        owner_ref: teamRef(team),
        routed_to: teamRef(team),
        route_rule: 'owner',
        linked: true,
        category_overridden: false,
        occurrences: 1,
        consecutive_failures: 1,
        first_seen: at,
        last_seen: at,
        resolved_at: open ? null : at,
        detail: JSON.stringify({
          verdict: {
            summary: `Bench failure ${n}`,
            classification: { category },
          },
          evidenceLines: [],
          causeChain: [],
          route: {},
          linkedEntities: [],
          links: [],
        }),
        latest_event_id: `evt-${n}`,
        updated_at: at,
      });
      entities.push(
        { incident_id: id, entity_ref: entityRef(e), role: 'job' },
        { incident_id: id, entity_ref: teamRef(team), role: 'owner' },
        { incident_id: id, entity_ref: teamRef(team), role: 'routed' },
      );
      occurrences.push({
        event_id: `evt-${n}`,
        incident_id: id,
        event_time: at,
        week: weeks[w],
      });
    }
    await o.knex.transaction(async tx => {
      // SQLite caps a compound insert at 500 rows; 100 per statement suits both databases.
      await tx.batchInsert('pt_incidents', incidents, 100);
      await tx.batchInsert('pt_incident_entities', entities, 100);
      await tx.batchInsert('pt_occurrences', occurrences, 100);
    });
    rows += incidents.length + entities.length + occurrences.length;
  }
  const seconds = msSince(started) / 1000;
  const fill = process.hrtime.bigint();
  await o.knex('pt_trend_counts').delete();
  await fillTrendCounts(o.knex);
  emit('read', o.db, 'rollup_backfill', msSince(fill), 'ms');
  const recency = process.hrtime.bigint();
  await o.knex('pt_incident_recency').delete();
  await fillIncidentRecency(o.knex);
  emit('read', o.db, 'recency_backfill', msSince(recency), 'ms');
  if (o.db === 'postgres') await o.knex.raw('vacuum analyze');
  else await o.knex.raw('analyze');
  return rows / seconds;
}

/**
 * The read path over a large history: trends for one entity, one team and the organisation,
 * and the first incidents page for an entity and a team, p50 and p95 over `runs` queries each.
 */
export async function readBench(o: ReadBenchOptions): Promise<void> {
  await migrateStore(o.knex);
  const store = new KnexTriageStore(o.knex);
  const rate = await load(o);
  emit('read', o.db, 'incidents_loaded', o.incidents, 'incidents');
  emit('read', o.db, 'bulk_load_rate', rate, 'rows/s');
  // Warm-up (a live store's pages are cached too); the rollup builds, if it is lazy.
  const weeks = weekLabels(o.weeks);
  await store.trends({ filter: {}, weeks, groupBy: 'category' });

  const time = async (metric: string, run: (i: number) => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < o.runs; i++) {
      const t = process.hrtime.bigint();
      await run(i);
      times.push(msSince(t));
    }
    emit('read', o.db, `${metric}_p50`, quantile(times, 0.5), 'ms');
    emit('read', o.db, `${metric}_p95`, quantile(times, 0.95), 'ms');
  };
  const ent = (i: number) => entityRef((i * 37) % o.entities);
  const team = (i: number) => teamRef((i * 7) % o.teams);
  await time('trends_entity', i =>
    store.trends({ filter: { entityRef: ent(i) }, weeks, groupBy: 'category' }),
  );
  await time('trends_team', i =>
    store.trends({ filter: { owner: team(i) }, weeks, groupBy: 'category' }),
  );
  await time('trends_org', () =>
    store.trends({ filter: {}, weeks, groupBy: 'team' }),
  );
  await time('page_entity', i =>
    store.listIncidents({ entityRef: ent(i) }, { limit: 25 }),
  );
  await time('page_team', i =>
    store.listIncidents({ owner: team(i) }, { limit: 25 }),
  );
}
