#!/usr/bin/env node
/*
 * The npm registry these machines reach lacks some platform-specific optional packages (macOS,
 * Windows, Android builds of swc, rollup and unrs). `npm install` then leaves them out of
 * package-lock.json, and `npm ci` refuses the lock as out of sync. This records each missing
 * optional package with the os and cpu its name declares, so `npm ci` skips it on this platform
 * exactly as it would with a complete lock. Run after `npm install` changes the lock.
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.resolve(__dirname, '../package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const OS = [
  'darwin',
  'win32',
  'linux',
  'android',
  'freebsd',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'wasi',
];
const CPU = [
  'arm64',
  'x64',
  'ia32',
  'arm',
  'ppc64',
  's390x',
  'riscv64',
  'loong64',
  'wasm32',
];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find(p => OS.includes(p));
  const cpu =
    parts.find(p => CPU.includes(p)) ??
    (parts.includes('arm') ? 'arm' : undefined);
  return { os: os === 'wasi' ? undefined : os, cpu };
}

let added = 0;
for (const [location, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = location ? `${location}/node_modules/` : 'node_modules/';
    const candidates = [`${base}${dep}`, `node_modules/${dep}`];
    if (candidates.some(c => lock.packages[c])) continue;
    const { os, cpu } = platformOf(dep);
    if (!os && !cpu) continue; // not a platform package: leave it to npm
    lock.packages[`node_modules/${dep}`] = {
      version,
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added++;
  }
}
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  `recorded ${added} optional platform packages missing from the registry`,
);
