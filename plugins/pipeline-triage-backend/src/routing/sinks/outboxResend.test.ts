import { TestDatabases } from '@backstage/backend-test-utils';
import type { NotificationRecord } from '@pipeline-triage/plugin-pipeline-triage-common';
import { databaseIds } from '../../__testUtils__/databaseIds';
import { KnexSinkOutbox } from '../../store/KnexSinkOutbox';
import { migrateStore } from '../../store/migrateStore';
import { aDelivery } from './__testUtils__/delivery';
import { startTestServer } from './__testUtils__/startTestServer';
import { pagerDutyDedupKey } from './pagerDutyEvent';
import { pagerDutySink } from './pagerDutySink';
import { SinkDispatcher } from './SinkDispatcher';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: databaseIds() });

/**
 * The duplicate-send window, on the real outbox and a local PagerDuty: an instance that claimed a
 * row and died before recording the answer leaves it `sending`; after its lease the row is sent
 * again, once, by whichever of two live instances claims it, with the incident's dedup_key.
 */
describe.each(databases.eachSupportedId())(
  'a delivery whose sender died mid-send (%s)',
  databaseId => {
    it('is sent again once after its lease, with the same dedup_key, and says so', async () => {
      const knex = await databases.init(databaseId);
      await migrateStore(knex);
      const outbox = new KnexSinkOutbox(knex);
      const pagerDuty = await startTestServer({
        fallback: { status: 202, body: '{"status":"success"}' },
      });
      try {
        const delivery = aDelivery({ incidentId: 'inc-resend' });
        await outbox.enqueueDeliveries([
          {
            incidentId: 'inc-resend',
            sink: 'pagerduty',
            updateKey: 'event-1',
            delivery,
          },
        ]);
        // The dead instance: it claimed the row (and, say, PagerDuty answered), then vanished.
        const [claimed] = await outbox.claimDeliveries({
          owner: 'dead-instance',
          leaseMs: 60_000,
          limit: 10,
        });
        expect(claimed.attempts).toBe(1);

        const records: Array<NotificationRecord & { incidentId: string }> = [];
        const instance = () =>
          new SinkDispatcher({
            outbox,
            sinks: [
              pagerDutySink({
                url: pagerDuty.url,
                routingKey: 'rk',
                minSeverity: 'low',
              }),
            ],
            record: (incidentId, record) => {
              records.push({ incidentId, ...record });
            },
          });
        const [b, c] = [instance(), instance()];
        // While the lease holds, neither live instance sends it.
        expect(await b.drain()).toBe(0);
        expect(pagerDuty.requests).toHaveLength(0);

        await knex('pt_sink_outbox').update({
          lease_until: new Date(Date.now() - 1000).toISOString(),
        });
        const drained = await Promise.all([b.drain(), c.drain()]);
        expect(drained.sort()).toEqual([0, 1]);

        expect(pagerDuty.requests).toHaveLength(1);
        expect(JSON.parse(pagerDuty.requests[0].body).dedup_key).toBe(
          pagerDutyDedupKey('inc-resend'),
        );
        const [row] = await outbox.listDeliveries('inc-resend');
        expect(row).toMatchObject({
          status: 'sent',
          attempts: 2,
          target: 'the configured routingKey',
          lastError: expect.stringContaining('attempt 1: no outcome recorded'),
        });
        expect(records).toEqual([
          expect.objectContaining({
            channel: 'pagerduty',
            status: 'sent',
            detail:
              "attempt 2 (resent: an earlier attempt's outcome was never recorded)",
          }),
        ]);
        // Sent is final: nothing is claimed again.
        await knex('pt_sink_outbox').update({
          next_attempt_at: new Date(0).toISOString(),
        });
        expect(await b.drain()).toBe(0);
      } finally {
        await pagerDuty.close();
      }
    });
  },
);
