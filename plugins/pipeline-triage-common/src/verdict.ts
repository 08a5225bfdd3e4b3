import type { Category, Domain } from './taxonomy';

/** @public */
export type PartialWrite = 'true' | 'false' | 'unknown';

/**
 * One line of evidence, addressable by id so hypotheses and reports can cite it.
 *
 * @public
 */
export interface EvidenceLine {
  id: string;
  /** 1-based line number in the combined text the engine read. */
  line: number;
  text: string;
  /** error | cause | code | signal | warning | context */
  kind: string;
}

/** @public */
export interface Hypothesis {
  category: Category;
  score: number;
  /** Rule ids that supported it. */
  rules: string[];
  /** Why it won, or why it scored lower than the winner. */
  reason: string;
  /** For a hypothesis that lost: the evidence that speaks against it, one finding a line. */
  against?: string[];
}

/**
 * The rule id of a category no rule settled but the words of the error lines suggest: a lead
 * at low confidence (below the retry floor), not a finding.
 *
 * @public
 */
export const WORD_MODEL_RULE = 'word-model';

/**
 * True when only the word model backs a classification or hypothesis: a lead to confirm
 * against the log, not a finding.
 *
 * @public
 */
export function isWordModelLead(backing: { rules: string[] }): boolean {
  return (
    backing.rules.length > 0 && backing.rules.every(r => r === WORD_MODEL_RULE)
  );
}

/** @public */
export interface Classification {
  category: Category;
  domain: Domain;
  confidence: number;
  /** Evidence line ids that decided it. */
  evidence: string[];
  rules: string[];
  hypotheses: Hypothesis[];
  /** 'rules' | 'model' | 'override' */
  source: 'rules' | 'model' | 'override';
  /** Problems met while classifying, e.g. a user rule pack stopped for exceeding its time budget. */
  warnings?: string[];
}

/** @public */
export interface RetryVerdict {
  safeToRetry: boolean;
  /** When safe, what to wait for first. */
  wait?: 'none' | 'backoff' | 'upstream';
  reason: string;
  /** The signal that would have allowed a yes, when the answer is no. */
  wouldAllowYes?: string;
  /** What followed this job's earlier failures with the same signature (absent: none known). */
  history?: RetryHistory;
}

/**
 * What happened after this job's earlier failures with the same signature, in a bounded window.
 *
 * @public
 */
export interface RetryHistory {
  /** Earlier failures that were followed by another run of the job. */
  retried: number;
  /** ... by a success. */
  succeeded: number;
  /** ... by a failure with the same signature. */
  failedSame: number;
  /** ... by a success after a changed input, code, engine or configuration: a fix, not a retry. */
  fixed?: number;
  /** The trailing run of same-signature failures with no success between, ending at this one. */
  lastFailedSame: number;
}

/** @public */
export interface PartialWriteVerdict {
  partialWrite: PartialWrite;
  reason: string;
  /** Evidence line ids (or signal ids) that decided it. */
  evidence?: string[];
}

/** @public */
export interface Recommendation {
  action: string;
  diagnostics: Array<{ label: string; command: string }>;
  prevention: string;
  runbookUrl?: string;
}

/** @public */
export type Severity = 'critical' | 'high' | 'normal' | 'low';

/**
 * When the engine abstains (`unknown`): what is missing and what would settle it.
 *
 * @public
 */
export interface MissingEvidence {
  /** What the event lacked, e.g. "the root cause: only a wrapper line and an exit code". */
  missing: string[];
  /** Attachments or signals that would settle it, most useful first ("send the executor logs of stage 3"). */
  requests: Array<{ ask: string; why: string }>;
}

/**
 * What triage concludes for one failure event.
 *
 * @public
 */
export interface TriageVerdict {
  classification: Classification;
  partialWrite: PartialWriteVerdict;
  retry: RetryVerdict;
  recommendation: Recommendation;
  severity: Severity;
  signature: string;
  summary: string;
  /** Present when the category is `unknown`. */
  missingEvidence?: MissingEvidence;
}
