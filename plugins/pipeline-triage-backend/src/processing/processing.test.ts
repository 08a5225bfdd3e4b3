import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import type { FailureEventInput } from '@pipeline-triage/plugin-pipeline-triage-common';
import { ConfigReader } from '@backstage/config';
import type { Knex } from 'knex';
import { createTriageEngine } from '../engine';
import {
  CatalogUnavailableError,
  type LinkResult,
  type Linker,
} from '../linking';
import { IncidentNotifier } from '../notify/IncidentNotifier';
import { RoutePolicy } from '../routing';
import {
  EVENTS_TOPIC,
  IngestService,
  subscribeToEvents,
} from '../ingest/accept';
import { KnexTriageStore, migrateStore } from '../store';
import { databaseIds } from '../__testUtils__/databaseIds';
import { builtInAdapters } from '../ingest';
import { EventProcessor } from './EventProcessor';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: databaseIds() });
const logger = mockServices.logger.mock();

const LINKED: LinkResult = {
  linked: true,
  job: {
    entityRef: 'component:default/orders-daily-load',
    ownerRef: 'group:default/data-platform',
    idempotent: false,
    matchedBy: 'test',
  },
  inputs: [],
  outputs: [],
  downstream: [],
  unknownDatasets: [],
};

/** A catalog that is down for the first `failures` lookups, as during a restart. */
class FlakyLinker implements Linker {
  calls = 0;
  constructor(private failures: number) {}
  async link() {
    this.calls++;
    if (this.calls <= this.failures)
      throw new Error('catalog unavailable: ECONNREFUSED');
    return LINKED;
  }
}

