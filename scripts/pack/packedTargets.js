/*
 * What a packed package.json points at, and which of those files the tarball lacks.
 * Targets: main, module, types, browser, every string under exports (all conditions except
 * `backstage`, which names a feature type, not a file), typesVersions, bin and configSchema.
 */

function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([condition, v]) =>
    condition === 'backstage' ? [] : exportTargets(v),
  );
}

function packedTargets(manifest) {
  const targets = [];
  for (const field of ['main', 'module', 'types', 'typings', 'browser']) {
    if (typeof manifest[field] === 'string') {
      targets.push({ field, target: manifest[field] });
    }
  }
  for (const [subpath, value] of Object.entries(manifest.exports ?? {})) {
    for (const target of exportTargets(value)) {
      targets.push({ field: `exports["${subpath}"]`, target });
    }
  }
  for (const [range, map] of Object.entries(manifest.typesVersions ?? {})) {
    for (const [subpath, list] of Object.entries(map)) {
      for (const target of list) {
        targets.push({
          field: `typesVersions["${range}"]["${subpath}"]`,
          target,
        });
      }
    }
  }
  const bin =
    typeof manifest.bin === 'string'
      ? { [manifest.name]: manifest.bin }
      : manifest.bin;
  for (const [name, target] of Object.entries(bin ?? {})) {
    targets.push({ field: `bin["${name}"]`, target });
  }
  if (typeof manifest.configSchema === 'string') {
    targets.push({ field: 'configSchema', target: manifest.configSchema });
  }
  return targets;
}

const normalise = p => p.replace(/^\.\//, '').replace(/^package\//, '');

/** The targets of `manifest` that are not among `files` (paths as listed by `tar -t`). */
function missingTargets(manifest, files) {
  const present = new Set(files.map(normalise));
  return packedTargets(manifest).filter(
    ({ target }) => !present.has(normalise(target)),
  );
}

module.exports = { packedTargets, missingTargets };
