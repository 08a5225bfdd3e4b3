import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { KnexTriageStore } from './KnexTriageStore';
import { migrateStore } from './migrateStore';
import type { FailureRecord, TrendsQuery } from './types';
import { databaseIds } from '../__testUtils__/databaseIds';
import {
  failureRecord,
  overrideTo,
  type TestCategory,
} from './__testUtils__/failureRecord';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const {
  fillTrendCounts,
} = require('../../migrations/2026112201_perf_trend_rollup.js');

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: databaseIds() });

const WEEKS = ['2026-W45', '2026-W46', '2026-W47'];

function record(
  n: number,
  job: string,
  category: TestCategory,
  week: string,
  owner?: string,
): FailureRecord {
  return failureRecord({ n, job, category, week, owner });
}

/** The same question answered from the raw rows: a visibility filter bypasses the rollup. */
async function raw(knex: Knex, store: KnexTriageStore, query: TrendsQuery) {
  const refs = (await knex('pt_incident_entities').distinct('entity_ref')).map(
    r => r.entity_ref,
  );
  return store.trends({
    ...query,
    filter: { ...query.filter, visibleEntityRefs: refs },
  });
}

const sorted = (r: {
  counts: Array<{ week: string; key: string; count: number }>;
}) =>
  [...r.counts].sort((a, b) =>
    `${a.week}${a.key}`.localeCompare(`${b.week}${b.key}`),
  );

describe.each(databases.eachSupportedId())(
  'weekly trend rollup on %s',
  databaseId => {
    it('answers trends from the rollup exactly as the raw occurrences do, overrides included', async () => {
      const knex = await databases.init(databaseId);
      await migrateStore(knex);
      const store = new KnexTriageStore(knex);
      const plan: Array<
        [
          string,
          'resource_exhaustion' | 'code_error',
          string,
          string | undefined,
        ]
      > = [
        ['orders', 'resource_exhaustion', 'W45', 'group:default/growth'],
        ['orders', 'resource_exhaustion', 'W46', 'group:default/growth'],
        ['orders', 'code_error', 'W46', 'group:default/growth'],
        ['billing', 'code_error', 'W47', undefined],
        ['billing', 'code_error', 'W47', 'group:default/finance'],
        ['ledger', 'resource_exhaustion', 'W47', 'group:default/finance'],
      ];
      let n = 0;
      for (const [job, category, week, owner] of plan) {
        n++;
        await store.acceptEvents([
          {
            key: `k${n}`,
            event: record(n, job, category, `2026-${week}`).event,
            sender: 's',
            logTrimmed: false,
            quiet: false,
          },
        ]);
        const [{ id }] = await knex('pt_events')
          .where('event_key', `k${n}`)
          .select('id');
        await store.recordFailure(
          { ...record(n, job, category, `2026-${week}`, owner), eventId: id },
          { reopenWindowHours: 24 },
        );
      }
      // An override moves every week of the incident to its new category and route.
      const [orders] = await knex('pt_incidents')
        .where({ job_key: 'airflow/orders', category: 'resource_exhaustion' })
        .select('id');
      await store.changeVerdict(
        orders.id,
        overrideTo('code_error', 'user:default/me', 'a bug', {
          recipient: 'group:default/dev',
          copy: [],
          rule: 'code',
          reason: 'code',
          notify: true,
        }),
      );

      const filters: TrendsQuery['filter'][] = [
        {},
        { entityRef: 'component:default/orders' },
        { entityRef: 'resource:default/orders' },
        { owner: 'group:default/finance' },
        { routedTo: 'group:default/dev' },
        { routedTo: 'group:default/platform' },
      ];
      const compare = async () => {
        for (const filter of filters) {
          for (const groupBy of ['category', 'domain', 'team'] as const) {
            const query = { filter, weeks: WEEKS, groupBy };
            const fromRollup = await store.trends(query);
            const fromRows = await raw(knex, store, query);
            expect({ filter, groupBy, counts: sorted(fromRollup) }).toEqual({
              filter,
              groupBy,
              counts: sorted(fromRows),
            });
            expect(fromRollup.keys).toEqual(fromRows.keys);
          }
        }
      };
      await compare();
      // The migration's backfill of an existing history gives the same counts.
      await knex('pt_trend_counts').delete();
      await fillTrendCounts(knex);
      await compare();
      const org = await store.trends({
        filter: {},
        weeks: WEEKS,
        groupBy: 'category',
      });
      expect(sorted(org)).toEqual([
        { week: '2026-W45', key: 'code_error', count: 1 },
        { week: '2026-W46', key: 'code_error', count: 2 },
        { week: '2026-W47', key: 'code_error', count: 2 },
        { week: '2026-W47', key: 'resource_exhaustion', count: 1 },
      ]);
    });
  },
);
