/**
 * The Pipeline Triage backend plugin.
 *
 * @packageDocumentation
 */
export { pipelineTriagePlugin as default } from './plugin';
