#!/usr/bin/env node
/*
 * `npm run test:pack`: builds and packs every publishable package (scripts/pack/pack.test.js)
 * and checks the target check itself (packedTargets.test.js). Prints `pack: N passed, N failed`.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const run = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    path.join(__dirname, 'packedTargets.test.js'),
    path.join(__dirname, 'pack.test.js'),
  ],
  { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' },
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
console.log(`pack: ${passed} passed, ${failed} failed`);
process.exit(run.status === 0 ? 0 : 1);
