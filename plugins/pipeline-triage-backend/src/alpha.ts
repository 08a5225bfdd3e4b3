/**
 * The triage engine for tools that run it outside a backend: the `pipeline-triage` CLI
 * (`@pipeline-triage/cli`) classifies files and scores labelled cases with it. Alpha: its shape
 * follows the engine and may change in any release.
 *
 * @packageDocumentation
 */
export {
  createTriageEngine,
  type EngineResult,
  type TriageContext,
  type TriageEngine,
  type TriageEngineOptions,
} from './engine';
export { normalizeEvents } from './ingest';
export { extractEvidenceFromStream } from './evidence';
export {
  AnthropicInvestigator,
  hybridClassify,
  ModelGate,
  readLlmConfig,
} from './investigate';
