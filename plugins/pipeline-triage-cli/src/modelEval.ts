import { ConfigReader } from '@backstage/config';
import {
  AnthropicInvestigator,
  hybridClassify,
  ModelGate,
  readLlmConfig,
} from '@pipeline-triage/plugin-pipeline-triage-backend/alpha';
import { CliError } from './CliError';
import type { Output } from './classifyCommand';
import type { HybridStep } from './evalCommand';

export interface ModelEvalOptions {
  modelId?: string;
  baseUrl?: string;
  threshold?: string;
  timeoutMs?: string;
}

/**
 * `eval --model`: the key comes from ANTHROPIC_API_KEY; the same settings, client, guardrails
 * and context as the backend. Prints the model usage to stderr when done.
 */
export function modelEvalStep(
  options: ModelEvalOptions,
  io: Output,
): { step: HybridStep; done(): void } {
  const apiKey = process.env.ANTHROPIC_API_KEY;
  if (!apiKey)
    throw new CliError(
      'eval --model needs the ANTHROPIC_API_KEY environment variable',
    );
  const threshold =
    options.threshold === undefined ? undefined : Number(options.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
    throw new CliError(
      `--threshold must be a number between 0 and 1, got ${options.threshold}`,
    );
  }
  const settings = readLlmConfig(
    new ConfigReader({
      pipelineTriage: {
        llm: {
          apiKey,
          mode: 'fallback',
          ...(options.modelId ? { model: options.modelId } : {}),
          ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
          ...(threshold !== undefined
            ? { confidenceThreshold: threshold }
            : {}),
          ...(options.timeoutMs
            ? { timeoutMs: Number(options.timeoutMs) }
            : {}),
        },
      },
    }),
  );
  const gate = new ModelGate(settings);
  const investigator = new AnthropicInvestigator(settings, gate);
  return {
    step: async (item, result) => {
      const v = await hybridClassify(
        item.event,
        result,
        investigator,
        settings.confidenceThreshold,
      );
      return {
        category: v.category,
        confidence: v.confidence,
        safeToRetry: v.safeToRetry,
        partialWrite: result.verdict.partialWrite.partialWrite,
      };
    },
    done: () => {
      const u = gate.usage();
      io.err(
        `model ${settings.model}: ${u.calls} calls, ${u.failures} failed, ${u.tokensIn} tokens in, ${u.tokensOut} out`,
      );
    },
  };
}
