import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PREFIX,
  CONTRACT_API_TYPE,
  PIPELINE_COMPONENT_TYPE,
  TABLE_RESOURCE_TYPE,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/** The Group type incidents are routed to and that owns pipelines. */
const TEAM_GROUP_TYPE = 'team';

/** Per kind, the spec type the plugin serves without any annotation. */
const SERVED_TYPES: Record<string, string> = {
  component: PIPELINE_COMPONENT_TYPE,
  resource: TABLE_RESOURCE_TYPE,
  api: CONTRACT_API_TYPE,
  group: TEAM_GROUP_TYPE,
};

/**
 * Whether an entity gets the Pipeline Triage tab and card: a pipeline, table, contract or team
 * by its spec type, or any entity carrying a `pipeline-triage.io/*` annotation (a service or
 * database with `hosts`, a team with a runbook). Plain components, APIs and groups do not.
 * Use it in a legacy `EntitySwitch.Case` or `EntityLayout.Route`'s `if`; the new frontend
 * system's extensions use the same predicate.
 *
 * @public
 */
export function isPipelineTriageAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  const annotated = Object.entries(annotations).some(
    ([name, value]) =>
      name.startsWith(`${ANNOTATION_PREFIX}/`) && Boolean(value?.trim()),
  );
  if (annotated) return true;
  const type = entity.spec?.type;
  if (typeof type !== 'string') return false;
  const served = SERVED_TYPES[entity.kind.toLocaleLowerCase('en-US')];
  return served !== undefined && served === type.toLocaleLowerCase('en-US');
}
