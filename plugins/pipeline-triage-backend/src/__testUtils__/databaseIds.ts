import type { TestDatabaseId } from '@backstage/backend-test-utils';

/**
 * SQLite always; PostgreSQL whenever the test runner found one (scripts/test.js exports the
 * connection string) and always under CI, where a missing PostgreSQL must fail, not skip.
 */
export function databaseIds(): TestDatabaseId[] {
  const pg =
    Boolean(process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING) ||
    process.env.CI === 'true';
  return pg ? ['SQLITE_3', 'POSTGRES_15'] : ['SQLITE_3'];
}
