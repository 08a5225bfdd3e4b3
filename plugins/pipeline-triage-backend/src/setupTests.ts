/*
 * In a git worktree whose node_modules link into another checkout's install, Backstage's
 * resolvePackagePath finds that other checkout's copy of this package (its migrations). Tests
 * then point the name at this checkout. Where the install is the repository's own: no-op.
 */
import fs from 'node:fs';
import path from 'node:path';
import { overridePackagePathResolution } from '@backstage/backend-plugin-api/testUtils';

const NAME = '@internal/plugin-pipeline-triage-backend';
const own = fs.realpathSync(path.resolve(__dirname, '..'));
const seen = fs.realpathSync(path.dirname(require.resolve(`${NAME}/package.json`, { paths: [path.dirname(require.resolve('@backstage/backend-plugin-api/package.json'))] })));
if (seen !== own) overridePackagePathResolution({ packageName: NAME, path: own });
