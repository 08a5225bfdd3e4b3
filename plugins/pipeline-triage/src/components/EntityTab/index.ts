export { EntityPipelineTriageContent } from './EntityPipelineTriageContent';
export type { EntityPipelineTriageContentProps } from './EntityPipelineTriageContent';
