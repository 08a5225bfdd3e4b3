/*
 * `npm run bench`: the performance benchmark (a script, not a test). Against SQLite and the
 * local PostgreSQL (its own databases, created and dropped here) it measures:
 *  - ingest: the event mix posted through POST /v1/events in batches of 100 to a real backend:
 *    accept rate, drain rate, queue lag over time, memory; then single-event latency;
 *  - read: a large history loaded straight into the store; trends and first incidents pages;
 *  - olstream: a realistic OpenLineage stream (per run START, 2-6 RUNNING, COMPLETE; a few
 *    percent FAIL), one event per request to the clients' default path: throughput and the
 *    share of events stored;
 *  - raw_insert: what the database itself allows for rows like accepted events;
 *  - classify: the engine's own benchmark, and the engine alone over the ingest mix's failures.
 * Each figure is one JSON line as it is measured, then a table. Sizes come from the environment:
 *   BENCH_EVENTS (20000)  BENCH_INCIDENTS (1000000)  BENCH_ENTITIES (500)  BENCH_TEAMS (25)
 *   BENCH_WEEKS (52)  BENCH_RUNS (40)  BENCH_LATENCY_SAMPLES (300)  BENCH_CONCURRENCY (4)
 *   BENCH_RAW_ROWS (20000)  BENCH_DBS (sqlite,postgres)  BENCH_ONLY (ingest,olstream,read,raw,classify)
 *   BENCH_OL_RUNS (2000)  BENCH_OL_JOBS (200)  BENCH_OL_FAIL_SHARE (0.03)  BENCH_OL_CONCURRENCY (8)
 *   BENCH_CLASSIFY_MIX (5000: failures of the ingest mix through the engine alone)
 *   BENCH_KEEP (unset; 1 keeps the read path's loaded history and prints where)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import type { JsonObject } from '@backstage/types';
import { classifyBench } from './classifyBench';
import { mixClassifyBench } from './mixClassifyBench';
import { ingestBench } from './ingestBench';
import { olStreamBench } from './olStreamBench';
import {
  createDatabase,
  dropDatabases,
  pgClient,
  pgReachable,
  PG_URL,
  uniquePrefix,
} from './pgDatabases';
import { rawInsertBench } from './rawInsertBench';
import { readBench } from './readBench';
import { emit, printTable } from './report';

const num = (name: string, fallback: number) =>
  Number(process.env[name] ?? fallback);
const list = (name: string, fallback: string) =>
  (process.env[name] ?? fallback).split(',').map(s => s.trim());

/**
 * Runs a bench against a real backend on the database: SQLite in memory, or PostgreSQL under
 * a fresh prefix whose databases are dropped afterwards.
 */
async function onBackendDatabase(
  db: string,
  label: string,
  bench: (database: JsonObject) => Promise<void>,
): Promise<void> {
  if (db === 'sqlite') {
    await bench({ client: 'better-sqlite3', connection: ':memory:' });
    return;
  }
  const prefix = uniquePrefix(label);
  try {
    await bench({
      client: 'pg',
      connection: PG_URL,
      prefix,
      knexConfig: { pool: { min: 0, max: 5 } },
    });
  } finally {
    await dropDatabases(prefix);
  }
}

async function main() {
  const dbs = list('BENCH_DBS', 'sqlite,postgres');
  const only = list('BENCH_ONLY', 'ingest,olstream,read,raw,classify');
  if (dbs.includes('postgres') && !(await pgReachable())) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_URL}; set BENCH_DBS=sqlite to run without it`,
    );
  }
  process.stderr.write(
    `machine: ${os.cpus().length} cores, ${Math.round(
      os.totalmem() / 2 ** 30,
    )} GB, node ${process.version}, load ${os.loadavg()[0].toFixed(2)}\n`,
  );
  emit('machine', 'none', 'cores', os.cpus().length, 'cores');
  emit('machine', 'none', 'load_average_1m_at_start', os.loadavg()[0], '');

  for (const db of dbs) {
    if (only.includes('ingest'))
      await onBackendDatabase(db, 'ingest', database =>
        ingestBench({
          db: db as 'sqlite' | 'postgres',
          database,
          events: num('BENCH_EVENTS', 20_000),
          batchSize: 100,
          concurrency: num('BENCH_CONCURRENCY', 4),
          latencySamples: num('BENCH_LATENCY_SAMPLES', 300),
        }),
      );
    if (only.includes('olstream'))
      await onBackendDatabase(db, 'olstream', database =>
        olStreamBench({
          db: db as 'sqlite' | 'postgres',
          database,
          runs: num('BENCH_OL_RUNS', 2000),
          jobs: num('BENCH_OL_JOBS', 200),
          failShare: num('BENCH_OL_FAIL_SHARE', 0.03),
          concurrency: num('BENCH_OL_CONCURRENCY', 8),
        }),
      );
    if (only.includes('read') || only.includes('raw')) {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-'));
      const name = `${uniquePrefix('read')}store`;
      if (db === 'postgres') await createDatabase(name);
      const knex =
        db === 'sqlite'
          ? knexFactory({
              client: 'better-sqlite3',
              connection: { filename: path.join(tmp, 'store.sqlite') },
              useNullAsDefault: true,
            })
          : pgClient(name);
      try {
        if (only.includes('raw'))
          await rawInsertBench(db, knex, num('BENCH_RAW_ROWS', 20_000));
        if (only.includes('read')) {
          await readBench({
            db: db as 'sqlite' | 'postgres',
            knex,
            incidents: num('BENCH_INCIDENTS', 1_000_000),
            entities: num('BENCH_ENTITIES', 500),
            teams: num('BENCH_TEAMS', 25),
            weeks: num('BENCH_WEEKS', 52),
            runs: num('BENCH_RUNS', 40),
          });
        }
      } finally {
        await knex.destroy();
        // BENCH_KEEP=1 leaves the loaded history for looking at query plans; say where it is.
        if (process.env.BENCH_KEEP)
          process.stderr.write(
            `kept the ${db} history: ${
              db === 'postgres' ? `database ${name}` : tmp
            }\n`,
          );
        else {
          if (db === 'postgres') await dropDatabases(name);
          fs.rmSync(tmp, { recursive: true, force: true });
        }
      }
    }
  }
  if (only.includes('classify')) {
    classifyBench({
      iterations: num('BENCH_CLASSIFY_ITERATIONS', 2000),
      mb: num('BENCH_CLASSIFY_MB', 50),
    });
    mixClassifyBench(num('BENCH_CLASSIFY_MIX', 5000));
  }
  emit('machine', 'none', 'load_average_1m_at_end', os.loadavg()[0], '');
  printTable();
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${String(error?.stack ?? error).slice(0, 3000)}\n`);
    process.exit(1);
  },
);
