import type {
  FailureEvent,
  IngestResult,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type {
  IngestAdapter,
  IngestContext,
} from '@pipeline-triage/plugin-pipeline-triage-node';
import { eventKey, isNotRunOutcome, normalizeEvents, textDedupKeys } from '..';
import type { CountedSuccess, ProcessOutcome } from '../../processing';
import { jobKeyOf, type NewEvent, type TriageStore } from '../../store';

/** The processing stage as the accept path sees it: run these stored events now, as one batch. */
export interface BatchProcessor {
  processBatch(ids: string[]): Promise<Map<string, ProcessOutcome>>;
  /** Counts the successes that change no incident; `store` for those that must be stored. */
  countSuccesses(
    successes: Array<{ key: string; event: FailureEvent }>,
  ): Promise<CountedSuccess[]>;
}

/** Why a re-delivered counted success changed nothing. */
const COUNTED_BEFORE =
  'a re-delivery of a success already counted in its run history: nothing changed';

/** Why a counted success has no event row. */
const COUNTED =
  'a success of a job with no open incident: counted in its run history (last success, runs), not stored';

/**
 * Accepts posted payloads: normalize (redacted, trimmed) → persist in one transaction →
 * process at once, as a batch, so the response normally carries each verdict. Whatever processing does,
 * an accepted event stays stored and the sweeper finishes it.
 */
export class IngestService {
  constructor(
    private readonly store: TriageStore,
    private readonly processor: BatchProcessor,
    private readonly adapters: IngestAdapter[],
    /** How long the request path owns a fresh event before the sweeper may take it. */
    private readonly sweepAfterMs = 0,
    /** Identical plain-text logs without a run id within this window are one delivery; 0: off. */
    private readonly textDedupWindowMs = 0,
  ) {}

  async ingest(
    payload: unknown,
    ctx: Partial<IngestContext>,
    sender: string,
    options: {
      quiet?: boolean;
      /** Only this adapter may read the payload (a format's own route, e.g. `dbt`). */
      format?: string;
    } = {},
  ): Promise<IngestResult[]> {
    const adapters = options.format
      ? this.adapters.filter(a => a.id === options.format)
      : this.adapters;
    const { items } = normalizeEvents(payload, ctx, adapters);
    const results: IngestResult[] = [];
    const toAccept: Array<{ index: number; event: NewEvent }> = [];
    for (const item of items) {
      if (item.problems?.length && isNotRunOutcome(item.problems)) {
        // OpenLineage clients post every state of a run; only outcomes are triaged.
        results.push({
          index: item.index,
          status: 'ignored',
          reason: item.problems[0].reason,
        });
        continue;
      }
      if (item.problems?.length) {
        for (const p of item.problems) {
          results.push({
            index: item.index,
            status: 'rejected',
            field: p.field,
            reason: p.reason,
          });
        }
        continue;
      }
      for (const event of item.events) {
        toAccept.push({
          index: item.index,
          event: {
            key:
              textDedupKeys(event, this.textDedupWindowMs)?.current ??
              eventKey(event),
            event,
            sender,
            logTrimmed: Boolean(item.logTrimmed),
            quiet: Boolean(options.quiet),
          },
        });
      }
    }
    await this.joinRecentTextCopies(toAccept.map(a => a.event));
    const toStore = await this.countSuccesses(toAccept, results);
    // Processed in order right below; the sweeper only picks up what this request leaves behind.
    const accepted = await this.store.acceptEvents(
      toStore.map(a => a.event),
      { sweepAfterMs: this.sweepAfterMs },
    );
    const outcomes = await this.processor.processBatch(
      accepted.filter(a => !a.duplicate).map(a => a.id),
    );
    for (const [i, a] of accepted.entries()) {
      const { index, event } = toStore[i];
      if (a.duplicate) {
        results.push({
          index,
          status: 'duplicate',
          eventId: a.id,
          incidentId: a.incidentId,
        });
        continue;
      }
      const outcome = outcomes.get(a.id) ?? { status: 'pending' };
      const done = outcome.status === 'done' ? outcome : undefined;
      let processing: 'done' | 'pending' | 'ignored' = 'pending';
      if (done)
        processing = event.event.outcome === 'success' ? 'ignored' : 'done';
      results.push({
        index,
        status: 'accepted',
        eventId: a.id,
        incidentId: done?.incidentId,
        processing,
        category: done?.category,
        safeToRetry: done?.safeToRetry,
        ...(event.event.warnings?.length
          ? { warnings: event.event.warnings }
          : {}),
      });
    }
    return results.sort((x, y) => x.index - y.index);
  }

  /**
   * Most of what senders post are successes of healthy jobs (an OpenLineage COMPLETE per run):
   * those are counted, not stored. A success of a job that also fails in this request is
   * stored, so the two are processed in order. Returns what must still be stored.
   */
  private async countSuccesses(
    toAccept: Array<{ index: number; event: NewEvent }>,
    results: IngestResult[],
  ): Promise<Array<{ index: number; event: NewEvent }>> {
    const failing = new Set(
      toAccept
        .filter(a => a.event.event.outcome !== 'success')
        .map(a => jobKeyOf(a.event.event)),
    );
    const candidates = toAccept.filter(
      a =>
        a.event.event.outcome === 'success' &&
        !failing.has(jobKeyOf(a.event.event)),
    );
    if (candidates.length === 0) return toAccept;
    const verdicts = await this.processor.countSuccesses(
      candidates.map(a => ({ key: a.event.key, event: a.event.event })),
    );
    const handled = new Set<{ index: number; event: NewEvent }>();
    for (const [i, a] of candidates.entries()) {
      const v = verdicts[i];
      if (v.status === 'store') continue;
      handled.add(a);
      // A re-delivered counted success is counted once; it has no event row to name.
      results.push({
        index: a.index,
        status: 'counted',
        reason: v.status === 'counted' ? COUNTED : COUNTED_BEFORE,
      });
    }
    return toAccept.filter(a => !handled.has(a));
  }

  /**
   * A text log whose copy was stored in the previous window, less than the window ago, takes
   * that copy's key, so acceptEvents answers it as a duplicate across the window boundary.
   */
  private async joinRecentTextCopies(events: NewEvent[]): Promise<void> {
    const candidates = events
      .map(e => ({ e, keys: textDedupKeys(e.event, this.textDedupWindowMs) }))
      .filter(
        (
          c,
        ): c is { e: NewEvent; keys: { current: string; previous: string } } =>
          !!c.keys,
      );
    if (candidates.length === 0) return;
    const seen = await this.store.receivedAtByKey(
      candidates.map(c => c.keys.previous),
    );
    for (const { e, keys } of candidates) {
      const at = seen.get(keys.previous);
      if (
        at &&
        Date.parse(e.event.eventTime) - Date.parse(at) < this.textDedupWindowMs
      )
        e.key = keys.previous;
    }
  }
}
