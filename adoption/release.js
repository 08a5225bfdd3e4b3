/*
 * The @backstage/* versions of a Backstage release, as @backstage/create-app writes them into a
 * new app: each create-app version carries its release's version table (dist/lib/versions).
 * Without a release asked for, the newest create-app is used.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

function npmJson(args) {
  const out = spawnSync('npm', [...args, '--json'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`npm ${args.join(' ')}: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

function tableOf(createAppVersion, dir) {
  const dest = fs.mkdtempSync(path.join(dir, 'create-app-'));
  const [packed] = npmJson([
    'pack',
    `@backstage/create-app@${createAppVersion}`,
    '--pack-destination',
    dest,
  ]);
  spawnSync('tar', ['xzf', path.join(dest, packed.filename), '-C', dest]);
  const { packageVersions } = require(path.join(
    dest,
    'package/dist/lib/versions.cjs.js',
  ));
  return packageVersions;
}

/** { release, createApp, versions } for `release` (e.g. "1.55.0") or the newest. */
function releaseVersions(release, dir) {
  const all = npmJson(['view', '@backstage/create-app', 'versions']).filter(
    v => !v.includes('-'),
  );
  const newestFirst = all.reverse();
  for (const createApp of newestFirst.slice(0, release ? 20 : 1)) {
    const versions = tableOf(createApp, dir);
    if (!release || versions.root === release)
      return { release: versions.root, createApp, versions };
  }
  throw new Error(
    `No @backstage/create-app among the newest 20 writes Backstage ${release}`,
  );
}

/** The range create-app writes for a package (`^x.y.z`), pinned (`x.y.z`) when asked. */
function rangeOf(versions, name, pinned) {
  const v = versions[name];
  if (!v) throw new Error(`create-app's table has no ${name}`);
  return pinned ? v : `^${v}`;
}

module.exports = { releaseVersions, rangeOf, npmJson };
