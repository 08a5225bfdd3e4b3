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
// Data contracts: `classify --contract FILE` applies a contract's checks to an event as the
// backend does to a failed run's linked tables.
export {
  contractTableFor,
  detectViolations,
  isContractError,
  parseContract,
} from './contracts';
export { violationEvidence } from './findings';
export { extractEvidenceFromStream } from './evidence';
export {
  AnthropicInvestigator,
  hybridClassify,
  ModelGate,
  readLlmConfig,
} from './investigate';
// The types the functions above take and return, so the alpha API is complete.
export type { CompiledRuleSet, ExtraEvidence, RulePack } from './classify';
export type { Evidence, EvidenceLimits, LogSource } from './evidence';
export type { JobOutcome } from './policy';
export type { NormalizedItem } from './ingest';
export type {
  ContractError,
  ContractSource,
  ContractTable,
  DetectViolationsInput,
  ParsedContract,
  Violation,
} from './contracts';
export type {
  HybridVerdict,
  HypothesisSink,
  InvestigationPrompt,
  Investigator,
  LlmSettings,
  ModelInvestigation,
} from './investigate';
