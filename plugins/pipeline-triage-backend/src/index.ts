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
/** The engine worker threads' entry point; exported so the build keeps its module for them to load. */
export { runEngineWorker } from './engine';
