import { randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';

/** The local PostgreSQL, as the tests find it (see scripts/postgres.js). */
export const PG_URL =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

export function uniquePrefix(what: string): string {
  return `pt_bench_${what}_${randomBytes(3).toString('hex')}_`;
}

function admin(): Knex {
  return knexFactory({
    client: 'pg',
    connection: `${PG_URL}/postgres`,
    pool: { min: 0, max: 1 },
  });
}

export async function pgReachable(): Promise<boolean> {
  const db = admin();
  try {
    await db.raw('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await db.destroy();
  }
}

export async function createDatabase(name: string): Promise<void> {
  const db = admin();
  try {
    await db.raw('create database ??', [name]);
  } finally {
    await db.destroy();
  }
}

/** Drops every database whose name starts with `prefix` (a backend makes one per plugin). */
export async function dropDatabases(prefix: string): Promise<void> {
  const db = admin();
  try {
    const rows = await db('pg_database')
      .where('datname', 'like', `${prefix}%`)
      .select('datname');
    for (const { datname } of rows)
      await db.raw('drop database if exists ?? with (force)', [datname]);
  } finally {
    await db.destroy();
  }
}

export function pgClient(database: string, poolMax = 10): Knex {
  return knexFactory({
    client: 'pg',
    connection: `${PG_URL}/${database}`,
    pool: { min: 0, max: poolMax },
  });
}
