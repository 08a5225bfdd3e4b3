/* The target check itself: it must report what a tarball lacks, or the pack test proves nothing. */
const test = require('node:test');
const assert = require('node:assert/strict');
const { missingTargets, packedTargets } = require('./packedTargets');

const manifest = {
  name: '@scope/plugin-x-backend',
  main: 'dist/index.cjs.js',
  types: 'dist/index.d.ts',
  exports: {
    '.': {
      backstage: '@backstage/BackendFeature',
      require: './dist/index.cjs.js',
      types: './dist/index.d.ts',
      default: './dist/index.cjs.js',
    },
    './alpha': { import: './dist/alpha.esm.js', types: './dist/alpha.d.ts' },
    './package.json': './package.json',
  },
  typesVersions: { '*': { alpha: ['dist/alpha.d.ts'] } },
  bin: { x: 'bin/x' },
  configSchema: 'config.schema.json',
};
const complete = [
  'package/package.json',
  'package/dist/index.cjs.js',
  'package/dist/index.d.ts',
  'package/dist/alpha.esm.js',
  'package/dist/alpha.d.ts',
  'package/bin/x',
  'package/config.schema.json',
];

test('a tarball holding every target has nothing missing', () => {
  assert.deepEqual(missingTargets(manifest, complete), []);
});

test('a missing exports condition target is reported with its subpath', () => {
  const files = complete.filter(f => f !== 'package/dist/alpha.esm.js');
  assert.deepEqual(missingTargets(manifest, files), [
    { field: 'exports["./alpha"]', target: './dist/alpha.esm.js' },
  ]);
});

test('main, types, typesVersions, bin and configSchema are all checked', () => {
  const fields = packedTargets(manifest).map(t => t.field);
  for (const f of [
    'main',
    'types',
    'typesVersions["*"]["alpha"]',
    'bin["x"]',
    'configSchema',
  ]) {
    assert.ok(fields.includes(f), f);
  }
  assert.deepEqual(
    missingTargets(manifest, ['package/package.json']).length,
    packedTargets(manifest).length - 1, // only ./package.json is present
  );
});

test('source entry points (the unpacked manifest) are reported missing', () => {
  const source = {
    name: 'y',
    main: 'src/index.ts',
    exports: { '.': './src/index.ts' },
  };
  assert.equal(missingTargets(source, complete).length, 2);
});

test('the backstage feature-type condition is not taken for a file', () => {
  assert.ok(
    !packedTargets(manifest).some(
      t => t.target === '@backstage/BackendFeature',
    ),
  );
});
