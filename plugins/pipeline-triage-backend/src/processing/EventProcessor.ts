import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import { createHash } from 'node:crypto';
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  jobKeyOf,
  rowsWrittenOf,
  type StoredEvent,
  type TriageStore,
} from '../store';
import {
  asSilentFailure,
  missedRunOf,
  silentFailureOf,
  triageFailure,
  triageFailures,
  type TriageStages,
} from '../triage';
import { rememberSchemas } from '../findings';
import { isCatalogUnavailable } from '../linking';

/** Failures recorded per transaction. */
const BATCH = 200;

export interface ProcessingOptions {
  maxAttempts: number;
  retryDelayMs: number;
  leaseMs: number;
  autoResolve: boolean;
}

export type ProcessOutcome =
  | {
      status: 'done';
      incidentId?: string;
      category?: Category;
      safeToRetry?: boolean;
    }
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

  /** Processes the given events that nobody else holds; the rest are reported pending. */
  async processBatch(ids: string[]): Promise<Map<string, ProcessOutcome>> {
    const outcomes = new Map<string, ProcessOutcome>();
    if (ids.length === 0) return outcomes;
    const down = await this.catalogDown();
    if (down) {
      // Stored and acknowledged already; left unclaimed, so the outage costs them no attempt.
      this.logger.warn(
        `Leaving ${ids.length} accepted events for the sweeper: ${down}`,
      );
      for (const id of ids)
        outcomes.set(id, { status: 'pending', error: down });
      return outcomes;
    }
    for (let from = 0; from < ids.length; from += BATCH) {
      await this.processClaimed(
        await this.store.claimEvents(
          ids.slice(from, from + BATCH),
          this.options.leaseMs,
        ),
        outcomes,
      );
    }
    return outcomes;
  }

  /**
   * Successes that change no incident are counted in their job's history instead of stored
   * (`counted`; `duplicate` when already known); the rest (`store`) take the stored path. A run
   * that wrote zero rows is always stored: it may be a silent failure.
   */
  async countSuccesses(
    successes: Array<{ key: string; event: FailureEvent }>,
  ): Promise<CountedSuccess[]> {
    const verdicts: CountedSuccess[] = [];
    for (const { key, event } of successes) {
      if (rowsWrittenOf(event) === 0) {
        verdicts.push({ status: 'store' });
        continue;
      }
      const runId = countedRunId(key);
      const status = await this.store.countSuccess({
        key,
        runId,
        jobKey: jobKeyOf(event),
        jobEntityRef: await this.jobEntityOf(event),
        event,
      });
      if (status === 'counted') await rememberSchemas(this.store, event);
      verdicts.push({ status, runId });
    }
    return verdicts;
  }

  /**
   * The catalog entity of a counted success's job, so a pipeline that never failed still shows
   * its last success and runs per day. From the linker's cached snapshot; a catalog that does not
   * answer costs only the link, never the count.
   */
  private async jobEntityOf(event: FailureEvent): Promise<string | undefined> {
    try {
      return (await this.stages.linker.link(event)).job?.entityRef;
    } catch {
      return undefined;
    }
  }

  /** Retries what is due; a request still processing an event holds its lease, so it is left alone. */
  async sweep(limit = 200): Promise<number> {
    const down = await this.catalogDown();
    if (down) {
      this.logger.warn(`Sweeper waits for the catalog: ${down}`);
      return 0;
    }
    const due = await this.store.claimDueEvents(limit, this.options.leaseMs);
    await this.processClaimed(due, new Map());
    return due.length;
  }

  /**
   * Failures go through in batches (one transaction each). Only a job's own events must keep
   * their order, so the batch runs in rounds: every job's failures up to its first success, then
   * those successes, then the failures up to each job's next success, and so on.
   */
  private async processClaimed(
    claimed: StoredEvent[],
    outcomes: Map<string, ProcessOutcome>,
  ) {
    const successesSeen = new Map<string, number>();
    const rounds: Array<{ failures: StoredEvent[]; successes: StoredEvent[] }> =
      [];
    for (const stored of claimed) {
      const job = jobKeyOf(stored.event);
      const round = successesSeen.get(job) ?? 0;
      while (rounds.length <= round)
        rounds.push({ failures: [], successes: [] });
      if (stored.event.outcome === 'success') {
        rounds[round].successes.push(stored);
        successesSeen.set(job, round + 1);
      } else {
        rounds[round].failures.push(stored);
      }
    }
    for (const { failures, successes } of rounds) {
      if (failures.length) await this.processFailures(failures, outcomes);
      for (const stored of successes)
        outcomes.set(stored.id, await this.process(stored));
    }
  }

  private async processFailures(
    failures: StoredEvent[],
    outcomes: Map<string, ProcessOutcome>,
  ) {
    // A missed run carries its own silent reason: it goes alone, like a silent success.
    for (const stored of failures.filter(f => missedRunOf(f)))
      outcomes.set(stored.id, await this.process(stored));
    const batch = failures.filter(f => !missedRunOf(f));
    if (batch.length === 0) return;
    if (batch.length === 1) {
      outcomes.set(batch[0].id, await this.process(batch[0]));
      return;
    }
    try {
      const results = await triageFailures(batch, this.stages);
      for (const [i, t] of results.entries()) {
        outcomes.set(batch[i].id, {
          status: 'done',
          incidentId: t.incidentId,
          category: t.category,
          safeToRetry: t.safeToRetry,
        });
      }
    } catch (error) {
      if (isCatalogUnavailable(error)) {
        for (const stored of batch)
          outcomes.set(stored.id, await this.wait(stored, error.message));
        return;
      }
      // One bad event must not hold back the others: one at a time, each with its own retries.
      this.logger.warn(
        `Batch of ${batch.length} events failed, processing them one at a time: ${error}`,
      );
      for (const stored of batch)
        outcomes.set(stored.id, await this.process(stored));
    }
  }

  private async process(stored: StoredEvent): Promise<ProcessOutcome> {
    try {
      if (stored.event.outcome === 'success') {
        const silent = await silentFailureOf(stored, this.store);
        if (silent) {
          const t = await triageFailure(
            asSilentFailure(stored, silent),
            this.stages,
            silent,
          );
          return {
            status: 'done',
            incidentId: t.incidentId,
            category: t.category,
            safeToRetry: t.safeToRetry,
          };
        }
        await rememberSchemas(this.store, stored.event);
        await this.store.recordSuccess(
          stored.id,
          stored.event,
          jobKeyOf(stored.event),
          {
            autoResolve: this.options.autoResolve,
          },
        );
        return { status: 'done' };
      }
      const t = await triageFailure(stored, this.stages, missedRunOf(stored));
      return {
        status: 'done',
        incidentId: t.incidentId,
        category: t.category,
        safeToRetry: t.safeToRetry,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isCatalogUnavailable(error)) return this.wait(stored, message);
      this.logger.warn(
        `Processing event ${stored.id} failed (attempt ${stored.attempts}): ${message}`,
      );
      const next = await this.store.failEvent(stored.id, message, this.options);
      return next === 'dead'
        ? { status: 'dead', error: message }
        : { status: 'pending', error: message };
    }
  }

  /**
   * A dependency outage is not the event's fault: it goes back to pending however many attempts
   * it has had, so an outage longer than the retries cannot dead-letter what was acknowledged.
   */
  private async wait(
    stored: StoredEvent,
    message: string,
  ): Promise<ProcessOutcome> {
    this.logger.warn(`Event ${stored.id} waits for the catalog: ${message}`);
    await this.store.failEvent(stored.id, message, {
      maxAttempts: Number.POSITIVE_INFINITY,
      retryDelayMs: this.options.retryDelayMs,
    });
    return { status: 'pending', error: message };
  }

  /** Why linking cannot answer now, or undefined when it can. */
  private async catalogDown(): Promise<string | undefined> {
    try {
      await this.stages.linker.ready?.();
      return undefined;
    } catch (error) {
      if (isCatalogUnavailable(error)) return error.message;
      throw error;
    }
  }
}

/** What became of a success offered to be counted instead of stored. */
export type CountedSuccess =
  | { status: 'counted' | 'duplicate'; runId: string }
  | { status: 'store' };

/** The run-history id of a counted success: its event key, hashed to fit (and stable). */
function countedRunId(key: string): string {
  return `run:${createHash('sha256').update(key).digest('hex').slice(0, 48)}`;
}
