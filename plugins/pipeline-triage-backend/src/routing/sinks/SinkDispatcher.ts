import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationRecord } from '@internal/plugin-pipeline-triage-common';
import type { RouteDelivery, RouteSink } from '@internal/plugin-pipeline-triage-node';
import { DeliveryError, isRetryable } from './DeliveryError';
import type { SelectiveRouteSink } from './types';

/** Same shape as TriageStore.recordNotification, so the store method can be passed as is. */
export type RecordAttempt = (incidentId: string, record: NotificationRecord) => Promise<void> | void;

export interface SinkDispatcherOptions {
  record: RecordAttempt;
  logger?: LoggerService;
  /** Attempts per sink and delivery, the first included. Default: 4. */
  maxAttempts?: number;
  /** Delay before the second attempt; doubled before each later one. Default: 500. */
  baseDelayMs?: number;
  /**
   * Upper bound of one attempt. The built-in sinks time out themselves; this catches sinks
   * from the extension point that never settle, which would otherwise keep a delivery in flight
   * forever. Default: 30000.
   */
  attemptTimeoutMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

/**
 * Delivers routed incidents to the extra sinks in the background: sinks run in parallel, each
 * with retries and exponential backoff, and every attempt is recorded on the incident.
 * Nothing here throws into triage; a broken sink costs only its own notification.
 */
export class SinkDispatcher {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly attemptTimeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;

  constructor(private readonly options: SinkDispatcherOptions) {
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 4));
    this.baseDelayMs = Math.max(0, options.baseDelayMs ?? 500);
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 30_000;
    this.sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
    this.now = options.now ?? (() => new Date());
  }

  /** Starts delivering; the returned promise never rejects and callers need not await it. */
  deliver(delivery: RouteDelivery, sinks: RouteSink[]): Promise<void> {
    const run = Promise.all(sinks.map(sink => this.deliverTo(delivery, sink).catch(() => {}))).then(() => {});
    this.inFlight.add(run);
    run.finally(() => this.inFlight.delete(run));
    return run;
  }

  /** Resolves once nothing is in flight, including deliveries started while waiting. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async deliverTo(delivery: RouteDelivery, sink: SelectiveRouteSink): Promise<void> {
    try {
      if (sink.accepts && !sink.accepts(delivery)) return;
    } catch (error) {
      this.options.logger?.warn(`Sink ${sink.id} failed to filter incident ${delivery.incidentId}: ${error}`);
      return;
    }
    const recipients = [delivery.recipient, ...delivery.copy].filter((r): r is string => Boolean(r));
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      if (attempt > 1) await this.sleep(this.baseDelayMs * 2 ** (attempt - 2));
      try {
        await this.withTimeout(() => sink.deliver(delivery));
        await this.record(delivery.incidentId, sink.id, recipients, 'sent', `attempt ${attempt}`);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const last = attempt === this.maxAttempts || !isRetryable(error);
        await this.record(
          delivery.incidentId,
          sink.id,
          recipients,
          'failed',
          `attempt ${attempt}/${this.maxAttempts}: ${message}${last && attempt < this.maxAttempts ? ' (not retried)' : ''}`,
        );
        if (last) {
          this.options.logger?.warn(`Sink ${sink.id} gave up on incident ${delivery.incidentId}: ${message}`);
          return;
        }
      }
    }
  }

  private withTimeout(fn: () => Promise<void>): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DeliveryError(`no answer within ${this.attemptTimeoutMs}ms`, true)),
        this.attemptTimeoutMs,
      );
    });
    // Promise.resolve().then: a sink that throws synchronously is just another failed attempt.
    return Promise.race([Promise.resolve().then(fn), timeout]).finally(() => clearTimeout(timer));
  }

  private async record(
    incidentId: string,
    channel: string,
    recipients: string[],
    status: 'sent' | 'failed',
    detail: string,
  ): Promise<void> {
    try {
      await this.options.record(incidentId, { at: this.now().toISOString(), channel, status, recipients, detail });
    } catch (error) {
      // Losing a history line is better than failing a delivery that already happened.
      this.options.logger?.warn(`Recording ${channel} delivery for incident ${incidentId} failed: ${error}`);
    }
  }
}
