import {
  CATEGORY_INFO,
  type IncidentDetail,
  type InvestigationHypothesis,
  type InvestigationResult,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { AttachmentText } from './buildInvestigationContext';

/**
 * The investigation without a model: built only from this incident's own evidence lines, cause
 * chain and the rule engine's hypotheses, so two incidents give two different investigations.
 */
export function ruleBasedInvestigation(
  incident: IncidentDetail,
  attachments: AttachmentText[] = [],
): InvestigationResult {
  const c = incident.verdict.classification;
  const decided = new Set(c.evidence);
  const lines = incident.evidenceLines;
  const supporting = lines.filter(l => decided.has(l.id)).map(l => l.id);
  const others = lines
    .filter(
      l => !decided.has(l.id) && (l.kind === 'error' || l.kind === 'cause'),
    )
    .map(l => l.id);
  const total = c.hypotheses.reduce((s, h) => s + Math.max(0, h.score), 0) || 1;

  const hypotheses: InvestigationHypothesis[] = c.hypotheses
    .slice(0, 5)
    .map((h, i) => {
      const winner = h.category === c.category;
      let status: InvestigationHypothesis['status'] = 'dismissed';
      if (winner) status = c.confidence >= 0.5 ? 'confirmed' : 'open';
      return {
        title: `${CATEGORY_INFO[h.category].label}${
          h.rules.length ? ` (rules: ${h.rules.slice(0, 3).join(', ')})` : ''
        }`,
        category: h.category,
        likelihood: winner
          ? c.confidence
          : Math.min(1 - c.confidence, Math.max(0, h.score) / total),
        evidenceFor: winner ? supporting : [],
        evidenceAgainst: winner ? [] : supporting.slice(0, 3),
        status,
        reason:
          h.reason ||
          (i === 0 ? 'strongest rule match' : 'scored lower than the winner'),
      };
    });
  if (!hypotheses.some(h => h.category === c.category)) {
    hypotheses.unshift({
      title: CATEGORY_INFO[c.category].label,
      category: c.category,
      likelihood: c.confidence,
      evidenceFor: supporting,
      evidenceAgainst: others.slice(0, 3),
      status: c.category === 'unknown' ? 'open' : 'confirmed',
      reason:
        c.category === 'unknown'
          ? 'no rule matched the evidence'
          : 'the rule engine chose it',
    });
  }
  const root =
    incident.causeChain[0] ??
    incident.latestEvent.errorMessage ??
    incident.title;
  const where = lines.find(l => decided.has(l.id)) ?? lines[0];
  const rec = incident.recommendation;
  const job = `${incident.jobNamespace}/${incident.jobName}`;
  return {
    hypotheses: hypotheses.slice(0, 5),
    rootCause: {
      summary: `${root}${where ? ` (line ${where.line}, ${where.id})` : ''}${
        attachments.length
          ? `; ${attachments.length} attached file(s) considered`
          : ''
      }`,
      confidence: c.confidence,
    },
    category: c.category,
    safeToRetry: incident.safeToRetry,
    remediation: {
      immediateFix: rec.action,
      change: rec.diagnostics.length
        ? `Check first: ${rec.diagnostics
            .map(d => `${d.label}: \`${d.command}\``)
            .join('; ')}`
        : `Review the failing step of ${job} at ${
            where ? `line ${where.line}` : 'the top of the log'
          }.`,
      prevention: rec.prevention,
      monitoring: `Alert on ${CATEGORY_INFO[
        c.category
      ].label.toLowerCase()} failures of ${job}${
        incident.consecutiveFailures > 1
          ? ` (failing ${incident.consecutiveFailures} times in a row)`
          : ''
      }.`,
    },
  };
}
