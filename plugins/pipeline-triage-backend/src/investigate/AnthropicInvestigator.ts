import Anthropic from '@anthropic-ai/sdk';
import type { z } from 'zod';
import type { LlmSettings } from './llmConfig';
import type { ModelGate } from './ModelGate';
import { ModelUnavailableError } from './ModelGate';
import {
  hypothesisSchema,
  INVESTIGATION_TOOL_NAME,
  investigationSchema,
  investigationToolSchema,
  type ModelInvestigation,
} from './investigationSchema';
import type { InvestigationPrompt } from './buildInvestigationContext';

type Hypothesis = z.infer<typeof hypothesisSchema>;

/**
 * Called with each hypothesis as soon as the stream has completed and it validated.
 *
 * @alpha
 */
export type HypothesisSink = (
  hypothesis: Hypothesis,
  meta: { attempt: number; index: number },
) => Promise<void>;

/**
 * The seam the service depends on; the rule-based path needs none of it.
 *
 * @alpha
 */
export interface Investigator {
  readonly model: string;
  investigate(
    prompt: InvestigationPrompt,
    onHypothesis: HypothesisSink,
  ): Promise<ModelInvestigation>;
}

const TOOL = {
  name: INVESTIGATION_TOOL_NAME,
  description:
    'Record the investigation of a failed data-pipeline run: 3-5 hypotheses with evidence for and against (cite evidence line ids), the root cause, a category from the fixed taxonomy, whether a rerun is safe, and the remediation.',
  input_schema: investigationToolSchema,
};

/**
 * Asks Claude through the real SDK, streaming, with the answer forced into the investigation
 * tool. One repair attempt on an invalid answer, then it is discarded (ModelUnavailableError).
 *
 * @alpha
 */
export class AnthropicInvestigator implements Investigator {
  private readonly client: Anthropic;

  constructor(
    private readonly settings: LlmSettings,
    private readonly gate: ModelGate,
  ) {
    this.client = new Anthropic({
      apiKey: settings.apiKey,
      baseURL: settings.baseUrl,
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries,
    });
  }

  get model() {
    return this.settings.model;
  }

  async investigate(
    prompt: InvestigationPrompt,
    onHypothesis: HypothesisSink,
  ): Promise<ModelInvestigation> {
    const messages: Anthropic.MessageParam[] = [
      { role: 'user', content: prompt.user },
    ];
    const first = await this.gate.run(() =>
      this.attempt(prompt.system, messages, 1, onHypothesis),
    );
    const parsed = investigationSchema.safeParse(first.input);
    if (parsed.success) return parsed.data;

    // One repair: show the model its own answer and what was wrong with it.
    const problems = parsed.error.issues
      .slice(0, 20)
      .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('\n');
    messages.push(
      {
        role: 'assistant',
        content: [
          {
            type: 'tool_use',
            id: first.toolUseId,
            name: INVESTIGATION_TOOL_NAME,
            input: first.input ?? {},
          },
        ],
      },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: first.toolUseId,
            is_error: true,
            content: `The input did not match the schema:\n${problems}\nCall ${INVESTIGATION_TOOL_NAME} again with a corrected, complete input.`,
          },
        ],
      },
    );
    const second = await this.gate.run(() =>
      this.attempt(prompt.system, messages, 2, onHypothesis),
    );
    const repaired = investigationSchema.safeParse(second.input);
    if (repaired.success) return repaired.data;
    throw new ModelUnavailableError(
      'malformed',
      'The model answered twice with input that does not match the schema; its answer was discarded',
    );
  }

  private async attempt(
    system: string,
    messages: Anthropic.MessageParam[],
    attempt: number,
    onHypothesis: HypothesisSink,
  ): Promise<{
    value: { input: unknown; toolUseId: string };
    tokensIn: number;
    tokensOut: number;
  }> {
    const stream = this.client.messages.stream(
      {
        model: this.settings.model,
        max_tokens: this.settings.maxTokens,
        system,
        messages,
        tools: [TOOL],
        tool_choice: { type: 'tool', name: INVESTIGATION_TOOL_NAME },
      },
      { timeout: this.settings.timeoutMs },
    );
    // The SDK's timeout covers waiting for the response to start; this covers the whole stream.
    const timer = setTimeout(() => stream.abort(), this.settings.timeoutMs);
    let emitted = 0;
    let chain = Promise.resolve();
    const emit = (value: unknown) => {
      const h = hypothesisSchema.safeParse(value);
      const index = emitted++;
      if (h.success)
        chain = chain.then(() => onHypothesis(h.data, { attempt, index }));
    };
    stream.on('inputJson', (_delta, snapshot) => {
      const list = (snapshot as { hypotheses?: unknown[] } | undefined)
        ?.hypotheses;
      // A hypothesis is complete once the next one has started.
      if (Array.isArray(list))
        while (emitted < list.length - 1) emit(list[emitted]);
    });
    try {
      const message = await stream.finalMessage();
      const usage = {
        tokensIn: message.usage.input_tokens,
        tokensOut: message.usage.output_tokens,
      };
      const block = message.content.find(
        (b): b is Anthropic.ToolUseBlock => b.type === 'tool_use',
      );
      if (!block) {
        throw Object.assign(
          new ModelUnavailableError(
            'malformed',
            'The model did not call the investigation tool',
          ),
          { usage },
        );
      }
      const list = (block.input as { hypotheses?: unknown[] })?.hypotheses;
      if (Array.isArray(list))
        while (emitted < list.length) emit(list[emitted]);
      await chain;
      return { value: { input: block.input, toolUseId: block.id }, ...usage };
    } catch (error) {
      await chain.catch(() => undefined);
      throw toUnavailable(error);
    } finally {
      clearTimeout(timer);
    }
  }
}

function toUnavailable(error: unknown): Error {
  if (error instanceof ModelUnavailableError) return error;
  if (
    error instanceof Anthropic.APIConnectionTimeoutError ||
    error instanceof Anthropic.APIUserAbortError
  ) {
    return new ModelUnavailableError(
      'timeout',
      'The model did not answer in time',
    );
  }
  if (error instanceof Anthropic.RateLimitError) {
    return new ModelUnavailableError(
      'rate_limited',
      'The model service is rate limiting (429)',
    );
  }
  if (
    error instanceof Anthropic.APIError &&
    typeof error.status === 'number' &&
    error.status >= 500
  ) {
    return new ModelUnavailableError(
      'server_error',
      `The model service failed (${error.status})`,
    );
  }
  if (error instanceof Anthropic.APIError) {
    return new ModelUnavailableError(
      'error',
      `The model service refused the request (${
        error.status ?? 'no status'
      }): ${error.message.slice(0, 200)}`,
    );
  }
  return new ModelUnavailableError(
    'error',
    `The model call failed: ${String((error as Error)?.message ?? error).slice(
      0,
      200,
    )}`,
  );
}
