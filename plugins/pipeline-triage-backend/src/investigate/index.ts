/** Investigations of an incident (model or rule-based) and attached evidence; the model-assisted classification the CLI's eval uses. */
export { createInvestigation } from './createInvestigation';
export { AnthropicInvestigator } from './AnthropicInvestigator';
export { hybridClassify } from './hybridClassify';
export { readLlmConfig } from './llmConfig';
export { ModelGate } from './ModelGate';
export type { HybridVerdict } from './hybridClassify';
export type { HypothesisSink, Investigator } from './AnthropicInvestigator';
export type { InvestigationPrompt } from './buildInvestigationContext';
export type { LlmSettings } from './llmConfig';
export type { ModelInvestigation } from './investigationSchema';
