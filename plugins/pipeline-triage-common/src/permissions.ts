import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Incidents are a resource type, so conditions can filter them in SQL.
 *
 * @public
 */
export const INCIDENT_RESOURCE_TYPE = 'pipeline-triage-incident';

/** @public */
export const incidentReadPermission = createPermission({
  name: 'pipeline-triage.incident.read',
  attributes: { action: 'read' },
  resourceType: INCIDENT_RESOURCE_TYPE,
});

/** @public */
export const incidentUpdatePermission = createPermission({
  name: 'pipeline-triage.incident.update',
  attributes: { action: 'update' },
  resourceType: INCIDENT_RESOURCE_TYPE,
});

/** @public */
export const incidentInvestigatePermission = createPermission({
  name: 'pipeline-triage.incident.investigate',
  attributes: {},
  resourceType: INCIDENT_RESOURCE_TYPE,
});

/** @public */
export const pipelineTriagePermissions = [
  incidentReadPermission,
  incidentUpdatePermission,
  incidentInvestigatePermission,
];
