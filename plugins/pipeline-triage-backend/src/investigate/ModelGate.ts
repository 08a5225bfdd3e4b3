import pLimit from 'p-limit';
import type { ModelUsage } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { LlmSettings } from './llmConfig';

/** Why the model was not asked or did not answer; the rules' result stands either way. */
export class ModelUnavailableError extends Error {
  constructor(
    readonly reason:
      | 'disabled'
      | 'budget_exhausted'
      | 'circuit_open'
      | 'timeout'
      | 'rate_limited'
      | 'server_error'
      | 'malformed'
      | 'error',
    message: string,
  ) {
    super(message);
    this.name = 'ModelUnavailableError';
  }
}

/**
 * Everything between us and the model service that is not the call itself: a concurrency limit,
 * a daily token budget (UTC day, per instance), a circuit breaker over consecutive failures, and
 * the usage counters /v1/stats reports.
 *
 * @alpha
 */
export class ModelGate {
  private readonly limit: ReturnType<typeof pLimit>;
  private day = utcDay(Date.now());
  private tokensToday = 0;
  private consecutiveFailures = 0;
  private openUntil = 0;
  private readonly counters = {
    calls: 0,
    failures: 0,
    tokensIn: 0,
    tokensOut: 0,
  };

  constructor(
    private readonly settings: Pick<
      LlmSettings,
      | 'enabled'
      | 'mode'
      | 'model'
      | 'concurrency'
      | 'dailyTokenBudget'
      | 'circuitFailures'
      | 'circuitOpenMs'
    >,
    private readonly now: () => number = Date.now,
  ) {
    this.limit = pLimit(settings.concurrency);
  }

  /** Runs one model call under the limits; records usage; throws ModelUnavailableError when refused. */
  async run<T>(
    call: () => Promise<{ value: T; tokensIn: number; tokensOut: number }>,
  ): Promise<T> {
    return this.limit(async () => {
      this.refuseIfClosed();
      this.counters.calls++;
      try {
        const { value, tokensIn, tokensOut } = await call();
        this.record(tokensIn, tokensOut);
        this.consecutiveFailures = 0;
        return value;
      } catch (error) {
        const usage = (
          error as { usage?: { tokensIn: number; tokensOut: number } }
        ).usage;
        if (usage) this.record(usage.tokensIn, usage.tokensOut);
        this.counters.failures++;
        if (++this.consecutiveFailures >= this.settings.circuitFailures) {
          this.openUntil = this.now() + this.settings.circuitOpenMs;
        }
        throw error;
      }
    });
  }

  private refuseIfClosed() {
    if (!this.settings.enabled)
      throw new ModelUnavailableError(
        'disabled',
        'The model is not configured',
      );
    if (this.now() < this.openUntil) {
      throw new ModelUnavailableError(
        'circuit_open',
        'The model service failed repeatedly; calls are paused',
      );
    }
    if (this.budgetLeft() <= 0) {
      throw new ModelUnavailableError(
        'budget_exhausted',
        "Today's model token budget is used up",
      );
    }
  }

  private record(tokensIn: number, tokensOut: number) {
    this.rollDay();
    this.counters.tokensIn += tokensIn;
    this.counters.tokensOut += tokensOut;
    this.tokensToday += tokensIn + tokensOut;
  }

  private rollDay() {
    const today = utcDay(this.now());
    if (today !== this.day) {
      this.day = today;
      this.tokensToday = 0;
    }
  }

  budgetLeft(): number {
    this.rollDay();
    return Math.max(0, this.settings.dailyTokenBudget - this.tokensToday);
  }

  usage(): ModelUsage {
    return {
      enabled: this.settings.enabled,
      mode: this.settings.mode,
      model: this.settings.enabled ? this.settings.model : undefined,
      ...this.counters,
      dailyTokenBudget: this.settings.dailyTokenBudget,
      budgetLeft: this.budgetLeft(),
      circuit: this.now() < this.openUntil ? 'open' : 'closed',
    };
  }
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
