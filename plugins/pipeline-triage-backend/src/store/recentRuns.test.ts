import { TestDatabases } from '@backstage/backend-test-utils';
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { KnexTriageStore } from './KnexTriageStore';
import { migrateStore } from './migrateStore';
import { databaseIds } from '../__testUtils__/databaseIds';
import { failureRecord } from './__testUtils__/failureRecord';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: databaseIds() });
const hour = (h: number) =>
  new Date(
    Date.parse('2026-11-20T00:00:00.000Z') + h * 3_600_000,
  ).toISOString();

describe.each(databases.eachSupportedId())('recentRuns on %s', databaseId => {
  it('reads every job of a batch at once: its latest failures with their signature and its successes, bounded', async () => {
    const knex = await databases.init(databaseId);
    await migrateStore(knex);
    const store = new KnexTriageStore(knex);
    let n = 0;
    const fail = async (
      job: string,
      h: number,
      category: 'code_error' | 'resource_exhaustion' = 'code_error',
    ) => {
      const r = failureRecord({
        n: n++,
        job,
        category,
        week: '2026-W47',
        eventTime: hour(h),
      });
      const [accepted] = await store.acceptEvents([
        {
          key: r.eventId,
          event: r.event,
          sender: 's',
          logTrimmed: false,
          quiet: false,
        },
      ]);
      await store.recordFailure(
        { ...r, eventId: accepted.id },
        { reopenWindowHours: 24 },
      );
    };
    const ok = async (job: string, h: number) => {
      const event: FailureEvent = {
        source: 'generic',
        outcome: 'success',
        job: { namespace: 'airflow', name: job },
        eventTime: hour(h),
        runId: `ok-${n++}`,
      };
      const [accepted] = await store.acceptEvents([
        { key: `ok-${n}`, event, sender: 's', logTrimmed: false, quiet: false },
      ]);
      await store.recordSuccess(accepted.id, event, `airflow/${job}`, {
        autoResolve: true,
      });
    };
    await fail('orders', 1);
    await ok('orders', 2);
    await fail('orders', 3, 'resource_exhaustion');
    for (let h = 10; h < 14; h++) await fail('ledger', h);
    // A busy job in the same read takes nothing from the others' share.
    for (let h = 20; h < 30; h++) await fail('busy', h);
    await fail('other', 5);

    const runs = await store.recentRuns(
      ['busy', 'orders', 'ledger', 'nothing'].map(j => `airflow/${j}`),
      { since: hour(0), perJob: 3 },
    );
    const shape = (job: string) =>
      runs
        .get(`airflow/${job}`)!
        .map(r => `${r.at.slice(11, 13)} ${r.signature ?? 'success'}`)
        .sort();
    expect(shape('orders')).toEqual([
      '01 sig-code_error',
      '02 success',
      '03 sig-resource_exhaustion',
    ]);
    // The latest three of four.
    expect(shape('ledger')).toEqual([
      '11 sig-code_error',
      '12 sig-code_error',
      '13 sig-code_error',
    ]);
    expect(shape('nothing')).toEqual([]);
    expect(runs.has('airflow/other')).toBe(false);
    expect(shape('busy')).toHaveLength(3);
    // Nothing before the window.
    const later = await store.recentRuns(['airflow/orders'], {
      since: hour(2),
      perJob: 3,
    });
    expect(
      later.get('airflow/orders')!.map(r => r.signature ?? 'success'),
    ).toEqual(['sig-resource_exhaustion', 'success']);
  });
});
