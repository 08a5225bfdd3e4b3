/*
 * The sink outbox across a crash, against PostgreSQL with real backend processes: PagerDuty
 * (a local fake speaking Events API v2) answers 500, the backend retries from pt_sink_outbox,
 * is SIGKILLed mid-backoff, restarts, PagerDuty recovers, and every incident update reaches
 * PagerDuty exactly once.
 */
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { Client } = require('pg');
const { startBackend, SENDER_TOKEN } = require('./backendProcess');

const DATABASE = `pt_outbox_${process.pid}_${Date.now()}`;
const SCHEMA = '"pipeline-triage"';
const LOG_FILE = path.resolve(__dirname, 'output/outbox-backend.log');
const INCIDENTS = 3;

const admin = () =>
  new Client({
    host: '127.0.0.1',
    port: 5432,
    user: 'postgres',
    database: 'postgres',
  });
let db;
const backends = [];
let fake;

after(async () => {
  for (const b of backends) await b.kill();
  await db?.end().catch(() => {});
  fake?.server.closeAllConnections();
  await new Promise(resolve => (fake ? fake.server.close(resolve) : resolve()));
  const c = admin();
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await c.end();
});

/** PagerDuty's Events API v2 enqueue endpoint: 202 with the dedup key, or 500 while down. */
function startFakePagerDuty() {
  const state = { down: true, accepted: [], refused: 0 };
  state.server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const reply = (status, body) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/v2/enqueue')
        return reply(404, { status: 'not found' });
      if (state.down) {
        state.refused++;
        return reply(500, {
          status: 'error',
          message: 'Internal Server Error',
        });
      }
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (!event.routing_key || !event.event_action)
        return reply(400, {
          status: 'invalid event',
          message: 'Event object is invalid',
        });
      state.accepted.push(event);
      reply(202, {
        status: 'success',
        message: 'Event processed',
        dedup_key: event.dedup_key,
      });
    });
  });
  return new Promise(resolve =>
    state.server.listen(0, '127.0.0.1', () => {
      state.url = `http://127.0.0.1:${state.server.address().port}/v2/enqueue`;
      resolve(state);
    }),
  );
}

async function rows() {
  const { rows: r } = await db.query(
    `SELECT id, incident_id, sink, update_key, status, attempts FROM ${SCHEMA}.pt_sink_outbox ORDER BY id`,
  );
  return r;
}

async function until(what, check, ms = 90_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

test(
  'a SIGKILL while PagerDuty is down loses no page and sends none twice',
  { timeout: 300_000 },
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
    fake = await startFakePagerDuty();

    const pipelineTriage = {
      sinks: {
        pagerDuty: {
          url: fake.url,
          routingKey: 'crash-test-routing-key',
          minSeverity: 'low',
        },
        // Short first delays so the rows are retried before the kill; many attempts so none dies.
        retry: { maxAttempts: 30, baseDelayMs: 100, intervalSeconds: 1 },
      },
    };
    const first = await startBackend({
      database: DATABASE,
      logFile: LOG_FILE,
      pipelineTriage,
    });
    backends.push(first);

    const incidentIds = [];
    for (let i = 0; i < INCIDENTS; i++) {
      const res = await fetch(`${first.baseUrl}/v1/events`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${SENDER_TOKEN}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          source: 'generic',
          job: { namespace: 'spark-prod', name: `outbox_crash_job_${i}` },
          runId: `outbox-crash-${i}`,
          eventTime: new Date().toISOString(),
          errorMessage:
            'com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)',
        }),
      });
      assert.equal(res.status, 202);
      incidentIds.push((await res.json()).results[0].incidentId);
    }
    assert.equal(new Set(incidentIds).size, INCIDENTS, 'one incident per job');

    // Every update stored and already retried from the store at least once: then kill.
    await until(
      'each delivery to be retried while PagerDuty is down',
      async () => {
        const r = await rows();
        return (
          r.length === INCIDENTS &&
          r.every(row => row.status === 'pending' && row.attempts >= 2)
        );
      },
    );
    await first.kill();
    const atKill = await rows();
    // Pending, or sending if the kill fell inside an attempt: such a row is sent again once its
    // lease runs out after the restart (safe here: PagerDuty dedups by the incident's dedup_key).
    assert.ok(
      atKill.every(r => r.status === 'pending' || r.status === 'sending'),
      `the kill leaves every delivery unsent: ${atKill.map(r => r.status)}`,
    );
    assert.deepEqual(
      [...new Set(atKill.map(r => r.incident_id))].sort(),
      [...incidentIds].sort(),
    );
    assert.equal(
      fake.accepted.length,
      0,
      'nothing got through while PagerDuty was down',
    );
    const refusedBeforeRestart = fake.refused;
    assert.ok(refusedBeforeRestart >= INCIDENTS * 2);

    const second = await startBackend({
      database: DATABASE,
      logFile: LOG_FILE,
      pipelineTriage,
    });
    backends.push(second);
    fake.down = false;
    await until('every delivery to be sent after the restart', async () =>
      (await rows()).every(r => r.status === 'sent'),
    );

    // Exactly one event per incident update, with the incident's dedup key, through the restart.
    const sent = await rows();
    assert.equal(sent.length, INCIDENTS, 'one outbox row per incident update');
    assert.equal(
      fake.accepted.length,
      INCIDENTS,
      `PagerDuty received ${fake.accepted.length} events for ${INCIDENTS} updates`,
    );
    const dedupKeys = fake.accepted.map(e => e.dedup_key);
    assert.equal(new Set(dedupKeys).size, INCIDENTS, 'one event per dedup key');
    for (const e of fake.accepted) {
      assert.equal(e.event_action, 'trigger');
      assert.equal(e.routing_key, 'crash-test-routing-key');
    }

    // The store counted every attempt across both processes: each refused call and the one that
    // got through (a claim the kill cut short may count one more).
    const attempts = sent.reduce((n, r) => n + Number(r.attempts), 0);
    assert.ok(
      attempts >= fake.refused + INCIDENTS,
      `${attempts} attempts recorded for ${fake.refused + INCIDENTS} calls`,
    );
    console.log(
      `# ${fake.refused} refused calls (${refusedBeforeRestart} before the kill), ${fake.accepted.length} events accepted, ${attempts} attempts recorded`,
    );
  },
);
