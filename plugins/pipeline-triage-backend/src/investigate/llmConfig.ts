import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

export type LlmMode = 'fallback' | 'on-demand' | 'always';

/** @alpha */
export interface LlmSettings {
  /** True only when enabled and a key is configured; otherwise investigations are rule-based. */
  enabled: boolean;
  apiKey?: string;
  model: string;
  baseUrl?: string;
  timeoutMs: number;
  maxTokens: number;
  maxRetries: number;
  concurrency: number;
  dailyTokenBudget: number;
  mode: LlmMode;
  confidenceThreshold: number;
  routingWaitMs: number;
  /** Consecutive failures that open the circuit, and how long it stays open. */
  circuitFailures: number;
  circuitOpenMs: number;
}

// claude-sonnet-4-5 reaches end of life on 2026-11-30 (the SDK warns); Sonnet 5 is the current Sonnet.
export const DEFAULT_MODEL = 'claude-sonnet-5';
const MODES: LlmMode[] = ['fallback', 'on-demand', 'always'];

/**
 * Reads `pipelineTriage.llm` (documented in config.d.ts).
 *
 * @alpha
 */
export function readLlmConfig(config: Config): LlmSettings {
  const c = config.getOptionalConfig('pipelineTriage.llm');
  const mode = (c?.getOptionalString('mode') ?? 'on-demand') as LlmMode;
  if (!MODES.includes(mode)) {
    throw new InputError(
      `pipelineTriage.llm.mode: expected one of ${MODES.join(
        ', ',
      )}, got ${mode}`,
    );
  }
  const apiKey = c?.getOptionalString('apiKey')?.trim() || undefined;
  const threshold = c?.getOptionalNumber('confidenceThreshold') ?? 0.8;
  if (threshold < 0 || threshold > 1)
    throw new InputError(
      'pipelineTriage.llm.confidenceThreshold: expected a number in [0, 1]',
    );
  return {
    enabled:
      (c?.getOptionalBoolean('enabled') ?? Boolean(apiKey)) && Boolean(apiKey),
    apiKey,
    model: c?.getOptionalString('model') ?? DEFAULT_MODEL,
    baseUrl: c?.getOptionalString('baseUrl'),
    timeoutMs: c?.getOptionalNumber('timeoutMs') ?? 60_000,
    maxTokens: c?.getOptionalNumber('maxTokens') ?? 4096,
    maxRetries: c?.getOptionalNumber('maxRetries') ?? 1,
    concurrency: Math.max(1, c?.getOptionalNumber('concurrency') ?? 2),
    dailyTokenBudget: c?.getOptionalNumber('dailyTokenBudget') ?? 2_000_000,
    mode,
    confidenceThreshold: threshold,
    routingWaitMs: c?.getOptionalNumber('routingWaitMs') ?? 20_000,
    circuitFailures: c?.getOptionalNumber('circuitBreaker.failures') ?? 5,
    circuitOpenMs:
      (c?.getOptionalNumber('circuitBreaker.openSeconds') ?? 60) * 1000,
  };
}
