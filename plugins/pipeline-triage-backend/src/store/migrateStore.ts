import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';

// From source, the folder beside src/ (a git worktree may resolve the package to another checkout).
const sourceDir = path.resolve(__dirname, '../../migrations');
const migrationsDir = fs.existsSync(sourceDir)
  ? sourceDir
  : resolvePackagePath('@internal/plugin-pipeline-triage-backend', 'migrations');

export async function migrateStore(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
}

export async function rollbackStore(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ directory: migrationsDir }, true);
}
