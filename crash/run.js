#!/usr/bin/env node
/*
 * `npm run test:crash`: the crash-safety tests (real backend processes, a fresh PostgreSQL
 * database at 127.0.0.1:5432, SIGKILL under load; SIGKILL while PagerDuty is down). Prints `crash: N passed, N failed`.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { reachable } = require('../scripts/postgres');

async function main() {
  if (!(await reachable())) {
    console.error(
      'PostgreSQL is not reachable on 127.0.0.1:5432: the crash test needs it (see README).',
    );
    console.log('crash: 0 passed, 1 failed');
    process.exit(1);
  }
  const run = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-concurrency=1',
      path.join(__dirname, 'crash.test.js'),
      path.join(__dirname, 'outbox.test.js'),
    ],
    {
      cwd: path.resolve(__dirname, '..'),
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
  console.log(`crash: ${passed} passed, ${failed} failed`);
  process.exit(run.status === 0 ? 0 : 1);
}

main();
