import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Run from source, the migrations beside src/: in a git worktree whose node_modules link to
 * another checkout, resolvePackagePath would find that checkout's migrations. Built code has no
 * package.json two levels up with this name, so it uses resolvePackagePath.
 */
function migrationsDirectory(): string {
  // eslint-disable-next-line no-restricted-syntax
  const root = path.resolve(__dirname, '../..');
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    if (pkg.name === '@internal/plugin-pipeline-triage-backend') return path.join(root, 'migrations');
  } catch {
    // not run from source
  }
  return resolvePackagePath('@internal/plugin-pipeline-triage-backend', 'migrations');
}

const migrationsDir = migrationsDirectory();

export async function migrateStore(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
}

export async function rollbackStore(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ directory: migrationsDir }, true);
}
