#!/usr/bin/env node
/*
 * `npm test`: every workspace's jest tests, with PostgreSQL whenever one is reachable, then the
 * crash test (`npm run test:crash`) when PostgreSQL is there and the Airflow package's Python
 * tests (`npm run test:python`) and the packing test (`npm run test:pack`: every publishable
 * package built and packed, its entry points checked inside the tarball), all three only when no
 * jest arguments were given.
 * Under CI=true an unreachable PostgreSQL fails the run instead of silently skipping.
 * Prints a closing `N passed, N failed` line summing both; extra arguments go to jest.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { reachable, connectionString } = require('./postgres');

const ENV_KEY = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

async function main() {
  const env = { ...process.env };
  if (!env[ENV_KEY]) {
    if (await reachable()) {
      env[ENV_KEY] = connectionString();
      console.log(
        `PostgreSQL found: database tests run on SQLite and ${env[ENV_KEY]}`,
      );
    } else if (env.CI === 'true') {
      console.error(
        'PostgreSQL is not reachable on 127.0.0.1:5432 and CI=true: the database tests must run on it. Start it (see README) and retry.',
      );
      process.exit(1);
    } else {
      console.warn(
        'WARNING: no PostgreSQL on 127.0.0.1:5432; database tests run on SQLite only.',
      );
    }
  }
  const results = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'pt-jest-')),
    'results.json',
  );
  const run = spawnSync(
    'npx',
    [
      'backstage-cli',
      'repo',
      'test',
      '--watchAll=false',
      '--json',
      `--outputFile=${results}`,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env, cwd: path.resolve(__dirname, '..') },
  );
  let passed = 0;
  let failed = 0;
  if (fs.existsSync(results)) {
    const r = JSON.parse(fs.readFileSync(results, 'utf8'));
    passed = r.numPassedTests;
    failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  } else {
    failed = 1;
  }
  console.log(`unit: ${passed} passed, ${failed} failed`);
  let ok = run.status === 0 && failed === 0;
  if (env[ENV_KEY] && process.argv.length <= 2) {
    const crash = spawnSync(
      process.execPath,
      [path.resolve(__dirname, '../crash/run.js')],
      { encoding: 'utf8', env },
    );
    process.stdout.write(crash.stdout);
    process.stderr.write(crash.stderr);
    const line = crash.stdout.match(/^crash: (\d+) passed, (\d+) failed/m);
    passed += line ? Number(line[1]) : 0;
    failed += line ? Number(line[2]) : 1;
    ok = ok && crash.status === 0;
  }
  if (process.argv.length <= 2) {
    // The Airflow package's stdlib tests (examples/airflow), counted in the same closing line.
    const py = spawnSync(
      'python3',
      [path.resolve(__dirname, '../examples/airflow/tests/run.py')],
      { encoding: 'utf8', env },
    );
    process.stdout.write(py.stdout ?? '');
    process.stderr.write(py.stderr ?? '');
    const line = (py.stdout ?? '').match(
      /^python: (\d+) passed, (\d+) failed/m,
    );
    passed += line ? Number(line[1]) : 0;
    failed += line ? Number(line[2]) : 1;
    ok = ok && py.status === 0;
  }
  if (process.argv.length <= 2) {
    // Every publishable package built and packed; its entry points must exist in the tarball.
    const pack = spawnSync(
      process.execPath,
      [path.resolve(__dirname, 'pack/run.js')],
      { encoding: 'utf8', env, maxBuffer: 64 << 20 },
    );
    process.stdout.write(pack.stdout ?? '');
    process.stderr.write(pack.stderr ?? '');
    const line = (pack.stdout ?? '').match(
      /^pack: (\d+) passed, (\d+) failed/m,
    );
    passed += line ? Number(line[1]) : 0;
    failed += line ? Number(line[2]) : 1;
    ok = ok && pack.status === 0;
  }
  console.log(`test: ${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

main();
