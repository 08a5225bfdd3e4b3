export { incidentResourceRef, type IncidentResource, type IncidentAccessQuery } from './incidentResource';
export { incidentConditions, createIncidentConditionalDecision, incidentPermissionRules } from './rules';
export { IncidentAccess, isSenderToken, type ReadScope, type IncidentPermission } from './IncidentAccess';
export { loadIncidentResources } from './loadIncidentResources';
export type { IncidentAccessFilter } from './applyIncidentAccess';
