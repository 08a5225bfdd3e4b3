import { TestDatabases } from '@backstage/backend-test-utils';
import { KnexSinkOutbox } from './KnexSinkOutbox';
import { migrateStore } from './migrateStore';
import { databaseIds } from '../__testUtils__/databaseIds';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: databaseIds() });

describe.each(databases.eachSupportedId())(
  'the sink outbox on %s',
  databaseId => {
    it('keeps one row per incident, sink and update, and lets one instance at a time hold it', async () => {
      const knex = await databases.init(databaseId);
      await migrateStore(knex);
      const outbox = new KnexSinkOutbox(knex);
      const row = {
        incidentId: 'inc-1',
        sink: 'pagerduty',
        updateKey: 'event-1',
        delivery: { title: 't' },
      };
      await outbox.enqueueDeliveries([row]);
      // The same update asked for again (a re-processed event, another instance): still one row.
      await outbox.enqueueDeliveries([row, { ...row, updateKey: 'event-2' }]);
      expect(
        (await outbox.listDeliveries('inc-1')).map(d => [
          d.updateKey,
          d.status,
        ]),
      ).toEqual([
        ['event-1', 'pending'],
        ['event-2', 'pending'],
      ]);

      const ids = await outbox.pendingDeliveryIds('inc-1', 'event-1');
      const [a] = await outbox.claimDeliveries({
        owner: 'instance-a',
        leaseMs: 60_000,
        limit: 10,
        ids,
      });
      expect(a).toMatchObject({
        incidentId: 'inc-1',
        updateKey: 'event-1',
        attempts: 1,
        delivery: { title: 't' },
      });
      expect(a.resent).toBeUndefined();
      // Claimed is `sending` before any HTTP call, and the incident shows it.
      expect((await outbox.listDeliveries('inc-1'))[0]).toMatchObject({
        status: 'sending',
        attempts: 1,
        claimedAt: expect.any(String),
        leaseUntil: expect.any(String),
      });
      // Held by A: B gets only the other row, and cannot finish A's.
      const b = await outbox.claimDeliveries({
        owner: 'instance-b',
        leaseMs: 60_000,
        limit: 10,
      });
      expect(b.map(r => r.updateKey)).toEqual(['event-2']);
      expect(
        await outbox.finishDelivery(a.id, 'instance-b', { status: 'sent' }),
      ).toBe(false);

      // A retries later; a retry not yet due is claimed by nobody.
      const later = new Date(Date.now() + 3_600_000).toISOString();
      expect(
        await outbox.finishDelivery(a.id, 'instance-a', {
          status: 'pending',
          error: 'HTTP 500',
          retryAt: later,
        }),
      ).toBe(true);
      expect(
        await outbox.claimDeliveries({
          owner: 'instance-b',
          leaseMs: 60_000,
          limit: 10,
        }),
      ).toEqual([]);
      expect(
        await outbox.finishDelivery(b[0].id, 'instance-b', {
          status: 'dead',
          error: 'HTTP 400',
        }),
      ).toBe(true);

      const deliveries = await outbox.listDeliveries('inc-1');
      expect(deliveries[0].claimedAt).toBeUndefined();
      expect(deliveries[0]).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'HTTP 500',
        nextAttemptAt: later,
      });
      expect(deliveries[1]).toMatchObject({
        status: 'dead',
        attempts: 1,
        lastError: 'HTTP 400',
      });
      expect(deliveries[1].finishedAt).toEqual(expect.any(String));
      // A dead row is never claimed again.
      await knex('pt_sink_outbox').update({
        next_attempt_at: new Date(0).toISOString(),
      });
      expect(
        (
          await outbox.claimDeliveries({
            owner: 'instance-c',
            leaseMs: 60_000,
            limit: 10,
          })
        ).map(r => r.updateKey),
      ).toEqual(['event-1']);
    });

    it('claims a row still sending past its lease again, once, and marks it resent', async () => {
      const knex = await databases.init(databaseId);
      await migrateStore(knex);
      const outbox = new KnexSinkOutbox(knex);
      await outbox.enqueueDeliveries([
        {
          incidentId: 'inc-2',
          sink: 'slack',
          updateKey: 'event-1',
          delivery: { title: 't' },
        },
      ]);
      // A claims and "dies" between the sink's answer and the row update: it never finishes.
      const [a] = await outbox.claimDeliveries({
        owner: 'instance-a',
        leaseMs: 60_000,
        limit: 10,
      });
      expect(a.attempts).toBe(1);
      // While A's lease holds, nobody else may send it.
      expect(
        await outbox.claimDeliveries({
          owner: 'instance-b',
          leaseMs: 60_000,
          limit: 10,
        }),
      ).toEqual([]);
      // The lease runs out (a restart later): B and C race for it; exactly one wins.
      await knex('pt_sink_outbox').update({
        lease_until: new Date(Date.now() - 1000).toISOString(),
      });
      const [b, c] = await Promise.all([
        outbox.claimDeliveries({
          owner: 'instance-b',
          leaseMs: 60_000,
          limit: 10,
        }),
        outbox.claimDeliveries({
          owner: 'instance-c',
          leaseMs: 60_000,
          limit: 10,
        }),
      ]);
      const won = [...b, ...c];
      expect(won).toHaveLength(1);
      expect(won[0]).toMatchObject({ attempts: 2, resent: true });
      const winner = b.length ? 'instance-b' : 'instance-c';
      expect((await outbox.listDeliveries('inc-2'))[0]).toMatchObject({
        status: 'sending',
        attempts: 2,
        lastError: expect.stringContaining('attempt 1: no outcome recorded'),
      });
      // A wakes up late: its outcome no longer counts; the winner's does.
      expect(
        await outbox.finishDelivery(a.id, 'instance-a', { status: 'sent' }),
      ).toBe(false);
      expect(
        await outbox.finishDelivery(won[0].id, winner, {
          status: 'sent',
          target: '#team-iam',
        }),
      ).toBe(true);
      expect((await outbox.listDeliveries('inc-2'))[0]).toMatchObject({
        status: 'sent',
        attempts: 2,
        target: '#team-iam',
      });
    });
  },
);
