/*
 * Crash safety against PostgreSQL with real backend processes: a sustained load of events of
 * every format, SIGKILL while accepted events are still queued, restart, let the sweeper drain,
 * then every event that got a 2xx is processed into exactly one occurrence and nothing is
 * half-written.
 */
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { startBackend, SENDER_TOKEN } = require('./backendProcess');
const { nextRequest } = require('./payloads');

const DATABASE = `pt_crash_${process.pid}_${Date.now()}`;
const SCHEMA = '"pipeline-triage"';
const LOG_FILE = path.resolve(__dirname, 'output/backend.log');
const WORKERS = 8;

const admin = () =>
  new Client({
    host: '127.0.0.1',
    port: 5432,
    user: 'postgres',
    database: 'postgres',
  });
let db;
const backends = [];

after(async () => {
  for (const b of backends) await b.kill();
  await db?.end().catch(() => {});
  const c = admin();
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await c.end();
});

async function count(sql, params = []) {
  const { rows } = await db.query(sql, params);
  return Number(rows[0].n);
}

const queued = () =>
  count(
    `SELECT count(*) AS n FROM ${SCHEMA}.pt_events WHERE status IN ('pending', 'processing')`,
  );

async function post(baseUrl, req) {
  const res = await fetch(`${baseUrl}/v1/events${req.query}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${SENDER_TOKEN}`,
      'content-type': req.contentType,
    },
    body: req.body,
  });
  return { status: res.status, json: await res.json().catch(() => undefined) };
}

