import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  type UnlinkedName,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { CatalogIndex } from './CatalogIndex';

/**
 * The annotation that links a name, as YAML to paste under an entity's `metadata`. The value is
 * a JSON string, which YAML reads as the same string whatever it holds (`s3://`, `:`, `#`).
 */
export function linkingSnippet(kind: 'job' | 'dataset', name: string): string {
  const annotation =
    kind === 'job'
      ? ANNOTATIONS.openlineageJob
      : ANNOTATIONS.openlineageDataset;
  return `metadata:\n  annotations:\n    ${annotation}: ${JSON.stringify(
    name,
  )}\n`;
}

/** Each unknown name with the entities it probably belongs to and the snippet that links it. */
export function withSuggestions(
  index: CatalogIndex,
  names: UnlinkedName[],
): UnlinkedName[] {
  return names.map(n => ({
    ...n,
    candidates: index.candidatesFor(n.kind, n.name).map(e => ({
      entityRef: stringifyEntityRef(e),
      title: e.metadata.title ?? e.metadata.name,
    })),
    snippet: linkingSnippet(n.kind, n.name),
  }));
}
