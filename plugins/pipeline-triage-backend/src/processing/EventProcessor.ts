import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Category } from '@internal/plugin-pipeline-triage-common';
import { jobKeyOf, type StoredEvent, type TriageStore } from '../store';
import { triageFailure, type TriageStages } from '../triage';
import { rememberSchemas } from '../contracts';

export interface ProcessingOptions {
  maxAttempts: number;
  retryDelayMs: number;
  leaseMs: number;
  autoResolve: boolean;
}

export type ProcessOutcome =
  | { status: 'done'; incidentId?: string; category?: Category; safeToRetry?: boolean }
  | { status: 'pending'; error?: string }
  | { status: 'dead'; error: string };

/**
 * Turns stored events into incidents. Every event was persisted before it gets here; a lease
 * makes sure one worker handles it, and a failure leaves it for the sweeper instead of losing it.
 */
export class EventProcessor {
  constructor(
    private readonly stages: TriageStages,
    private readonly store: TriageStore,
    private readonly logger: LoggerService,
    private readonly options: ProcessingOptions,
  ) {}

  async processById(id: string): Promise<ProcessOutcome> {
    const claimed = await this.store.claimEvent(id, this.options.leaseMs);
    if (!claimed) return { status: 'pending' };
    return this.process(claimed);
  }

  /** Retries what is due; every instance runs it, the leases keep two from taking one event. */
  async sweep(limit = 200): Promise<number> {
    const due = await this.store.claimDueEvents(limit, this.options.leaseMs);
    for (const event of due) await this.process(event);
    return due.length;
  }

  private async process(stored: StoredEvent): Promise<ProcessOutcome> {
    try {
      if (stored.event.outcome === 'success') {
        await rememberSchemas(this.store, stored.event);
        await this.store.recordSuccess(stored.id, stored.event, jobKeyOf(stored.event), {
          autoResolve: this.options.autoResolve,
        });
        return { status: 'done' };
      }
      const t = await triageFailure(stored, this.stages);
      return { status: 'done', incidentId: t.incidentId, category: t.category, safeToRetry: t.safeToRetry };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Processing event ${stored.id} failed (attempt ${stored.attempts}): ${message}`);
      const next = await this.store.failEvent(stored.id, message, this.options);
      return next === 'dead' ? { status: 'dead', error: message } : { status: 'pending', error: message };
    }
  }
}
