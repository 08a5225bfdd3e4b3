import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { INCIDENT_RESOURCE_TYPE } from '@internal/plugin-pipeline-triage-common';

/** What the permission rules look at on one incident (loaded by `loadIncidentResources`). */
export interface IncidentResource {
  id: string;
  /** Owner of the incident's job entity, e.g. group:default/data-platform. */
  ownerRef?: string;
  /** The team (or user) the incident is routed to. */
  routedTo?: string;
  environment: string;
  /** Every entity the incident is filed under: job, inputs, outputs, contracts, owners. */
  entityRefs: string[];
}

/**
 * A rule's query form: one column or the entity index matched against a list of values. The
 * store turns a criteria tree of these into a knex where-clause (`applyIncidentAccess`).
 */
export type IncidentAccessQuery =
  | { column: 'owner_ref' | 'routed_to' | 'environment'; values: string[] }
  | { entityRefs: string[] };

/** The incident resource type of this plugin, for the permissions registry and policies. */
export const incidentResourceRef = createPermissionResourceRef<IncidentResource, IncidentAccessQuery>().with({
  pluginId: 'pipeline-triage',
  resourceType: INCIDENT_RESOURCE_TYPE,
});
