import { TestDatabases } from '@backstage/backend-test-utils';
import type {
  FailureEvent,
  TriageVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { KnexTriageStore } from './KnexTriageStore';
import { migrateStore } from './migrateStore';
import { databaseIds } from '../__testUtils__/databaseIds';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: databaseIds() });

describe.each(databases.eachSupportedId())(
  'a retried event on %s',
  databaseId => {
    it('is marked done when its occurrence was already stored, and counted once', async () => {
      const knex = await databases.init(databaseId);
      await migrateStore(knex);
      const store = new KnexTriageStore(knex);
      const event: FailureEvent = {
        source: 'generic',
        outcome: 'fail',
        job: { namespace: 'airflow', name: 'orders' },
        eventTime: '2026-11-20T10:00:00.000Z',
        runId: 'run-1',
        errorMessage: 'boom',
      };
      const [{ id }] = await store.acceptEvents([
        { key: 'k1', event, sender: 's', logTrimmed: false, quiet: false },
      ]);
      const verdict = {
        classification: {
          category: 'code_error',
          domain: 'code',
          confidence: 0.9,
          evidence: [],
          rules: [],
          hypotheses: [],
          source: 'rules',
        },
        partialWrite: { partialWrite: 'false', reason: '' },
        retry: { safeToRetry: false, reason: '' },
        recommendation: { action: '', diagnostics: [], prevention: '' },
        severity: 'high',
        signature: 'sig',
        summary: 'boom',
      } as unknown as TriageVerdict;
      const record = {
        eventId: id,
        event,
        jobKey: 'airflow/orders',
        environment: 'prod' as const,
        verdict,
        evidenceLines: [],
        causeChain: [],
        route: {
          recipient: 'group:default/platform',
          copy: [],
          rule: 'r',
          reason: 'r',
          notify: true,
        },
        linked: false,
        linkedEntities: [],
        entityIndex: [],
        week: '2026-W47',
      };
      const first = await store.claimEvents([id], 60_000).then(c => c[0]);
      expect(first?.attempts).toBe(1);
      expect(
        (await store.recordFailure(record, { reopenWindowHours: 24 })).recorded,
      ).toBe(true);
      // A step after the commit failed: the event goes back to the queue and is claimed again.
      await store.failEvent(id, 'notification store down', {
        maxAttempts: 5,
        retryDelayMs: 0,
      });
      expect((await store.getEvent(id))?.status).toBe('pending');
      const again = await store.claimEvents([id], 60_000).then(c => c[0]);
      expect(again?.attempts).toBe(2);
      const second = await store.recordFailure(record, {
        reopenWindowHours: 24,
      });
      expect(second.recorded).toBe(false);
      expect(await store.getEvent(id)).toMatchObject({
        status: 'done',
        incidentId: second.incidentId,
      });
      const [{ n }] = await knex('pt_occurrences').count({ n: '*' });
      expect(Number(n)).toBe(1);
      expect(
        (
          await store.trends({
            filter: {},
            weeks: ['2026-W47'],
            groupBy: 'category',
          })
        ).counts,
      ).toEqual([{ week: '2026-W47', key: 'code_error', count: 1 }]);
    });
  },
);