test(
  'a SIGKILL under load loses no accepted event and leaves nothing half-written',
  { timeout: 150_000 },
  async () => {
    fs.mkdirSync(path.dirname(LOG_FILE), { recursive: true });
    fs.writeFileSync(LOG_FILE, '');
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE "${DATABASE}"`);
    await c.end();
    db = new Client({
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      database: DATABASE,
    });
    await db.connect();

    const first = await startBackend({ database: DATABASE, logFile: LOG_FILE });
    backends.push(first);

    // Every event id a 2xx answered for, and re-posts that must come back as duplicates.
    const acknowledged = new Map();
    const duplicatesChecked = [];
    const unexpected = [];
    let counted = 0;
    let stop = false;
    let requests = 0;
    const worker = async () => {
      while (!stop) {
        const req = nextRequest();
        let r;
        try {
          r = await post(first.baseUrl, req);
        } catch {
          continue; // the process died mid-request: no 2xx, no promise made
        }
        requests++;
        if (r.status < 200 || r.status > 299) {
          unexpected.push(
            `${r.status} for ${req.files.join(',')}: ${JSON.stringify(r.json)}`,
          );
          continue;
        }
        for (const result of r.json.results) {
          if (result.status === 'accepted' || result.status === 'duplicate') {
            acknowledged.set(result.eventId, req.files[result.index]);
          } else if (result.status === 'counted') {
            // A success of a job with no open incident: a run in the job's history, no event row.
            counted++;
          } else if (result.status !== 'ignored') {
            unexpected.push(
              `${result.status} for ${
                req.files[result.index]
              }: ${JSON.stringify(result)}`,
            );
          }
        }
        // Now and then a sender re-delivers: same event, same id, answered duplicate.
        if (requests % 10 === 0 && !stop) {
          try {
            const again = await post(first.baseUrl, req);
            if (again.status >= 200 && again.status < 300)
              duplicatesChecked.push({
                first: r.json.results,
                again: again.json.results,
              });
          } catch {
            /* killed meanwhile */
          }
        }
      }
    };
    const load = Array.from({ length: WORKERS }, worker);

    // Kill once the load is sustained and the queue of accepted-but-unprocessed events is not empty.
    const loadDeadline = Date.now() + 45_000;
    let queuedBeforeKill = 0;
    while (Date.now() < loadDeadline) {
      await new Promise(r => setTimeout(r, 100));
      if (acknowledged.size < 150) continue;
      queuedBeforeKill = await queued();
      if (queuedBeforeKill > 0) break;
    }
    await first.kill();
    stop = true;
    await Promise.all(load);
    // The process is gone: what the database holds now is what the kill left behind.
    const queuedAtKill = await queued();
    assert.ok(
      acknowledged.size >= 150,
      `only ${acknowledged.size} events acknowledged before the kill`,
    );
    assert.ok(
      queuedAtKill > 0,
      `the queue was empty when the kill landed (${queuedBeforeKill} just before)`,
    );
    assert.deepEqual(unexpected, [], 'every event of the load is accepted');
    for (const d of duplicatesChecked) {
      for (const [i, again] of d.again.entries()) {
        if (again.status === 'ignored') continue;
        // A counted success is counted once: its re-delivery is answered counted again.
        if (d.first[i].status === 'counted') {
          assert.equal(again.status, 'counted');
          continue;
        }
        assert.equal(again.status, 'duplicate');
        assert.equal(again.eventId, d.first[i].eventId);
      }
    }
    console.log(
      `# acknowledged ${acknowledged.size} events and counted ${counted} successes in ${requests} requests; ${queuedAtKill} still queued at the kill`,
    );

    const second = await startBackend({
      database: DATABASE,
      logFile: LOG_FILE,
    });
    backends.push(second);
    const drainDeadline = Date.now() + 60_000;
    while ((await queued()) > 0) {
      assert.ok(
        Date.now() < drainDeadline,
        `the sweeper left ${await queued()} events queued`,
      );
      await new Promise(r => setTimeout(r, 500));
    }
    // The restarted instance takes new events too.
    const after = await post(second.baseUrl, nextRequest());
    assert.ok(
      after.status >= 200 && after.status < 300,
      `after restart: HTTP ${after.status}`,
    );

    // Every success answered counted is a run in its job's history (one transaction each).
    const { rows: countedRuns } = await db.query(
      `SELECT count(*)::int AS n FROM ${SCHEMA}.pt_job_runs WHERE event_id LIKE 'run:%'`,
    );
    assert.ok(
      countedRuns[0].n >= counted,
      `${counted} successes answered counted, ${countedRuns[0].n} in the run history`,
    );

    const ids = [...acknowledged.keys()];
    const { rows: events } = await db.query(
      `SELECT e.id, e.status, e.outcome, e.incident_id, o.incident_id AS occurrence_incident,
            (SELECT count(*) FROM ${SCHEMA}.pt_occurrences o2 WHERE o2.event_id = e.id) AS occurrences
       FROM ${SCHEMA}.pt_events e LEFT JOIN ${SCHEMA}.pt_occurrences o ON o.event_id = e.id
      WHERE e.id = ANY($1)`,
      [ids],
    );
    assert.equal(
      events.length,
      ids.length,
      'every acknowledged event is stored',
    );
    for (const e of events) {
      const what = `${e.id} (${acknowledged.get(e.id)})`;
      assert.equal(e.status, 'done', `${what} is ${e.status}`);
      if (e.outcome === 'success') {
        assert.equal(
          Number(e.occurrences),
          0,
          `${what}: a success has no occurrence`,
        );
      } else {
        assert.equal(
          Number(e.occurrences),
          1,
          `${what}: exactly one occurrence`,
        );
        assert.equal(
          e.occurrence_incident,
          e.incident_id,
          `${what}: its occurrence and its row name the same incident`,
        );
      }
    }

    // The sender reads the same through the API: each of its events is done, failures with an incident.
    for (const e of events.slice(0, 25)) {
      const res = await fetch(`${second.baseUrl}/v1/events/${e.id}`, {
        headers: { authorization: `Bearer ${SENDER_TOKEN}` },
      });
      const body = await res.json();
      assert.equal(res.status, 200);
      assert.equal(body.status, 'done');
      assert.equal(
        body.incidentId,
        e.outcome === 'success' ? undefined : e.incident_id,
      );
    }

    // Nothing half-written anywhere in the store, acknowledged or not.
    assert.equal(
      await count(`SELECT count(*) AS n FROM ${SCHEMA}.pt_dead_letters`),
      0,
      'no dead letters',
    );
    assert.equal(await queued(), 0, 'no event stuck pending or processing');
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM ${SCHEMA}.pt_incidents i WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.pt_occurrences o WHERE o.incident_id = i.id)`,
      ),
      0,
      'no incident without occurrences',
    );
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM ${SCHEMA}.pt_occurrences o LEFT JOIN ${SCHEMA}.pt_events e ON e.id = o.event_id WHERE e.id IS NULL OR e.status <> 'done' OR e.incident_id IS DISTINCT FROM o.incident_id`,
      ),
      0,
      'no occurrence without its processed event',
    );
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM ${SCHEMA}.pt_incidents i WHERE i.occurrences <> (SELECT count(*) FROM ${SCHEMA}.pt_occurrences o WHERE o.incident_id = i.id)`,
      ),
      0,
      "each incident's occurrence count equals its occurrences",
    );
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM ${SCHEMA}.pt_events WHERE outcome <> 'success' AND status = 'done' AND NOT EXISTS (SELECT 1 FROM ${SCHEMA}.pt_occurrences o WHERE o.event_id = pt_events.id)`,
      ),
      0,
      'no processed failure without its occurrence',
    );
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM (SELECT open_key FROM ${SCHEMA}.pt_incidents WHERE open_key IS NOT NULL GROUP BY open_key HAVING count(*) > 1) d`,
      ),
      0,
      'one open incident per failure group',
    );
  },
);
