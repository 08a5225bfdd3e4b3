import type { Category } from './taxonomy';

/**
 * Where an investigation's conclusions came from: the model, or the rules alone (no key, or model down).
 *
 * @public
 */
export type InvestigationSource = 'model' | 'rule-based';

/** @public */
export type InvestigationStatus = 'running' | 'completed' | 'failed';

/**
 * One hypothesis about the cause, with the evidence line ids (E1, E2, ...) for and against it.
 *
 * @public
 */
export interface InvestigationHypothesis {
  title: string;
  category: Category;
  /** In [0, 1]. */
  likelihood: number;
  evidenceFor: string[];
  evidenceAgainst: string[];
  status: 'confirmed' | 'dismissed' | 'open';
  reason: string;
}

/** @public */
export interface InvestigationRemediation {
  immediateFix: string;
  change: string;
  prevention: string;
  monitoring: string;
}

/** @public */
export interface InvestigationResult {
  hypotheses: InvestigationHypothesis[];
  rootCause: { summary: string; confidence: number };
  category: Category;
  /** The investigation's own view; the incident keeps the more conservative of this and the policy. */
  safeToRetry: boolean;
  remediation: InvestigationRemediation;
}

/**
 * A category the investigation proposes that nobody has accepted yet (it never re-routes by itself).
 *
 * @public
 */
export interface InvestigationSuggestion {
  category: Category;
  confidence: number;
  status: 'pending' | 'accepted' | 'applied';
  reason: string;
  acceptedBy?: string;
}

/** @public */
export type InvestigationStepKind =
  | 'context'
  | 'hypothesis'
  | 'root_cause'
  | 'remediation'
  | 'outcome'
  | 'error';

/**
 * A validated, stored step; the live stream pushes exactly these.
 *
 * @public
 */
export interface InvestigationStep {
  seq: number;
  kind: InvestigationStepKind;
  at: string;
  data: Record<string, unknown>;
}

/** @public */
export interface Investigation {
  id: string;
  incidentId: string;
  status: InvestigationStatus;
  source: InvestigationSource;
  /** user: someone pressed Investigate; auto: the fallback/always mode during triage. */
  trigger: 'user' | 'auto';
  requestedBy?: string;
  model?: string;
  /** Why the model was not used, or why its answer was discarded. */
  modelUnavailable?: string;
  startedAt: string;
  finishedAt?: string;
  result?: InvestigationResult;
  suggestion?: InvestigationSuggestion;
  steps: InvestigationStep[];
}

/**
 * Model usage counters for /v1/stats (per backend instance).
 *
 * @public
 */
export interface ModelUsage {
  enabled: boolean;
  mode: 'fallback' | 'on-demand' | 'always';
  model?: string;
  calls: number;
  failures: number;
  tokensIn: number;
  tokensOut: number;
  dailyTokenBudget: number;
  budgetLeft: number;
  circuit: 'closed' | 'open';
}
