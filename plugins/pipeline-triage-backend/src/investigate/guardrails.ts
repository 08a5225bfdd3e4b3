import type {
  Category,
  InvestigationResult,
} from '@pipeline-triage/plugin-pipeline-triage-common';

export interface CategoryView {
  category: Category;
  confidence: number;
}

/**
 * The model's category replaces the rules' only when the rules are unsure (unknown, or below the
 * threshold) and the model is more confident than they are. A confident rules result stands.
 */
export function adoptCategory(
  rules: CategoryView,
  model: CategoryView,
  threshold: number,
): { adopt: boolean; reason: string } {
  if (model.category === 'unknown')
    return { adopt: false, reason: 'the model did not name a category' };
  if (model.category === rules.category)
    return { adopt: false, reason: 'the model agrees with the rules' };
  const rulesUnsure =
    rules.category === 'unknown' || rules.confidence < threshold;
  if (!rulesUnsure) {
    return {
      adopt: false,
      reason: `the rules are confident (${rules.confidence.toFixed(
        2,
      )} ≥ ${threshold})`,
    };
  }
  if (model.confidence <= rules.confidence) {
    return {
      adopt: false,
      reason: `the model (${model.confidence.toFixed(
        2,
      )}) is not more confident than the rules (${rules.confidence.toFixed(
        2,
      )})`,
    };
  }
  return {
    adopt: true,
    reason: `the rules were unsure (${
      rules.category
    }, ${rules.confidence.toFixed(
      2,
    )}) and the model is more confident (${model.confidence.toFixed(2)})`,
  };
}

// E-mail addresses, entity refs of people and teams, @handles and #channels. Handles start
// lower-case, so Java annotations (@Override) in a suggested code change survive.
const RECIPIENT_PATTERNS = [
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  /\b(?:user|group):(?:[a-z0-9_-]+\/)?[a-z0-9._-]+/gi,
  /(?<![\w.])@[a-z][\w.-]{1,}/g,
  /(?<![\w&])#[a-z][\w-]{2,}/gi,
];

/** Free text from the model must not look like it names who to notify; it never routes anyway. */
export function scrubRecipients(text: string): string {
  return RECIPIENT_PATTERNS.reduce(
    (t, p) => t.replace(p, '[recipient removed]'),
    text,
  );
}

/** Scrubs every free-text field and drops citations of evidence the model was never shown. */
export function sanitizeResult(
  result: InvestigationResult,
  evidenceIds: string[],
): InvestigationResult {
  const known = new Set(evidenceIds);
  const cite = (ids: string[]) => ids.filter(id => known.has(id));
  return {
    ...result,
    hypotheses: result.hypotheses.map(h => sanitizeHypothesis(h, cite)),
    rootCause: {
      ...result.rootCause,
      summary: scrubRecipients(result.rootCause.summary),
    },
    remediation: {
      immediateFix: scrubRecipients(result.remediation.immediateFix),
      change: scrubRecipients(result.remediation.change),
      prevention: scrubRecipients(result.remediation.prevention),
      monitoring: scrubRecipients(result.remediation.monitoring),
    },
  };
}

export function sanitizeHypothesis<
  H extends InvestigationResult['hypotheses'][number],
>(h: H, cite: (ids: string[]) => string[]): H {
  return {
    ...h,
    title: scrubRecipients(h.title),
    reason: scrubRecipients(h.reason),
    evidenceFor: cite(h.evidenceFor),
    evidenceAgainst: cite(h.evidenceAgainst),
  };
}
