import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  type Category,
  type IncidentDetail,
  type Investigation,
  type InvestigationResult,
  type InvestigationSignal,
  type InvestigationStep,
  type InvestigationSuggestion,
  type RouteDecision,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { TriageStore } from '../store';
import type { IncidentSignals } from '../notify';
import type { Reclassifier } from '../triage';
import {
  buildInvestigationContext,
  type InvestigationPrompt,
} from './buildInvestigationContext';
import {
  adoptCategory,
  sanitizeHypothesis,
  sanitizeResult,
} from './guardrails';
import type { Investigator } from './AnthropicInvestigator';
import type { InvestigationStore } from './InvestigationStore';
import type { LlmSettings } from './llmConfig';
import { ModelUnavailableError } from './ModelGate';
import { ruleBasedInvestigation } from './ruleBasedInvestigation';

export interface InvestigationServiceDeps {
  store: Pick<TriageStore, 'getIncident' | 'listIncidents' | 'listFindings'>;
  investigations: InvestigationStore;
  /** The one door through which an investigation changes a verdict. */
  verdicts: Pick<Reclassifier, 'adopt' | 'tightenRetry'>;
  settings: LlmSettings;
  /** Absent without a key or with the model disabled: investigations are rule-based. */
  investigator?: Investigator;
  /** Live updates: ids and a kind only, to those who may read the incident. */
  signals?: Pick<IncidentSignals, 'investigationChanged'>;
  logger: LoggerService;
}

/** What triage routes with after the automatic investigation had its chance. */
export interface AssistedRoute {
  /** Set when the guardrails adopted the model's category; the route is the policy's for it. */
  category?: Category;
  route?: RouteDecision;
  /** The incident's retry verdict after the investigation (never looser than the rules'). */
  safeToRetry?: boolean;
}

const MODEL_ACTOR = 'pipeline-triage:model';

/**
 * Runs investigations: validated step → stored → pushed as a signal, so a refresh shows exactly
 * the stored steps. The model never blocks triage, never names a recipient and never re-routes
 * by itself: its category is a suggestion unless the guardrails adopt it within the routing wait.
 */
export class InvestigationService {
  constructor(private readonly deps: InvestigationServiceDeps) {}

  private async incident(id: string): Promise<IncidentDetail> {
    const incident = await this.deps.store.getIncident(id);
    if (!incident) throw new NotFoundError(`No incident with id ${id}`);
    return incident;
  }

  /** Starts an investigation in the background; ConflictError when one is running. */
  async start(
    incidentId: string,
    options: { trigger: Investigation['trigger']; by?: string },
  ): Promise<{ id: string; done: Promise<void> }> {
    const incident = await this.incident(incidentId);
    const useModel = Boolean(
      this.deps.investigator && this.deps.settings.enabled,
    );
    const id = await this.deps.investigations.start({
      incidentId,
      source: useModel ? 'model' : 'rule-based',
      trigger: options.trigger,
      requestedBy: options.by,
      model: useModel ? this.deps.investigator!.model : undefined,
    });
    const done = this.run(id, incident, useModel).catch(async error => {
      this.deps.logger.warn(
        `Investigation ${id} of incident ${incidentId} failed: ${error}`,
      );
      await this.deps.investigations
        .finish(id, {
          status: 'failed',
          modelUnavailable: String(error?.message ?? error),
        })
        .catch(() => undefined);
      await this.publish(incidentId, id, 'finished');
    });
    return { id, done };
  }

  list(incidentId: string): Promise<Investigation[]> {
    return this.deps.investigations.list(incidentId);
  }

