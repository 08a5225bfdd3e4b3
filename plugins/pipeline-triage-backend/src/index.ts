/**
 * The Pipeline Triage backend plugin.
 *
 * @packageDocumentation
 */
export { pipelineTriagePlugin as default } from './plugin';
export {
  incidentConditions,
  createIncidentConditionalDecision,
  incidentPermissionRules,
  incidentResourceRef,
  IncidentAccess,
  type IncidentResource,
  type IncidentAccessQuery,
  type IncidentAccessFilter,
  type IncidentPermission,
  type ReadScope,
} from './permissions';
