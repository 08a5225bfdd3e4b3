export { EntityPipelineTriageCard } from './EntityPipelineTriageCard';
export type { EntityPipelineTriageCardProps } from './EntityPipelineTriageCard';
