import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { emit, msSince } from './report';

/**
 * What the database allows on this machine: rows shaped like accepted events (a ~4 KB payload)
 * inserted in batches of 100, one transaction per batch, straight through knex, no processing.
 * The ingest figures read as a share of this.
 */
export async function rawInsertBench(
  db: string,
  knex: Knex,
  rows: number,
): Promise<void> {
  await knex.schema.createTable('bench_raw_events', t => {
    t.string('id', 36).primary();
    t.string('event_key', 512).notNullable().unique();
    t.string('job_key', 512).notNullable();
    t.string('status', 16).notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable();
    t.text('payload').notNullable();
    t.index(['status', 'received_at']);
  });
  const payload = JSON.stringify({ logExcerpt: 'x'.repeat(4096) });
  const started = process.hrtime.bigint();
  for (let from = 0; from < rows; from += 100) {
    const batch = Array.from(
      { length: Math.min(100, rows - from) },
      (_, i) => ({
        id: randomUUID(),
        event_key: `raw:${from + i}`,
        job_key: `bench/job-${(from + i) % 200}`,
        status: 'pending',
        received_at: new Date().toISOString(),
        payload,
      }),
    );
    await knex.transaction(tx => tx('bench_raw_events').insert(batch));
  }
  emit(
    'raw_insert',
    db,
    'event_rows_batched_100',
    rows / (msSince(started) / 1000),
    'rows/s',
  );
  // One row per statement, one transaction each: the cost of a per-row write path.
  const single = Math.min(rows, 2000);
  const t = process.hrtime.bigint();
  for (let i = 0; i < single; i++) {
    await knex('bench_raw_events').insert({
      id: randomUUID(),
      event_key: `single:${i}`,
      job_key: 'bench/job',
      status: 'pending',
      received_at: new Date().toISOString(),
      payload,
    });
  }
  emit(
    'raw_insert',
    db,
    'event_rows_one_per_statement',
    single / (msSince(t) / 1000),
    'rows/s',
  );
  await knex.schema.dropTable('bench_raw_events');
}
