import { TestDatabases } from '@backstage/backend-test-utils';
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { KnexTriageStore } from './KnexTriageStore';
import { migrateStore } from './migrateStore';
import { databaseIds } from '../__testUtils__/databaseIds';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: databaseIds() });

const event = (n: number): FailureEvent => ({
  source: 'generic',
  outcome: 'fail',
  job: { namespace: 'airflow', name: `job_${n % 7}` },
  eventTime: '2026-11-20T10:00:00.000Z',
  runId: `run-${n}`,
  errorMessage: 'boom',
});

describe.each(databases.eachSupportedId())(
  'acceptEvents in batches on %s',
  databaseId => {
    it('stores a large batch in order, once per key, repeats inside and across batches as duplicates', async () => {
      const knex = await databases.init(databaseId);
      await migrateStore(knex);
      const store = new KnexTriageStore(knex);
      const first = await store.acceptEvents(
        Array.from({ length: 450 }, (_, n) => ({
          key: `k${n}`,
          event: event(n),
          sender: 's',
          logTrimmed: false,
          quiet: false,
        })),
      );
      expect(first.map(a => a.key)).toEqual(
        Array.from({ length: 450 }, (_, n) => `k${n}`),
      );
      expect(first.every(a => !a.duplicate)).toBe(true);
      expect(new Set(first.map(a => a.id)).size).toBe(450);

      const keys = ['k3', 'new-1', 'new-1', 'k449', 'new-2'];
      const second = await store.acceptEvents(
        keys.map((key, n) => ({
          key,
          event: event(1000 + n),
          sender: 's',
          logTrimmed: false,
          quiet: false,
        })),
      );
      expect(second.map(a => [a.key, a.duplicate])).toEqual([
        ['k3', true],
        ['new-1', false],
        ['new-1', true],
        ['k449', true],
        ['new-2', false],
      ]);
      expect(second[0].id).toBe(first[3].id);
      expect(second[2].id).toBe(second[1].id);
      expect(second[3].id).toBe(first[449].id);
      const [{ n }] = await knex('pt_events').count({ n: '*' });
      expect(Number(n)).toBe(452);
    });
  },
);
