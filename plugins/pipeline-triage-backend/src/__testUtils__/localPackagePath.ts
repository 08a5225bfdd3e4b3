import path from 'node:path';
import { overridePackagePathResolution } from '@backstage/backend-plugin-api/testUtils';

/**
 * `resolvePackagePath` finds this package through the install that holds backend-plugin-api;
 * in a git worktree that shares another checkout's node_modules that is the other checkout, so
 * tests pin it to this source tree (a no-op in a normal checkout).
 */
overridePackagePathResolution({
  packageName: '@internal/plugin-pipeline-triage-backend',
  path: path.resolve(__dirname, '../..'),
});
