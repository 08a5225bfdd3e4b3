import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@pipeline-triage/plugin-pipeline-triage-common';

/** Example values per annotation, so the snippet is copy-paste-then-edit. */
const EXAMPLES: Record<string, string> = {
  [ANNOTATIONS.openlineageJob]: 'my-namespace/my_job',
  [ANNOTATIONS.airflowDagId]: 'my_dag',
  [ANNOTATIONS.dbtUniqueId]: 'model.my_project.*',
  [ANNOTATIONS.glueJobName]: 'my-glue-job',
  [ANNOTATIONS.dagsterJob]: 'my_dagster_job',
  [ANNOTATIONS.openlineageDataset]: 'warehouse/analytics.my_table',
  [ANNOTATIONS.dataContract]: 'api:default/my-table-contract',
};

/** The annotations that fit the entity: tables name datasets, everything else names jobs. */
export function annotationsFor(entity: Entity): string[] {
  if (entity.kind.toLocaleLowerCase('en-US') === 'resource') {
    return [ANNOTATIONS.openlineageDataset, ANNOTATIONS.dataContract];
  }
  return [
    ANNOTATIONS.airflowDagId,
    ANNOTATIONS.dbtUniqueId,
    ANNOTATIONS.openlineageJob,
    ANNOTATIONS.glueJobName,
    ANNOTATIONS.dagsterJob,
  ];
}

/** A catalog-info.yaml fragment; one linking annotation is enough, so all but the first are comments. */
export function annotationExample(entity: Entity): string {
  const [first, ...rest] = annotationsFor(entity);
  const lines = [
    `apiVersion: ${entity.apiVersion}`,
    `kind: ${entity.kind}`,
    'metadata:',
    `  name: ${entity.metadata.name}`,
    '  annotations:',
    `    ${first}: ${EXAMPLES[first]}`,
    ...rest.map(name => `    # ${name}: ${EXAMPLES[name]}`),
  ];
  return lines.join('\n');
}
