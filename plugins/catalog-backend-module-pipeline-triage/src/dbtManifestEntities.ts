import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  normaliseName,
  PIPELINE_COMPONENT_TYPE,
  TABLE_RESOURCE_TYPE,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/** Marks entities derived from a dbt manifest, so hand-annotated ones win when both match. */
export const DERIVED_FROM_ANNOTATION = ANNOTATIONS.derivedFrom;

/** The parts of dbt's `manifest.json` the links need (any manifest schema v7 and later). */
export interface DbtManifest {
  metadata?: { project_name?: string };
  nodes?: Record<string, DbtNode>;
  sources?: Record<string, DbtNode>;
  groups?: Record<
    string,
    { name: string; owner?: { name?: string; email?: string } }
  >;
}

interface DbtNode {
  unique_id: string;
  resource_type: string;
  name: string;
  database?: string | null;
  schema?: string;
  alias?: string | null;
  identifier?: string;
  relation_name?: string | null;
  description?: string;
  group?: string | null;
  meta?: Record<string, unknown>;
  config?: { meta?: Record<string, unknown>; group?: string | null };
  depends_on?: { nodes?: string[] };
}

export interface DbtEntityOptions {
  /** The Backstage owner when a model names none (no `meta.owner`, no group). */
  defaultOwner: string;
  /** `url:...` or `file:...`, for the managed-by-location annotations. */
  location: string;
}

/** `ANALYTICS.SHOP.ORDERS` from a node; quotes dropped, as OpenLineage names relations. */
function relationOf(node: DbtNode): string | undefined {
  const fromParts = [
    node.database,
    node.schema,
    node.alias ?? node.identifier ?? node.name,
  ]
    .filter(Boolean)
    .join('.');
  const relation = node.relation_name
    ? node.relation_name.replace(/["`[\]]/g, '')
    : fromParts;
  return relation || undefined;
}

/**
 * Who owns a model: its `meta.owner` (an entity ref or a group name), else its dbt group's
 * name as a Backstage group (the convention: dbt groups are named like catalog groups), else
 * the group owner's name, else the default.
 */
function ownerOf(
  node: DbtNode,
  manifest: DbtManifest,
  fallback: string,
): string {
  const meta = { ...(node.config?.meta ?? {}), ...(node.meta ?? {}) };
  if (typeof meta.owner === 'string' && meta.owner.trim())
    return meta.owner.trim();
  const groupName = node.group ?? node.config?.group;
  if (groupName) {
    const group = Object.values(manifest.groups ?? {}).find(
      g => g.name === groupName,
    );
    return `group:${normaliseName(group?.name ?? groupName)}`;
  }
  return fallback;
}

/**
 * Catalog entities for a dbt project: each model a `data-pipeline` Component annotated with its
 * unique id, each model's and source's relation a `table` Resource annotated with its name,
 * with the model reading its inputs and writing its own table, all owned as the manifest says.
 */
export function dbtManifestEntities(
  manifest: DbtManifest,
  options: DbtEntityOptions,
): Entity[] {
  const project = manifest.metadata?.project_name ?? 'dbt';
  const annotations = (extra: Record<string, string>) => ({
    'backstage.io/managed-by-location': options.location,
    'backstage.io/managed-by-origin-location': options.location,
    [DERIVED_FROM_ANNOTATION]: 'dbt-manifest',
    ...extra,
  });
  const tableName = (relation: string) =>
    normaliseName(relation).slice(0, 63).replace(/-+$/, '');
  const tables = new Map<
    string,
    { relation: string; owner: string; description?: string }
  >();
  const tableOf = new Map<string, string>();
  const all = [
    ...Object.values(manifest.nodes ?? {}),
    ...Object.values(manifest.sources ?? {}),
  ];
  for (const node of all) {
    if (!['model', 'source', 'seed', 'snapshot'].includes(node.resource_type))
      continue;
    const relation = relationOf(node);
    if (!relation) continue;
    const name = tableName(relation);
    tableOf.set(node.unique_id, name);
    if (!tables.has(name))
      tables.set(name, {
        relation,
        owner: ownerOf(node, manifest, options.defaultOwner),
        description: node.description,
      });
  }

  const entities: Entity[] = [];
  for (const [name, table] of tables) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name,
        title: table.relation,
        ...(table.description ? { description: table.description } : {}),
        annotations: annotations({
          [ANNOTATIONS.openlineageDataset]: table.relation,
        }),
      },
      spec: { type: TABLE_RESOURCE_TYPE, owner: table.owner },
    });
  }
  for (const node of Object.values(manifest.nodes ?? {})) {
    if (node.resource_type !== 'model') continue;
    const inputs = (node.depends_on?.nodes ?? [])
      .map(id => tableOf.get(id))
      .filter((t): t is string => Boolean(t));
    const output = tableOf.get(node.unique_id);
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `dbt-${normaliseName(`${project}-${node.name}`)}`
          .slice(0, 63)
          .replace(/-+$/, ''),
        title: `${project}.${node.name}`,
        ...(node.description ? { description: node.description } : {}),
        annotations: annotations({ [ANNOTATIONS.dbtUniqueId]: node.unique_id }),
      },
      spec: {
        type: PIPELINE_COMPONENT_TYPE,
        lifecycle: 'production',
        owner: ownerOf(node, manifest, options.defaultOwner),
        dependsOn: [...new Set(inputs)].map(t => `resource:${t}`),
        ...(output ? { dependencyOf: [`resource:${output}`] } : {}),
      },
    });
  }
  return entities;
}
