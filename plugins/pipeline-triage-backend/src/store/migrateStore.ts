import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

// From source, the package's own folder (a git worktree whose node_modules point at another
// checkout would otherwise resolve that checkout's migrations); built, the installed package.
// eslint-disable-next-line no-restricted-syntax -- checked to exist; built, the fallback applies
const sourceDir = path.resolve(__dirname, '../../migrations');
const migrationsDir = fs.existsSync(path.join(sourceDir, '20261122000000_init.js'))
  ? sourceDir
  : resolvePackagePath('@internal/plugin-pipeline-triage-backend', 'migrations');

export async function migrateStore(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
}

export async function rollbackStore(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ directory: migrationsDir }, true);
}
