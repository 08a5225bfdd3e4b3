#!/usr/bin/env node
/*
 * `npm start`: the example instance in development mode: the app on http://localhost:3000 and
 * the backend on :7007, SQLite in memory, the example catalog and failures loaded.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const child = spawn(
  'npx',
  ['backstage-cli', 'repo', 'start', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: path.resolve(__dirname, '..'),
  },
);
child.on('exit', code => process.exit(code ?? 1));
