import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/**
 * The package's migrations folder: beside this source (src/store or a bundled dist) first, so
 * a second checkout sharing another's node_modules (a git worktree) migrates with its own files.
 */
function migrationsDir(): string {
  for (const candidate of [path.resolve(__dirname, '../../migrations'), path.resolve(__dirname, '../migrations')]) {
    if (fs.existsSync(path.join(candidate, '20261122000000_init.js'))) return candidate;
  }
  return resolvePackagePath('@internal/plugin-pipeline-triage-backend', 'migrations');
}

export async function migrateStore(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir() });
}

export async function rollbackStore(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ directory: migrationsDir() }, true);
}
