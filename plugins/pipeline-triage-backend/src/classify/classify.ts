import {
  Classification,
  domainOf,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Evidence } from '../evidence';
import { decide } from './calibrate';
import type { CompiledRuleSet } from './compileRules';
import { buildHypotheses } from './explain';
import { builtInRuleSet } from './builtInRuleSet';
import type { ExtraEvidence } from './ruleTypes';
import { scoreEvidence, ScoredCategory } from './scoreEvidence';
import { wordFallback } from './wordModel/wordFallback';

export interface ClassifyOptions {
  /** Compiled rules; default: the built-in packs. */
  rules?: CompiledRuleSet;
  /** Evidence from later stages (e.g. contract violations), scored like rule hits. */
  extraEvidence?: ExtraEvidence[];
}

/** Assigns one category of the taxonomy with a calibrated confidence and its reasons. */
export function classify(
  evidence: Evidence,
  options: ClassifyOptions = {},
): Classification {
  const scores = scoreEvidence(
    evidence,
    options.rules ?? builtInRuleSet(),
    options.extraEvidence,
  );
  const ranked = (
    Object.entries(scores.scores) as Array<[ScoredCategory, number]>
  )
    .map(([category, score]) => ({ category, score }))
    .sort((a, b) => b.score - a.score);
  // Hits are sorted by contribution: the first one for the leader is its strongest finding.
  const deciding = scores.hits.find(
    h => h.category === ranked[0]?.category && !h.prior,
  );
  const decision = decide(ranked, deciding);
  // No rule settles it: the words of the error lines may still point to a category (a lead at
  // low confidence); a conflict is settled only between the two categories the rules found.
  const lead =
    decision.winner === 'unknown'
      ? wordFallback(
          evidence,
          decision.reason === 'conflict'
            ? [ranked[0].category, ranked[1].category]
            : undefined,
        )
      : undefined;
  if (lead) {
    const rest = buildHypotheses(lead.category, ranked, scores, evidence)
      .filter(h => !lead.hypotheses.some(l => l.category === h.category))
      .slice(0, Math.max(0, 3 - lead.hypotheses.length));
    return {
      category: lead.category,
      domain: domainOf(lead.category),
      confidence: lead.confidence,
      evidence: lead.evidence,
      rules: [lead.hypotheses[0].rules[0]],
      hypotheses: [...lead.hypotheses, ...rest],
      source: 'rules',
      ...warningsOf(scores),
    };
  }
  const category = decision.winner as Classification['category'];

  let hypotheses = buildHypotheses(category, ranked, scores, evidence);
  if (category === 'unknown') {
    const note =
      decision.reason === 'conflict'
        ? `Top hypotheses conflict: ${
            ranked[0].category
          } ${ranked[0].score.toFixed(2)} vs ${
            ranked[1].category
          } ${ranked[1].score.toFixed(2)}.`
        : `Nothing supports a category strongly enough (best ${
            ranked[0]?.category ?? 'none'
          } at ${(ranked[0]?.score ?? 0).toFixed(2)}).`;
    hypotheses = [
      { category: 'unknown', score: 0, rules: [], reason: note },
      ...hypotheses,
    ];
  }
  const decidingHits =
    category === 'unknown'
      ? []
      : scores.hits.filter(h => h.category === category && !h.prior);
  return {
    category,
    domain: domainOf(category),
    confidence: decision.confidence,
    evidence: [...new Set(decidingHits.map(h => h.lineId))],
    rules: [...new Set(decidingHits.map(h => h.ruleId))],
    hypotheses,
    source: 'rules',
    ...warningsOf(scores),
  };
}

function warningsOf(
  scores: ReturnType<typeof scoreEvidence>,
): Pick<Classification, 'warnings'> {
  const stopped = scores.userRulesStopped;
  return stopped
    ? {
        warnings: [
          `User rule pack ${stopped.origin}: rule '${stopped.ruleId}' field '${stopped.field}' ` +
            `ran past the ${stopped.budgetMs} ms budget for one event (${stopped.spentMs} ms); ` +
            'the remaining user rules were skipped for this event',
        ],
      }
    : {};
}
