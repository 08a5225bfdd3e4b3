export { incidentResourceRef, type IncidentResource, type IncidentAccessQuery } from './incidentResource';
export { incidentConditions, createIncidentConditionalDecision, incidentPermissionRules } from './rules';
export { IncidentAccess, isSenderToken, type ReadScope, type IncidentPermission } from './IncidentAccess';
export type { IncidentAccessFilter } from '../store';
