import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readLlmConfig } from './llmConfig';

const read = (llm?: JsonObject) =>
  readLlmConfig(new ConfigReader(llm ? { pipelineTriage: { llm } } : {}));

describe('readLlmConfig', () => {
  it('is off without a key, on-demand, with the documented defaults', () => {
    expect(read()).toMatchObject({
      enabled: false,
      mode: 'on-demand',
      model: 'claude-sonnet-5',
      timeoutMs: 60_000,
      maxTokens: 4096,
      concurrency: 2,
      dailyTokenBudget: 2_000_000,
      confidenceThreshold: 0.8,
      routingWaitMs: 20_000,
    });
    expect(read({ enabled: true }).enabled).toBe(false);
  });

  it('turns on with a key unless disabled', () => {
    expect(read({ apiKey: 'k' }).enabled).toBe(true);
    expect(read({ apiKey: 'k', enabled: false }).enabled).toBe(false);
    expect(read({ apiKey: '  ' }).enabled).toBe(false);
  });

  it('names the key of a bad value', () => {
    expect(() => read({ mode: 'sometimes' })).toThrow(
      /^pipelineTriage\.llm\.mode: expected one of fallback, on-demand, always/,
    );
    expect(() => read({ confidenceThreshold: 2 })).toThrow(
      /^pipelineTriage\.llm\.confidenceThreshold/,
    );
  });
});
