import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { INCIDENT_RESOURCE_TYPE } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IncidentAccessQuery, IncidentResource } from '../store';

// Declared by the store, which turns their criteria into SQL; the permission rules read them.
export type { IncidentAccessQuery, IncidentResource };

/**
 * The incident resource type of this plugin, for the permissions registry and policies.
 *
 * @public
 */
export const incidentResourceRef = createPermissionResourceRef<
  IncidentResource,
  IncidentAccessQuery
>().with({
  pluginId: 'pipeline-triage',
  resourceType: INCIDENT_RESOURCE_TYPE,
});
