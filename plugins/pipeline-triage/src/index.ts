/**
 * Pipeline Triage frontend: triage history, incident details and failure trends on entity
 * pages, plus an org-wide page.
 *
 * @packageDocumentation
 */
export {
  pipelineTriagePlugin,
  PipelineTriagePage,
  EntityPipelineTriageContent,
  EntityPipelineTriageCard,
} from './plugin';
export {
  pipelineTriageApiRef,
  PipelineTriageClient,
  type PipelineTriageApi,
  type IncidentQuery,
  type IncidentUpdate,
  type IncidentAction,
  type TrendsQuery,
  type TrendsGroupBy,
  type EntityTriageStatus,
  type TriageStats,
  type FindingsQuery,
  type EvidenceAttachment,
} from './api';
export type { EntityPipelineTriageCardProps } from './components/EntityCard';
export type { EntityPipelineTriageContentProps } from './components/EntityTab';
export { rootRouteRef as pipelineTriageRouteRef } from './routes';
export { isPipelineTriageAvailable } from './isPipelineTriageAvailable';
