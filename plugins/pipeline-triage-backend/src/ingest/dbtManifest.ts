import { type JsonObject, isObject } from './fields';

/**
 * Lookups in a dbt manifest.json. The manifest is context, not the event: it is read
 * defensively and never makes a payload invalid. A forwarder may send a trimmed manifest with
 * only `metadata`, `nodes`, `sources` and `groups`.
 */
export interface ManifestNode {
  uniqueId: string;
  name?: string;
  resourceType?: string;
  relation?: string;
  owners: string[];
  codePath?: string;
  contractEnforced?: boolean;
  /** For generic tests: the test macro (`unique`, `not_null`, ...) and its column. */
  testName?: string;
  testColumn?: string;
  /** For tests: the node the test is attached to. */
  attachedNode?: string;
  dependsOn: string[];
  /** The node's file checksum (`checksum.checksum`): changes when its code changes. */
  checksum?: string;
  /** A fingerprint of the node's config (materialization, incremental strategy, ...). */
  config?: JsonObject;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function obj(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

/** `"analytics"."marts"."fct_orders"` → `analytics.marts.fct_orders` */
export function cleanRelation(relation: string): string {
  return relation.replace(/["`[\]]/g, '');
}

export class DbtManifest {
  constructor(private readonly manifest: JsonObject | undefined) {}

  node(uniqueId: string): ManifestNode | undefined {
    const m = this.manifest;
    const raw =
      obj(obj(m?.nodes)?.[uniqueId]) ??
      obj(obj(m?.sources)?.[uniqueId]) ??
      obj(obj(m?.unit_tests)?.[uniqueId]);
    if (!raw) return undefined;
    const config = obj(raw.config);
    const testMetadata = obj(raw.test_metadata);
    const contract = obj(raw.contract) ?? obj(config?.contract);
    const dependsOn = obj(raw.depends_on)?.nodes;
    return {
      uniqueId,
      name: str(raw.name),
      resourceType: str(raw.resource_type),
      relation: relationOf(raw),
      owners: this.ownersOf(raw),
      codePath: str(raw.compiled_path) ?? str(raw.original_file_path),
      contractEnforced:
        typeof contract?.enforced === 'boolean' ? contract.enforced : undefined,
      testName: str(testMetadata?.name),
      testColumn:
        str(obj(testMetadata?.kwargs)?.column_name) ?? str(raw.column_name),
      attachedNode: str(raw.attached_node),
      dependsOn: Array.isArray(dependsOn)
        ? dependsOn.filter((n): n is string => !!str(n))
        : [],
      checksum: str(obj(raw.checksum)?.checksum),
      config,
    };
  }

  /** `meta.owner` (a name or a list), then the owner of the node's group. */
  private ownersOf(raw: JsonObject): string[] {
    const config = obj(raw.config);
    const owners: string[] = [];
    for (const meta of [
      obj(raw.meta),
      obj(config?.meta),
      obj(raw.source_meta),
    ]) {
      const owner = meta?.owner;
      if (typeof owner === 'string') owners.push(owner);
      if (Array.isArray(owner))
        owners.push(...owner.filter((o): o is string => !!str(o)));
    }
    const group = str(raw.group) ?? str(config?.group);
    const pkg = str(raw.package_name);
    if (group && pkg) {
      const owner = obj(
        obj(obj(this.manifest?.groups)?.[`group.${pkg}.${group}`])?.owner,
      );
      const who = str(owner?.email) ?? str(owner?.name);
      if (who) owners.push(who);
    }
    return [...new Set(owners.map(o => o.trim()).filter(Boolean))];
  }
}

function relationOf(raw: JsonObject): string | undefined {
  const relation = str(raw.relation_name);
  if (relation) return cleanRelation(relation);
  const name = str(raw.alias) ?? str(raw.identifier);
  const schema = str(raw.schema);
  if (!name || !schema) return undefined;
  return [str(raw.database), schema, name].filter(Boolean).join('.');
}
