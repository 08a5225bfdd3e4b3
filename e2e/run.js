#!/usr/bin/env node
/*
 * `npm run test:e2e`: builds the app once, boots the example backend (which serves the built app
 * on :7007 with the example catalog and failures), runs the browser tests in e2e/tests with
 * Debian's chromium through playwright-core, and stops the backend. The new-frontend-system app
 * (packages/app-next) is built and served beside it (E2E_NEXT_URL). Prints `N passed, N failed`.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { CHROMIUM, BASE_URL, waitFor } = require('./support');
const { freePort, buildAppNext, serveAppNext } = require('./appNext');

const root = path.resolve(__dirname, '..');

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(
      `Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium).`,
    );
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  }
  const appDist = path.join(root, 'packages/app/dist/index.html');
  if (process.env.E2E_SKIP_BUILD !== '1' || !fs.existsSync(appDist)) {
    console.log('Building the app (once)...');
    const build = spawnSync('npx', ['backstage-cli', 'package', 'build'], {
      cwd: path.join(root, 'packages/app'),
      stdio: 'inherit',
      env: { ...process.env, APP_CONFIG_app_baseUrl: BASE_URL },
    });
    if (build.status !== 0) {
      console.log('e2e: 0 passed, 1 failed');
      process.exit(1);
    }
  }

  // The same app on the new frontend system, served on its own port (see appNext.js).
  const nextPort = await freePort();
  const nextUrl = `http://localhost:${nextPort}`;
  console.log('Building the new-frontend-system app (once)...');
  if (!buildAppNext(nextUrl)) {
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  }

  const logFile = path.join(root, 'e2e/output/backend.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const backend = spawn(
    'npx',
    [
      'backstage-cli',
      'package',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../e2e/app-config.e2e.yaml',
    ],
    {
      cwd: path.join(root, 'packages/backend'),
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
  const stop = () => {
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);

  let code = 1;
  let nextServer;
  try {
    await waitFor(`${BASE_URL}/api/pipeline-triage/health`, 180_000);
    console.log(
      `Backend up on ${BASE_URL} (log: ${path.relative(root, logFile)})`,
    );
    nextServer = await serveAppNext(nextPort, BASE_URL);
    console.log(`New-frontend-system app on ${nextUrl}`);
    const files = fs
      .readdirSync(path.join(__dirname, 'tests'))
      .filter(f => f.endsWith('.test.js'))
      // `npm run test:e2e -- scale views` runs only the files whose names contain those words.
      .filter(
        f =>
          process.argv.length <= 2 ||
          process.argv.slice(2).some(word => f.includes(word)),
      )
      .map(f => path.join('e2e/tests', f));
    const run = spawnSync(
      process.execPath,
      ['--test', '--test-concurrency=1', ...files],
      {
        cwd: root,
        env: { ...process.env, E2E_BASE_URL: BASE_URL, E2E_NEXT_URL: nextUrl },
        encoding: 'utf8',
      },
    );
    process.stdout.write(run.stdout);
    process.stderr.write(run.stderr);
    const count = name =>
      Number(
        (run.stdout.match(new RegExp(`^# ${name} (\\d+)`, 'm')) ?? [])[1] ?? 0,
      );
    const passed = count('pass');
    const failed =
      count('fail') + (run.status !== 0 && count('fail') === 0 ? 1 : 0);
    console.log(`e2e: ${passed} passed, ${failed} failed`);
    code = run.status === 0 ? 0 : 1;
  } catch (error) {
    console.error(String(error));
    console.error(
      fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'),
    );
    console.log('e2e: 0 passed, 1 failed');
  } finally {
    nextServer?.kill();
    stop();
  }
  process.exit(code);
}

main();
