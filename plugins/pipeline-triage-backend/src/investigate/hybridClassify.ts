import {
  CATEGORY_INFO,
  type FailureEvent,
  type IncidentDetail,
  type TriageVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { EngineResult } from '../engine';
import type { Investigator } from './AnthropicInvestigator';
import { buildInvestigationContext } from './buildInvestigationContext';
import { conservativeRetry } from '../triage';
import { adoptCategory } from './guardrails';
import { ModelUnavailableError } from './ModelGate';

/**
 * The hybrid engine's answer for one event: the rules, then the model where they are unsure.
 *
 * @alpha
 */
export interface HybridVerdict {
  category: TriageVerdict['classification']['category'];
  confidence: number;
  safeToRetry: boolean;
  source: 'rules' | 'model';
  /** Why the model was not asked or not used. */
  note?: string;
}

/**
 * What an incident would hold for an event triaged without a backend: enough for the curated
 * context (no catalog, no history), so the CLI asks the model exactly what the backend would.
 */
export function pseudoIncident(
  event: FailureEvent,
  result: EngineResult,
): IncidentDetail {
  const v = result.verdict;
  return {
    id: 'cli',
    title: v.summary,
    status: 'open',
    category: v.classification.category,
    domain: v.classification.domain,
    confidence: v.classification.confidence,
    safeToRetry: v.retry.safeToRetry,
    partialWrite: v.partialWrite.partialWrite,
    severity: v.severity,
    environment: event.environment ?? 'prod',
    jobName: event.job.name,
    jobNamespace: event.job.namespace,
    linked: false,
    signature: v.signature,
    occurrences: 1,
    consecutiveFailures: 1,
    firstSeen: event.eventTime,
    lastSeen: event.eventTime,
    categoryOverridden: false,
    verdict: v,
    evidenceLines: result.evidenceLines,
    causeChain: result.causeChain,
    recommendation: v.recommendation,
    route: { copy: [], rule: 'cli', reason: 'not routed', notify: false },
    linkedEntities: [],
    links: [],
    occurrencesList: [],
    statusHistory: [],
    notifications: [],
    latestEvent: event,
  };
}

/**
 * Rules first; the model only where they are unknown or below the threshold, through the guardrails.
 *
 * @alpha
 */
export async function hybridClassify(
  event: FailureEvent,
  result: EngineResult,
  investigator: Investigator,
  threshold: number,
): Promise<HybridVerdict> {
  const c = result.verdict.classification;
  const rules: HybridVerdict = {
    category: c.category,
    confidence: c.confidence,
    safeToRetry: result.verdict.retry.safeToRetry,
    source: 'rules',
  };
  if (c.category !== 'unknown' && c.confidence >= threshold) return rules;
  const prompt = buildInvestigationContext({
    incident: pseudoIncident(event, result),
    history: [],
    findings: [],
    attachments: [],
  });
  try {
    const answer = await investigator.investigate(
      prompt,
      async () => undefined,
    );
    const decision = adoptCategory(
      { category: c.category, confidence: c.confidence },
      { category: answer.category, confidence: answer.rootCause.confidence },
      threshold,
    );
    // Without a catalog the policy's own default for the new category stands in for decideRetry.
    const policySafe =
      CATEGORY_INFO[answer.category].retryDefault !== 'no' &&
      result.verdict.partialWrite.partialWrite === 'false';
    const safeToRetry = conservativeRetry(
      rules.safeToRetry,
      answer.safeToRetry,
      decision.adopt ? policySafe : undefined,
    );
    return decision.adopt
      ? {
          category: answer.category,
          confidence: answer.rootCause.confidence,
          safeToRetry,
          source: 'model',
        }
      : { ...rules, safeToRetry, note: decision.reason };
  } catch (error) {
    if (error instanceof ModelUnavailableError)
      return { ...rules, note: `${error.reason}: ${error.message}` };
    throw error;
  }
}
