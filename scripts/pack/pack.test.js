/*
 * Builds and packs every publishable package once, then checks each tarball as a registry
 * would serve it: main, types, module, every exports/typesVersions target, bin and config
 * schema exist inside it; no entry point names src/; the scope is public; a LICENSE ships.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { buildAndPack } = require('./buildAndPack');
const { missingTargets, packedTargets } = require('./packedTargets');

function tar(args) {
  const r = spawnSync('tar', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-pack-'));
const packed = buildAndPack(dest, { log: m => console.log(`# ${m}`) });

for (const p of packed) {
  test(`${p.name} packs with every entry point inside the tarball`, () => {
    const files = tar(['-tzf', p.tarball]).split('\n').filter(Boolean);
    const manifest = JSON.parse(
      tar(['-xzOf', p.tarball, 'package/package.json']),
    );
    assert.ok(!manifest.name.startsWith('@internal/'), manifest.name);
    assert.ok(manifest.main, 'main is set');
    // The `cli` role builds CommonJS only: a command has no types to ship.
    if (manifest.backstage?.role !== 'cli') {
      assert.ok(manifest.types, 'types is set');
    }
    assert.deepEqual(missingTargets(manifest, files), []);
    const fromSource = packedTargets(manifest).filter(t =>
      /(^|\/)src\//.test(t.target),
    );
    assert.deepEqual(fromSource, [], 'no entry point left on src/');
    assert.ok(files.includes('package/LICENSE'), 'LICENSE is packed');
    assert.ok(files.includes('package/README.md'), 'README.md is packed');
  });

  test(`${p.name}: postpack restored the workspace package.json`, () => {
    assert.ok(!fs.existsSync(path.join(p.dir, 'package.json-prepack')));
    const now = JSON.parse(
      fs.readFileSync(path.join(p.dir, 'package.json'), 'utf8'),
    );
    assert.deepEqual(now, p.manifest);
  });
}
