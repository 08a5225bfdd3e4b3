import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationRecord } from '@pipeline-triage/plugin-pipeline-triage-common';
import type {
  RouteDelivery,
  RouteDeliveryReceipt,
  RouteSink,
} from '@pipeline-triage/plugin-pipeline-triage-node';
import { DeliveryError, isRetryable } from './DeliveryError';
import type { SelectiveRouteSink } from './types';
import type { SinkOutbox } from '../../store';

/** Same shape as TriageStore.recordNotification, so the store method can be passed as is. */
export type RecordAttempt = (
  incidentId: string,
  record: NotificationRecord,
) => Promise<void> | void;

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
  /**
   * The durable outbox: with it every delivery is a stored row before it is attempted, and
   * retries wait in the store for `drain` (the outbox job) instead of in memory.
   */
  outbox?: SinkOutbox;
  /** Sinks the outbox's rows name, for rows stored before a restart. */
  sinks?: RouteSink[];
  /** How long a claimed outbox row is this instance's. Default: attemptTimeoutMs + 30000. */
  leaseMs?: number;
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
  private readonly sinksById = new Map<string, SelectiveRouteSink>();
  /** This instance's name on the rows it claims. */
  private readonly owner = randomUUID();

  constructor(private readonly options: SinkDispatcherOptions) {
    for (const sink of options.sinks ?? []) this.sinksById.set(sink.id, sink);
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 4));
    this.baseDelayMs = Math.max(0, options.baseDelayMs ?? 500);
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 30_000;
    this.sleep =
      options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Starts delivering; the returned promise never rejects and callers need not await it.
   * `updateKey` names the incident update (the event's id): with an outbox, one delivery per
   * incident, sink and update, however often it is asked for.
   */
  deliver(
    delivery: RouteDelivery,
    sinks: RouteSink[],
    updateKey?: string,
  ): Promise<void> {
    const run = (
      this.options.outbox
        ? this.enqueue(
            this.options.outbox,
            delivery,
            sinks,
            updateKey ?? randomUUID(),
          )
        : Promise.all(
            sinks.map(sink => this.deliverTo(delivery, sink).catch(() => {})),
          )
    ).then(() => {});
    this.inFlight.add(run);
    run.finally(() => this.inFlight.delete(run));
    return run;
  }

  /** Resolves once nothing is in flight, including deliveries started while waiting. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Attempts the outbox's due rows (first attempts left by a crash, retries); returns how many. */
  async drain(limit = 50): Promise<number> {
    const outbox = this.options.outbox;
    if (!outbox) return 0;
    const rows = await outbox.claimDeliveries({
      owner: this.owner,
      leaseMs: this.leaseMs(),
      limit,
    });
    await Promise.all(
      rows.map(row => this.attemptRow(outbox, row).catch(() => {})),
    );
    return rows.length;
  }

  private leaseMs(): number {
    return this.options.leaseMs ?? this.attemptTimeoutMs + 30_000;
  }

  private async enqueue(
    outbox: SinkOutbox,
    delivery: RouteDelivery,
    sinks: RouteSink[],
    updateKey: string,
  ): Promise<void> {
    const accepted = sinks.filter(sink => {
      this.sinksById.set(sink.id, sink);
      try {
        return (
          !(sink as SelectiveRouteSink).accepts ||
          (sink as SelectiveRouteSink).accepts!(delivery)
        );
      } catch (error) {
        this.options.logger?.warn(
          `Sink ${sink.id} failed to filter incident ${delivery.incidentId}: ${error}`,
        );
        return false;
      }
    });
    if (accepted.length === 0) return;
    try {
      await outbox.enqueueDeliveries(
        accepted.map(sink => ({
          incidentId: delivery.incidentId,
          sink: sink.id,
          updateKey,
          delivery,
        })),
      );
      // First attempt at once; a crash before it leaves the row due for the outbox job.
      const ids = await outbox.pendingDeliveryIds(
        delivery.incidentId,
        updateKey,
      );
      const rows = await outbox.claimDeliveries({
        owner: this.owner,
        leaseMs: this.leaseMs(),
        limit: ids.length,
        ids,
      });
      await Promise.all(
        rows.map(row => this.attemptRow(outbox, row).catch(() => {})),
      );
    } catch (error) {
      this.options.logger?.warn(
        `Queueing sink deliveries for incident ${delivery.incidentId} failed: ${error}`,
      );
    }
  }

  private async attemptRow(
    outbox: SinkOutbox,
    row: {
      id: number;
      incidentId: string;
      sink: string;
      attempts: number;
      delivery: unknown;
      resent?: boolean;
    },
  ): Promise<void> {
    const delivery = row.delivery as RouteDelivery;
    const recipients = [delivery.recipient, ...delivery.copy].filter(
      (r): r is string => Boolean(r),
    );
    const sink = this.sinksById.get(row.sink);
    const attempt = row.attempts;
    // An earlier claim ended without an outcome: this attempt may be the second to arrive.
    const resent = row.resent
      ? " (resent: an earlier attempt's outcome was never recorded)"
      : '';
    let receipt: void | RouteDeliveryReceipt;
    try {
      if (!sink)
        throw new DeliveryError(`sink ${row.sink} is not configured`, false);
      receipt = await this.withTimeout(() => sink.deliver(delivery));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const target = error instanceof DeliveryError ? error.target : undefined;
      const last = attempt >= this.maxAttempts || !isRetryable(error);
      const retryAt = new Date(
        this.now().getTime() + this.baseDelayMs * 2 ** (attempt - 1),
      ).toISOString();
      await outbox.finishDelivery(
        row.id,
        this.owner,
        last
          ? { status: 'dead', error: message, target }
          : { status: 'pending', error: message, retryAt, target },
      );
      await this.record(
        row.incidentId,
        row.sink,
        recipients,
        'failed',
        `attempt ${attempt}/${this.maxAttempts}${resent}: ${message}${
          last ? deadNote(attempt < this.maxAttempts) : ''
        }`,
      );
      if (last)
        this.options.logger?.warn(
          `Sink ${row.sink} gave up on incident ${row.incidentId}: ${message}`,
        );
      return;
    }
    // Sent: if the lease ran out meanwhile another instance may send it too; the record says so.
    const kept = await outbox.finishDelivery(row.id, this.owner, {
      status: 'sent',
      target: receipt ? receipt.target : undefined,
    });
    await this.record(
      row.incidentId,
      row.sink,
      recipients,
      'sent',
      `attempt ${attempt}${resent}${kept ? '' : ' (lease lost)'}`,
    );
  }

  private async deliverTo(
    delivery: RouteDelivery,
    sink: SelectiveRouteSink,
  ): Promise<void> {
    try {
      if (sink.accepts && !sink.accepts(delivery)) return;
    } catch (error) {
      this.options.logger?.warn(
        `Sink ${sink.id} failed to filter incident ${delivery.incidentId}: ${error}`,
      );
      return;
    }
    const recipients = [delivery.recipient, ...delivery.copy].filter(
      (r): r is string => Boolean(r),
    );
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      if (attempt > 1) await this.sleep(this.baseDelayMs * 2 ** (attempt - 2));
      try {
        await this.withTimeout(() => sink.deliver(delivery));
        await this.record(
          delivery.incidentId,
          sink.id,
          recipients,
          'sent',
          `attempt ${attempt}`,
        );
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const last = attempt === this.maxAttempts || !isRetryable(error);
        await this.record(
          delivery.incidentId,
          sink.id,
          recipients,
          'failed',
          `attempt ${attempt}/${this.maxAttempts}: ${message}${
            last && attempt < this.maxAttempts ? ' (not retried)' : ''
          }`,
        );
        if (last) {
          this.options.logger?.warn(
            `Sink ${sink.id} gave up on incident ${delivery.incidentId}: ${message}`,
          );
          return;
        }
      }
    }
  }

  private withTimeout<T>(fn: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new DeliveryError(
              `no answer within ${this.attemptTimeoutMs}ms`,
              true,
            ),
          ),
        this.attemptTimeoutMs,
      );
    });
    // Promise.resolve().then: a sink that throws synchronously is just another failed attempt.
    return Promise.race([Promise.resolve().then(fn), timeout]).finally(() =>
      clearTimeout(timer),
    );
  }

  private async record(
    incidentId: string,
    channel: string,
    recipients: string[],
    status: 'sent' | 'failed',
    detail: string,
  ): Promise<void> {
    try {
      await this.options.record(incidentId, {
        at: this.now().toISOString(),
        channel,
        status,
        recipients,
        detail,
      });
    } catch (error) {
      // Losing a history line is better than failing a delivery that already happened.
      this.options.logger?.warn(
        `Recording ${channel} delivery for incident ${incidentId} failed: ${error}`,
      );
    }
  }
}

/** Why an outbox row stopped: a non-retryable answer, or its attempts used up. */
function deadNote(notRetryable: boolean): string {
  return notRetryable ? ' (not retried)' : ' (dead letter)';
}