  /**
   * The automatic modes, called by triage before it notifies: waits for the model up to
   * routingWaitMs; an in-time category the guardrails adopt re-routes through the policy.
   */
  async assist(incidentId: string): Promise<AssistedRoute | undefined> {
    const { settings } = this.deps;
    if (
      !settings.enabled ||
      !this.deps.investigator ||
      settings.mode === 'on-demand'
    )
      return undefined;
    const incident = await this.incident(incidentId);
    const c = incident.verdict.classification;
    const rulesSure =
      c.category !== 'unknown' && c.confidence >= settings.confidenceThreshold;
    if (settings.mode === 'fallback' && rulesSure) return undefined;
    let started: { id: string; done: Promise<void> };
    try {
      started = await this.start(incidentId, { trigger: 'auto' });
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
    // The guardrails would keep a confident category anyway: investigate, but do not hold routing.
    if (rulesSure) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      started.done.then(() => true),
      new Promise<false>(resolve => {
        timer = setTimeout(() => resolve(false), settings.routingWaitMs);
      }),
    ]);
    clearTimeout(timer);
    if (!inTime) return undefined; // Routing proceeds; a late answer stays a suggestion.
    const investigation = await this.deps.investigations.get(started.id);
    const applied =
      investigation?.suggestion?.status === 'pending'
        ? await this.apply(incidentId, investigation, MODEL_ACTOR, 'applied')
        : {};
    return {
      ...applied,
      safeToRetry: (await this.incident(incidentId)).safeToRetry,
    };
  }

  /** A person accepts a pending suggestion: the policy routes the incident for that category. */
  async accept(
    incidentId: string,
    investigationId: string,
    by: string,
  ): Promise<IncidentDetail> {
    const investigation = await this.deps.investigations.get(investigationId);
    if (!investigation || investigation.incidentId !== incidentId) {
      throw new NotFoundError(
        `No investigation ${investigationId} for incident ${incidentId}`,
      );
    }
    if (investigation.suggestion?.status !== 'pending') {
      throw new ConflictError(
        `Investigation ${investigationId} has no suggestion awaiting acceptance`,
      );
    }
    await this.apply(incidentId, investigation, by, 'accepted');
    return this.incident(incidentId);
  }

  private async apply(
    incidentId: string,
    investigation: Investigation,
    by: string,
    status: 'applied' | 'accepted',
  ): Promise<{ category: Category; route: RouteDecision }> {
    const suggestion = investigation.suggestion!;
    // Recipients come only from the deterministic policy, for the final category.
    const { route } = await this.deps.verdicts.adopt(incidentId, {
      category: suggestion.category,
      confidence: suggestion.confidence,
      modelSafeToRetry: investigation.result?.safeToRetry,
      by,
      reason: `Model-derived category: ${suggestion.reason}`,
    });
    const updated: InvestigationSuggestion = {
      ...suggestion,
      status,
      acceptedBy: by,
    };
    await this.deps.investigations.setSuggestion(investigation.id, updated);
    await this.publish(incidentId, investigation.id, 'suggestion');
    return { category: suggestion.category, route };
  }

  private async run(
    id: string,
    incident: IncidentDetail,
    useModel: boolean,
  ): Promise<void> {
    const [history, findings, attachments] = await Promise.all([
      incident.jobEntityRef
        ? this.deps.store
            .listIncidents({ entityRef: incident.jobEntityRef }, { limit: 11 })
            .then(p => p.items)
        : Promise.resolve([]),
      incident.jobEntityRef
        ? this.deps.store.listFindings({
            entityRef: incident.jobEntityRef,
            observedDrift: false,
          })
        : Promise.resolve([]),
      this.deps.investigations.listAttachments(incident.id),
    ]);
    const prompt = buildInvestigationContext({
      incident,
      history,
      findings,
      attachments,
    });
    await this.step(incident.id, id, 'context', {
      evidenceLines: prompt.evidenceIds.length,
      attachments: attachments.length,
      earlierIncidents: history.filter(h => h.id !== incident.id).length,
      contractFindings: findings.length,
      redacted: true,
    });

    let modelUnavailable: string | undefined;
    if (useModel) {
      try {
        const result = await this.viaModel(id, incident, prompt);
        await this.conclude(id, incident, result, 'model');
        return;
      } catch (error) {
        const reason =
          error instanceof ModelUnavailableError ? error.reason : 'error';
        modelUnavailable = `The model was unavailable (${reason}): ${
          (error as Error).message
        }. The rules' result stands.`;
        await this.step(incident.id, id, 'error', {
          reason,
          message: modelUnavailable,
        });
      }
    }
    const result = ruleBasedInvestigation(incident, attachments);
    for (const [index, h] of result.hypotheses.entries()) {
      await this.step(incident.id, id, 'hypothesis', {
        ...h,
        index,
        attempt: 0,
      });
    }
    await this.conclude(id, incident, result, 'rule-based', modelUnavailable);
  }

  private async viaModel(
    id: string,
    incident: IncidentDetail,
    prompt: InvestigationPrompt,
  ): Promise<InvestigationResult> {
    const known = new Set(prompt.evidenceIds);
    const cite = (ids: string[]) => ids.filter(x => known.has(x));
    const raw = await this.deps.investigator!.investigate(
      prompt,
      async (h, meta) => {
        await this.step(incident.id, id, 'hypothesis', {
          ...sanitizeHypothesis(h, cite),
          ...meta,
        });
      },
    );
    return sanitizeResult(raw, prompt.evidenceIds);
  }

  private async conclude(
    id: string,
    incident: IncidentDetail,
    result: InvestigationResult,
    source: Investigation['source'],
    modelUnavailable?: string,
  ): Promise<void> {
    await this.step(incident.id, id, 'root_cause', {
      ...result.rootCause,
      category: result.category,
    });
    await this.step(incident.id, id, 'remediation', { ...result.remediation });
    let suggestion: InvestigationSuggestion | undefined;
    let retryTightened = false;
    if (source === 'model') {
      const c = incident.verdict.classification;
      const decision = adoptCategory(
        { category: c.category, confidence: c.confidence },
        { category: result.category, confidence: result.rootCause.confidence },
        this.deps.settings.confidenceThreshold,
      );
      if (decision.adopt) {
        suggestion = {
          category: result.category,
          confidence: result.rootCause.confidence,
          status: 'pending',
          reason: decision.reason,
        };
      }
      // The more conservative verdict wins at once: a "no" from the model only makes things safer.
      if (!result.safeToRetry && incident.safeToRetry) {
        retryTightened = await this.deps.verdicts.tightenRetry(
          incident.id,
          'Not safe: the model investigation found reasons a rerun would fail again or duplicate output',
          MODEL_ACTOR,
        );
      }
    }
    await this.step(incident.id, id, 'outcome', {
      source,
      category: result.category,
      categoryKept: incident.category,
      suggestion: suggestion
        ? {
            category: suggestion.category,
            confidence: suggestion.confidence,
            reason: suggestion.reason,
          }
        : null,
      retryTightened,
      modelUnavailable: modelUnavailable ?? null,
    });
    await this.deps.investigations.finish(id, {
      status: 'completed',
      source,
      result,
      suggestion,
      modelUnavailable,
    });
    await this.publish(incident.id, id, 'finished');
  }

  /** Validated data in, stored, then announced: the page reads the stored step through the API. */
  private async step(
    incidentId: string,
    investigationId: string,
    kind: InvestigationStep['kind'],
    data: Record<string, unknown>,
  ) {
    await this.deps.investigations.addStep(investigationId, kind, data);
    await this.publish(incidentId, investigationId, 'step');
  }

  /** Ids and a kind only: the step's content (hypotheses, commands) stays behind the API's checks. */
  private async publish(
    incidentId: string,
    investigationId: string,
    kind: InvestigationSignal['kind'],
  ) {
    await this.deps.signals?.investigationChanged({
      kind,
      incidentId,
      investigationId,
    });
  }
}
