/** Investigations of an incident (model or rule-based) and attached evidence; the model-assisted classification the CLI's eval uses. */
export { createInvestigation } from './createInvestigation';
export { AnthropicInvestigator } from './AnthropicInvestigator';
export { hybridClassify } from './hybridClassify';
export { readLlmConfig } from './llmConfig';
export { ModelGate } from './ModelGate';
