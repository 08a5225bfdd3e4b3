export * from './PipelineTriageApi';
export { PipelineTriageClient } from './PipelineTriageClient';
