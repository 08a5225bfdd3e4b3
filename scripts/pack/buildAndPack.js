/*
 * Builds every publishable package once (declarations by the root `tsc`, then
 * `backstage-cli package build`) and packs each with `npm pack`, which runs the package's
 * prepack/postpack (`backstage-cli package prepack|postpack`) exactly as a publish does.
 * Also used by the adoption test to obtain the tarballs it publishes.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { publishablePackages, ROOT } = require('./publishablePackages');

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed in ${
        path.relative(ROOT, cwd) || '.'
      } (exit ${r.status}):\n${r.stdout}\n${r.stderr}`,
    );
  }
  return r.stdout;
}

/** Resolves to `[{ name, dir, manifest, tarball }]`, one per publishable package, tarballs in `dest`. */
function buildAndPack(dest, { log = () => {} } = {}) {
  const packages = publishablePackages();
  log('tsc (declarations for the package builds)');
  run('npx', ['tsc'], ROOT);
  for (const p of packages) {
    log(`build ${p.manifest.name}`);
    run('npx', ['backstage-cli', 'package', 'build'], p.dir);
  }
  return packages.map(p => {
    log(`pack ${p.manifest.name}`);
    const out = run(
      'npm',
      ['pack', '--pack-destination', dest, '--loglevel', 'error'],
      p.dir,
    );
    const file = out.trim().split('\n').pop().trim();
    return { ...p, name: p.manifest.name, tarball: path.join(dest, file) };
  });
}

module.exports = { buildAndPack };