const failure: FailureEventInput = {
  source: 'generic',
  job: { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
  runId: 'run-42',
  eventTime: '2026-11-20T06:00:00.000Z',
  errorMessage: 'java.lang.OutOfMemoryError: Java heap space',
};

describe.each(databases.eachSupportedId())(
  'event processing on %s',
  databaseId => {
    async function setup(
      linker: Linker,
      options: { store?: (knex: Knex) => KnexTriageStore } = {},
    ) {
      const knex = await databases.init(databaseId);
      await migrateStore(knex);
      const store = options.store?.(knex) ?? new KnexTriageStore(knex);
      const notifications = { send: jest.fn(async () => {}) };
      const processor = new EventProcessor(
        {
          linker,
          engine: createTriageEngine(),
          routes: RoutePolicy.fromConfig(new ConfigReader({})),
          store,
          notifier: new IncidentNotifier({ store, logger, notifications }),
          reopenWindowHours: 72,
          weekZone: 'utc',
        },
        store,
        logger,
        { maxAttempts: 3, retryDelayMs: 0, leaseMs: 60_000, autoResolve: true },
      );
      return {
        knex,
        store,
        processor,
        notifications,
        ingest: new IngestService(store, processor, builtInAdapters),
      };
    }

    it('keeps an event whose processing failed and lets the sweeper finish it', async () => {
      const { store, processor, ingest } = await setup(new FlakyLinker(1));
      const [result] = await ingest.ingest(failure, {}, 'external:test');
      expect(result).toMatchObject({
        status: 'accepted',
        processing: 'pending',
      });
      const eventId = (result as { eventId: string }).eventId;
      expect(await store.getEvent(eventId)).toMatchObject({
        status: 'pending',
        lastError: expect.stringMatching(/catalog unavailable/),
      });

      expect(await processor.sweep()).toBe(1);
      const done = await store.getEvent(eventId);
      expect(done).toMatchObject({
        status: 'done',
        incidentId: expect.any(String),
      });
      const incident = await store.getIncident(done!.incidentId!);
      expect(incident).toMatchObject({
        category: 'resource_exhaustion',
        occurrences: 1,
        jobEntityRef: 'component:default/orders-daily-load',
      });
    });

    it('moves an event that keeps failing to the dead letters with the reason', async () => {
      const { store, processor, ingest } = await setup(new FlakyLinker(100));
      const [result] = await ingest.ingest(failure, {}, 'external:test');
      await processor.sweep();
      await processor.sweep();
      expect(await store.listDeadLetters(10)).toEqual([
        expect.objectContaining({
          eventId: (result as { eventId: string }).eventId,
          attempts: 3,
          reason: expect.stringMatching(/catalog unavailable/),
        }),
      ]);
    });

    it('never dead-letters an event for a catalog outage, however long it lasts', async () => {
      // The catalog answers the readiness check, then fails while the claimed event is linked.
      const linker: Linker = {
        ready: async () => undefined,
        link: async () => {
          throw new CatalogUnavailableError(
            new Error('Request failed with 503 Service Unavailable'),
          );
        },
      };
      const { store, processor, ingest, knex } = await setup(linker);
      const [result] = await ingest.ingest(failure, {}, 'external:test');
      const eventId = (result as { eventId: string }).eventId;
      for (let i = 0; i < 6; i++) {
        await knex('pt_events')
          .where('id', eventId)
          .update({ next_attempt_at: new Date(0).toISOString() });
        await processor.sweep();
      }
      expect(await store.getEvent(eventId)).toMatchObject({
        status: 'pending',
        lastError: expect.stringMatching(/catalog unavailable: .*503/),
      });
      expect(await store.listDeadLetters(10)).toEqual([]);
    });

    it('leaves accepted events unclaimed while the catalog is down, so the outage costs no attempt', async () => {
      let down = true;
      const linker: Linker = {
        ready: async () => {
          if (down)
            throw new CatalogUnavailableError(
              new Error('connect ECONNREFUSED'),
            );
        },
        link: async () => LINKED,
      };
      const { store, processor, ingest, knex } = await setup(linker);
      const [result] = await ingest.ingest(failure, {}, 'external:test');
      expect(result).toMatchObject({
        status: 'accepted',
        processing: 'pending',
      });
      const eventId = (result as { eventId: string }).eventId;
      expect(await processor.sweep()).toBe(0);
      expect(await store.getEvent(eventId)).toMatchObject({
        status: 'pending',
        attempts: 0,
      });
      down = false;
      await knex('pt_events')
        .where('id', eventId)
        .update({ next_attempt_at: new Date(0).toISOString() });
      expect(await processor.sweep()).toBe(1);
      expect(await store.getEvent(eventId)).toMatchObject({
        status: 'done',
        attempts: 1,
      });
    });

    it('feeds events published on the Backstage events topic into the same pipeline', async () => {
      const { store, ingest } = await setup(new FlakyLinker(0));
      const events = DefaultEventsService.create({ logger }).forPlugin(
        'pipeline-triage',
      );
      await subscribeToEvents({
        events,
        ingest,
        logger,
        defaultEnvironment: 'prod',
      });
      await events.publish({
        topic: EVENTS_TOPIC,
        eventPayload: { events: [failure, { nonsense: 1 }] },
      });
      const page = await store.listIncidents(
        { entityRef: 'component:default/orders-daily-load' },
        { limit: 10 },
      );
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({
        category: 'resource_exhaustion',
        jobName: 'orders_daily.load_orders',
      });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /Rejected an event from topic pipeline-triage.events: \(root\)/,
        ),
      );
    });

    const run = (
      job: string,
      n: number,
      extra: Partial<FailureEventInput> = {},
    ): FailureEventInput => ({
      ...failure,
      job: { namespace: 'airflow-prod', name: job },
      runId: `${job}-${n}`,
      eventTime: new Date(
        Date.parse('2026-11-20T06:00:00.000Z') + n * 60_000,
      ).toISOString(),
      ...extra,
    });

    it('records a batch in one go and notifies each incident once, however many of its failures it holds', async () => {
      const { ingest, notifications, knex } = await setup(new FlakyLinker(0));
      const results = await ingest.ingest(
        [run('a', 1), run('a', 2), run('b', 3), run('a', 4), run('b', 5)],
        {},
        'external:test',
      );
      const ids = results.map(r => (r as { incidentId?: string }).incidentId);
      expect(
        results.every(r => r.status === 'accepted' && r.processing === 'done'),
      ).toBe(true);
      expect(new Set([ids[0], ids[1], ids[3]]).size).toBe(1);
      expect(ids[2]).toBe(ids[4]);
      expect(ids[0]).not.toBe(ids[2]);
      // Two incidents, two notifications: the batch's later failures update, they do not page again.
      const scopes = notifications.send.mock.calls.map(
        (c: any[]) => c[0].payload.scope,
      );
      expect(scopes.sort()).toEqual(
        [
          `pipeline-triage:incident:${ids[0]}`,
          `pipeline-triage:incident:${ids[2]}`,
        ].sort(),
      );
      expect(
        (await knex('pt_notifications').select('status')).map(r => r.status),
      ).toEqual(['sent', 'sent']);
      expect(
        (await knex('pt_incidents').where('id', ids[0]).first()).occurrences,
      ).toBe(3);
    });

    it("applies a job's success between its failures in the order they were posted", async () => {
      const { ingest, store } = await setup(new FlakyLinker(0));
      const results = await ingest.ingest(
        [
          run('a', 1),
          run('a', 2, { outcome: 'success', errorMessage: undefined }),
          run('a', 3),
        ],
        {},
        'external:test',
      );
      const [first, , third] = results.map(
        r => (r as { incidentId?: string }).incidentId,
      );
      // The success resolved the incident; the later failure came back to it.
      expect(third).toBe(first);
      const incident = await store.getIncident(first!);
      expect(incident).toMatchObject({ status: 'open', occurrences: 2 });
      expect(incident!.statusHistory.map(h => h.action)).toEqual([
        'opened',
        'auto_resolved',
        'reopened',
      ]);
    });

    it('processes a batch one event at a time when the batch write fails, losing nothing', async () => {
      /** The real store, whose first batch write fails as a dropped connection would. */
      const onceFailing = (k: Knex) => {
        const store = new KnexTriageStore(k);
        const recordFailures = store.recordFailures;
        let failed = 0;
        store.recordFailures = async (...args) => {
          if (args[0].length > 1 && failed++ === 0)
            throw new Error('connection reset');
          return recordFailures(...args);
        };
        return store;
      };
      const { ingest, knex } = await setup(new FlakyLinker(0), {
        store: onceFailing,
      });
      const results = await ingest.ingest(
        [run('a', 1), run('b', 2), run('a', 3)],
        {},
        'external:test',
      );
      expect(results.map(r => r.status === 'accepted' && r.processing)).toEqual(
        ['done', 'done', 'done'],
      );
      expect(
        await knex('pt_occurrences')
          .count({ n: '*' })
          .then(r => Number(r[0].n)),
      ).toBe(3);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /Batch of 3 events failed, processing them one at a time: Error: connection reset/,
        ),
      );
    });
  },
);
