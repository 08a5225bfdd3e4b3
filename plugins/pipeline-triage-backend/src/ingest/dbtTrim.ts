import { type JsonObject, isObject } from './fields';

/** The manifest node fields dbtManifest.ts reads; the rest (code, docs, columns) is dropped. */
const NODE_FIELDS = [
  'name',
  'resource_type',
  'relation_name',
  'alias',
  'identifier',
  'schema',
  'database',
  'meta',
  'config',
  'source_meta',
  'group',
  'package_name',
  'compiled_path',
  'original_file_path',
  'contract',
  'test_metadata',
  'column_name',
  'attached_node',
  'depends_on',
  'checksum',
];

const NODE_SECTIONS = ['nodes', 'sources', 'unit_tests'];

/**
 * A dbt wrapper with only what the dbt adapter reads: of a manifest (often tens of MB), its
 * metadata, groups and the nodes the artifacts' results name (with the nodes a test is attached
 * to or depends on), each with the fields in NODE_FIELDS. Macros, docs, exposures, parent and
 * child maps and the nodes of the project that did not run are let go before normalizing.
 * Anything that is not a wrapper with a manifest comes back as it is.
 */
export function trimDbtPayload(payload: unknown): unknown {
  if (!isObject(payload) || !isObject(payload.manifest)) return payload;
  const manifest = payload.manifest;
  const wanted = new Set<string>();
  for (const artifact of [payload.run_results, payload.sources]) {
    const results = isObject(artifact) ? artifact.results : undefined;
    if (!Array.isArray(results)) continue;
    for (const r of results)
      if (isObject(r) && typeof r.unique_id === 'string')
        wanted.add(r.unique_id);
  }
  // A test's tested model is found through attached_node or depends_on.
  for (const id of [...wanted]) {
    const node = findNode(manifest, id);
    if (!node) continue;
    if (typeof node.attached_node === 'string') wanted.add(node.attached_node);
    const deps = isObject(node.depends_on) ? node.depends_on.nodes : undefined;
    if (Array.isArray(deps))
      for (const d of deps) if (typeof d === 'string') wanted.add(d);
  }
  const trimmed: JsonObject = {
    metadata: manifest.metadata,
    groups: manifest.groups,
  };
  for (const section of NODE_SECTIONS) {
    const nodes = manifest[section];
    if (!isObject(nodes)) continue;
    const kept: JsonObject = {};
    for (const id of wanted) {
      const node = nodes[id];
      if (isObject(node)) kept[id] = pick(node);
    }
    trimmed[section] = kept;
  }
  return { ...payload, manifest: trimmed };
}

function findNode(manifest: JsonObject, id: string): JsonObject | undefined {
  for (const section of NODE_SECTIONS) {
    const nodes = manifest[section];
    const node = isObject(nodes) ? nodes[id] : undefined;
    if (isObject(node)) return node;
  }
  return undefined;
}

function pick(node: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const field of NODE_FIELDS)
    if (node[field] !== undefined) out[field] = node[field];
  return out;
}
