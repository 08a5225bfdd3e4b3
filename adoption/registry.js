/*
 * The throwaway registry of the adoption test: Verdaccio on a random local port with its storage
 * in a temp folder. Our scope is served from that storage only (never looked up upstream); every
 * other package, @backstage/* included, comes through its uplink to the registry npm is set to.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const SCOPE = '@pipeline-triage';

function upstreamRegistry() {
  const out = spawnSync('npm', ['config', 'get', 'registry'], {
    encoding: 'utf8',
  });
  return (out.stdout || '').trim() || 'https://registry.npmjs.org/';
}

/** Starts Verdaccio in a child process (the tests block the event loop with spawnSync). */
async function startRegistry(dir, port) {
  const storage = path.join(dir, 'storage');
  fs.mkdirSync(storage, { recursive: true });
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(storage)}`,
      `auth:`,
      `  htpasswd:`,
      `    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}`,
      `uplinks:`,
      `  upstream:`,
      `    url: ${JSON.stringify(upstreamRegistry())}`,
      `    timeout: 120s`,
      `    maxage: 60m`,
      // Upstream tarballs are streamed through, not kept: the storage holds only our packages.
      `    cache: false`,
      `packages:`,
      `  '${SCOPE}/*':`,
      `    access: $all`,
      `    publish: $authenticated`,
      `    unpublish: $authenticated`,
      `  '**':`,
      `    access: $all`,
      `    proxy: upstream`,
      `server:`,
      `  keepAliveTimeout: 60`,
      `max_body_size: 200mb`,
      `log: { type: stdout, format: pretty, level: warn }`,
      '',
    ].join('\n'),
  );
  const log = fs.openSync(path.join(dir, 'verdaccio.log'), 'w');
  const child = spawn(
    process.execPath,
    [
      require.resolve('verdaccio/bin/verdaccio', { paths: [root] }),
      '--config',
      config,
      '--listen',
      `127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', log, log], detached: true },
  );
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const up = await fetch(`${url}-/ping`).then(
      r => r.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null) break;
    await new Promise(r => setTimeout(r, 250));
  }
  if (child.exitCode !== null || Date.now() >= deadline) {
    throw new Error(
      `Verdaccio did not start on ${url}: ${fs.readFileSync(
        path.join(dir, 'verdaccio.log'),
        'utf8',
      )}`,
    );
  }
  // A publisher account (htpasswd creates it on first login) and its token.
  const res = await fetch(`${url}-/user/org.couchdb.user:adoption`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'adoption',
      password: 'adoption-throwaway',
      type: 'user',
      roles: [],
      date: new Date().toISOString(),
    }),
  });
  const body = await res.json();
  if (!body.token)
    throw new Error(`Verdaccio gave no token: ${JSON.stringify(body)}`);
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  return { url, token: body.token, stop };
}

/** Our workspace packages that are meant to be published, dependencies first. */
function publishablePackages() {
  const dirs = ['plugins', 'packages'].flatMap(parent =>
    fs
      .readdirSync(path.join(root, parent))
      .map(name => path.join(root, parent, name))
      .filter(dir => fs.existsSync(path.join(dir, 'package.json'))),
  );
  const pkgs = dirs
    .map(dir => ({
      dir,
      json: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')),
    }))
    .filter(p => !p.json.private && p.json.name.startsWith(`${SCOPE}/`));
  const names = new Set(pkgs.map(p => p.json.name));
  const ordered = [];
  const visit = (p, seen = new Set()) => {
    if (ordered.includes(p) || seen.has(p)) return;
    seen.add(p);
    for (const dep of Object.keys(p.json.dependencies ?? {})) {
      if (names.has(dep))
        visit(
          pkgs.find(q => q.json.name === dep),
          seen,
        );
    }
    ordered.push(p);
  };
  pkgs.forEach(p => visit(p));
  return ordered;
}

function run(cmd, args, opts) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (res.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed in ${opts.cwd}`);
}

/**
 * Builds every publishable package and publishes it: declarations first (tsc at the root, as the
 * Backstage build reads dist-types), then each package's build and `npm publish`, which packs
 * what an adopter downloads (prepack rewrites main/types/exports to dist).
 */
function buildAndPublish(registry, npmrc) {
  const pkgs = publishablePackages();
  // CI runs `npm test` (whose packing test builds every package from this tree) just before:
  // ADOPTION_REUSE_BUILD=1 publishes those builds instead of building them again.
  const reuse =
    process.env.ADOPTION_REUSE_BUILD === '1' &&
    pkgs.every(({ dir }) => fs.existsSync(path.join(dir, 'dist')));
  if (!reuse) run('npx', ['tsc'], { cwd: root });
  const published = {};
  for (const { dir, json } of pkgs) {
    if (!reuse) run('npx', ['backstage-cli', 'package', 'build'], { cwd: dir });
    const env = { ...process.env, npm_config_userconfig: npmrc };
    const hasPrepack = Boolean(json.scripts?.prepack);
    if (!hasPrepack)
      run('npx', ['backstage-cli', 'package', 'prepack'], { cwd: dir });
    try {
      run(
        'npm',
        [
          'publish',
          '--registry',
          registry,
          '--access',
          'public',
          '--tag',
          'latest',
          '--loglevel',
          'warn',
        ],
        { cwd: dir, env },
      );
    } finally {
      if (!hasPrepack)
        run('npx', ['backstage-cli', 'package', 'postpack'], { cwd: dir });
    }
    published[json.name] = json.version;
  }
  return published;
}

module.exports = { startRegistry, buildAndPublish, publishablePackages };
