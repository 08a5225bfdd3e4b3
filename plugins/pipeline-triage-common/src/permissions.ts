import { createPermission } from '@backstage/plugin-permission-common';

/** Incidents are a resource type, so conditions can filter them in SQL. */
export const INCIDENT_RESOURCE_TYPE = 'pipeline-triage-incident';

export const incidentReadPermission = createPermission({
  name: 'pipeline-triage.incident.read',
  attributes: { action: 'read' },
  resourceType: INCIDENT_RESOURCE_TYPE,
});

export const incidentUpdatePermission = createPermission({
  name: 'pipeline-triage.incident.update',
  attributes: { action: 'update' },
  resourceType: INCIDENT_RESOURCE_TYPE,
});

export const incidentInvestigatePermission = createPermission({
  name: 'pipeline-triage.incident.investigate',
  attributes: {},
  resourceType: INCIDENT_RESOURCE_TYPE,
});

export const pipelineTriagePermissions = [
  incidentReadPermission,
  incidentUpdatePermission,
  incidentInvestigatePermission,
];
