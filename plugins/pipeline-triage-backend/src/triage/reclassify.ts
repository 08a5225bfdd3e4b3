import { InputError, NotFoundError } from '@backstage/errors';
import {
  CATEGORY_INFO,
  type Category,
  type FailureEvent,
  type RetryVerdict,
  type RouteDecision,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { TriageEngine } from '../engine';
import type { Linker } from '../linking';
import { decideRetry, summariseHistory } from '../policy';
import type { RoutePolicy } from '../routing';
import {
  jobKeyOf,
  type StoredVerdict,
  type TriageStore,
  type VerdictChange,
} from '../store';
import {
  assess,
  HISTORY_WINDOW,
  historySince,
  routeFor,
  settleVerdict,
  type Assessment,
} from './decide';

export interface ReclassifyDeps {
  store: Pick<TriageStore, 'getIncident' | 'changeVerdict' | 'recentRuns'>;
  linker: Linker;
  engine: Pick<TriageEngine, 'triage'>;
  routes: RoutePolicy;
}

/**
 * The retry verdict is the more conservative of every opinion: "safe" needs all of them to say
 * safe, so a model or new evidence can only ever turn a yes into a no.
 */
export function conservativeRetry(
  ...opinions: Array<boolean | undefined>
): boolean {
  return opinions.every(o => o !== false) && opinions.some(o => o === true);
}

/** The stored retry verdict, or the proposed one when it turns a "safe" into "not safe". */
function tightened(
  current: RetryVerdict,
  proposed: RetryVerdict,
): RetryVerdict {
  return current.safeToRetry && !proposed.safeToRetry ? proposed : current;
}

/**
 * The one door for every change of a verdict after first triage: a person's override, a model's
 * category (adopted or accepted), a model's "not safe", new evidence attached. Each re-assesses
 * the failure as first triage does (links, contract findings) and routes through the same
 * policy call, then writes through the store's one verdict writer.
 */
export class Reclassifier {
  constructor(private readonly deps: ReclassifyDeps) {}

  /** A person names the cause; the policy routes for it, the rest of the verdict stands. */
  async override(
    incidentId: string,
    change: { category?: Category; reason?: string; by: string },
  ): Promise<void> {
    const { category, reason, by } = change;
    if (!category) throw new InputError('category is required to override');
    if (!reason?.trim())
      throw new InputError('reason is required to override the category');
    const a = await this.assessed(incidentId);
    const route = routeFor(a, category, this.deps.routes);
    await this.deps.store.changeVerdict(incidentId, current => ({
      ...kept(current),
      verdict: {
        ...current.verdict,
        classification: classified(current, category, { source: 'override' }),
      },
      route,
      overridden: true,
      by,
      reason,
    }));
  }

  /**
   * A model's category the guardrails allowed or a person accepted: routed by the policy, and
   * its retry verdict the more conservative of the stored one, the policy's and the model's.
   */
  async adopt(
    incidentId: string,
    s: {
      category: Category;
      confidence: number;
      modelSafeToRetry?: boolean;
      by: string;
      reason: string;
    },
  ): Promise<{ category: Category; route: RouteDecision }> {
    const a = await this.assessed(incidentId);
    const route = routeFor(a, s.category, this.deps.routes);
    await this.deps.store.changeVerdict(incidentId, current => {
      const policy = decideRetry({
        category: s.category,
        partialWrite: current.verdict.partialWrite.partialWrite,
        attempt: a.event.attempt,
        maxAttempts: a.event.maxAttempts,
        idempotent: a.ctx.idempotent,
        writesOutput: a.ctx.writesOutput,
        confidence: s.confidence,
        history:
          a.ctx.history &&
          summariseHistory(a.ctx.history, {
            at: a.event.eventTime,
            signature: current.verdict.signature,
          }),
      });
      const safe = conservativeRetry(
        current.verdict.retry.safeToRetry,
        policy.safeToRetry,
        s.modelSafeToRetry,
      );
      const reason = policy.safeToRetry
        ? 'Not safe: the model found reasons a rerun would fail or duplicate output'
        : policy.reason;
      return {
        ...kept(current),
        verdict: {
          ...current.verdict,
          classification: classified(current, s.category, {
            source: 'model',
            confidence: s.confidence,
          }),
          retry: tightened(current.verdict.retry, {
            ...current.verdict.retry,
            safeToRetry: safe,
            reason,
          }),
        },
        route,
        by: s.by,
        reason: s.reason,
      };
    });
    return { category: s.category, route };
  }

  /** A model found reasons a rerun would fail again or duplicate output: "safe" becomes "not safe". */
  async tightenRetry(
    incidentId: string,
    reason: string,
    by: string,
  ): Promise<boolean> {
    return this.deps.store.changeVerdict(incidentId, current =>
      current.verdict.retry.safeToRetry
        ? {
            ...kept(current),
            verdict: {
              ...current.verdict,
              retry: {
                ...current.verdict.retry,
                safeToRetry: false,
                wait: undefined,
                reason,
              },
            },
            route: current.route,
            by,
          }
        : undefined,
    );
  }

  /**
   * New evidence: the engine runs again over the event with everything attached, with the same
   * contract findings and grading as first triage. A changed cause is routed again; the retry
   * verdict may only tighten.
   */
  async withEvidence(
    incidentId: string,
    evidence: { texts: string[]; by: string; reason: string },
  ): Promise<{
    category: Category;
    confidence: number;
    changed: boolean;
    previous: Category;
  }> {
    const incident = await this.deps.store.getIncident(incidentId);
    if (!incident) throw new NotFoundError(`No incident with id ${incidentId}`);
    const event: FailureEvent = {
      ...incident.latestEvent,
      logExcerpt: [incident.latestEvent.logExcerpt, ...evidence.texts]
        .filter(Boolean)
        .join('\n'),
    };
    const a = assess(
      event,
      await this.deps.linker.link(event),
      await this.historyOf(event),
      incident.silentReason,
    );
    const result = this.deps.engine.triage(event, a.ctx);
    const verdict = settleVerdict(a, result.verdict);
    const category = verdict.classification.category;
    let previous = incident.category;
    await this.deps.store.changeVerdict(incidentId, current => {
      previous = current.category;
      return {
        verdict: {
          ...verdict,
          retry: tightened(current.verdict.retry, verdict.retry),
        },
        evidenceLines: result.evidenceLines,
        causeChain: result.causeChain,
        route:
          category !== current.category
            ? routeFor(a, category, this.deps.routes)
            : current.route,
        by: evidence.by,
        reason: evidence.reason,
      };
    });
    return {
      category,
      confidence: verdict.classification.confidence,
      changed: category !== previous,
      previous,
    };
  }

  /** The incident's latest failure assessed as first triage assessed it. */
  private async assessed(incidentId: string): Promise<Assessment> {
    const incident = await this.deps.store.getIncident(incidentId);
    if (!incident) throw new NotFoundError(`No incident with id ${incidentId}`);
    const event = incident.latestEvent;
    return assess(
      event,
      await this.deps.linker.link(event),
      await this.historyOf(event),
      incident.silentReason,
    );
  }

  /** The job's recent runs, read as first triage reads them (the engine keeps those before the event). */
  private async historyOf(event: FailureEvent) {
    const runs = await this.deps.store.recentRuns([jobKeyOf(event)], {
      since: historySince([event]),
      perJob: HISTORY_WINDOW.runsPerJob,
    });
    return runs.get(jobKeyOf(event));
  }
}

function kept(
  current: StoredVerdict,
): Pick<VerdictChange, 'evidenceLines' | 'causeChain'> {
  return {
    evidenceLines: current.evidenceLines,
    causeChain: current.causeChain,
  };
}

function classified(
  current: StoredVerdict,
  category: Category,
  how: { source: 'override' | 'model'; confidence?: number },
) {
  return {
    ...current.verdict.classification,
    category,
    domain: CATEGORY_INFO[category].domain,
    source: how.source,
    ...(how.confidence === undefined ? {} : { confidence: how.confidence }),
  };
}
