/*
 * Preloaded into the example backend by run.js. In a second checkout whose node_modules are
 * links into another checkout's install (a git worktree), Backstage's resolvePackagePath finds
 * the other checkout's `app` and plugin packages (the built app, migrations). This points those
 * names at this checkout. Where the install is the repository's own, it changes nothing.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const PACKAGES = {
  app: 'packages/app',
  '@internal/plugin-pipeline-triage-backend': 'plugins/pipeline-triage-backend',
};

try {
  const { overridePackagePathResolution } = require(require.resolve('@backstage/backend-plugin-api/testUtils', { paths: [root] }));
  const apiDir = path.dirname(require.resolve('@backstage/backend-plugin-api/package.json', { paths: [root] }));
  for (const [name, dir] of Object.entries(PACKAGES)) {
    const seen = fs.realpathSync(path.dirname(require.resolve(`${name}/package.json`, { paths: [apiDir] })));
    const own = fs.realpathSync(path.join(root, dir));
    if (seen !== own) overridePackagePathResolution({ packageName: name, path: own });
  }
} catch {
  // Without the test utilities nothing is overridden: the install is then the repository's own.
}
