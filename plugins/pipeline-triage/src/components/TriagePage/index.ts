export { PipelineTriagePage } from './PipelineTriagePage';
