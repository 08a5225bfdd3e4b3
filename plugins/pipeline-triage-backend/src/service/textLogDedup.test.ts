import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createTriageEngine } from '../engine';
import type { Linker } from '../linking';
import { IncidentNotifier } from '../notify/IncidentNotifier';
import { EventProcessor } from '../processing/EventProcessor';
import { RoutePolicy } from '../routing';
import { KnexTriageStore, migrateStore } from '../store';
import { databaseIds } from '../__testUtils__/databaseIds';
import { builtInAdapters } from '../ingest';
import { IngestService } from '../ingest/accept';

jest.setTimeout(60_000);

/**
 * The dedup window of plain-text logs without a run id, at its edges. The clock is set, not
 * waited for: only Date is faked, timers and I/O run as usual.
 */
const databases = TestDatabases.create({ ids: databaseIds() });
const WINDOW_MS = 600_000;
const LOG = 'INFO start\nERROR java.lang.OutOfMemoryError: Java heap space\n';
const unlinked: Linker = {
  link: async () => ({
    linked: false,
    inputs: [],
    outputs: [],
    downstream: [],
    unknownDatasets: [],
  }),
};

describe.each(databases.eachSupportedId())(
  'plain-text log dedup window on %s',
  databaseId => {
    afterEach(() => jest.useRealTimers());

    async function setup() {
      const knex = await databases.init(databaseId);
      await migrateStore(knex);
      const store = new KnexTriageStore(knex);
      const logger = mockServices.logger.mock();
      const processor = new EventProcessor(
        {
          linker: unlinked,
          engine: createTriageEngine(),
          routes: RoutePolicy.fromConfig(new ConfigReader({})),
          store,
          notifier: new IncidentNotifier({
            store,
            logger,
            notifications: { send: async () => {} },
          }),
          reopenWindowHours: 72,
          weekZone: 'utc',
        },
        store,
        logger,
        { maxAttempts: 3, retryDelayMs: 0, leaseMs: 60_000, autoResolve: true },
      );
      const ingest = new IngestService(
        store,
        processor,
        builtInAdapters,
        0,
        WINDOW_MS,
      );
      return (log: string, query: Record<string, string> = {}) =>
        ingest.ingest(
          log,
          {
            contentType: 'text/plain',
            query: { job: 'spark-prod/nightly', ...query },
          },
          'sender',
        );
    }

    const at = (ms: number) =>
      jest.useFakeTimers({
        now: ms,
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'requestAnimationFrame',
          'cancelAnimationFrame',
          'requestIdleCallback',
          'cancelIdleCallback',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
      });

    it('counts a copy across a window boundary once, and again once a whole window has passed', async () => {
      const post = await setup();
      // Two seconds before a window ends, then two seconds after: one delivery.
      const boundary =
        Math.ceil(Date.parse('2026-12-01T00:00:00Z') / WINDOW_MS) * WINDOW_MS;
      at(boundary - 2000);
      const [first] = await post(LOG);
      at(boundary + 2000);
      const [second] = await post(LOG);
      expect([first.status, second.status]).toEqual(['accepted', 'duplicate']);
      expect((second as { eventId: string }).eventId).toBe(
        (first as { eventId: string }).eventId,
      );

      // A window after the first copy it is a new occurrence, as is another text or a run id.
      at(boundary - 2000 + WINDOW_MS + 1000);
      const [later] = await post(LOG);
      const [other] = await post(
        LOG.replace('heap space', 'GC overhead limit exceeded'),
      );
      const [run] = await post(LOG, { runId: 'r1' });
      expect([later.status, other.status, run.status]).toEqual([
        'accepted',
        'accepted',
        'accepted',
      ]);
    });
  },
);
