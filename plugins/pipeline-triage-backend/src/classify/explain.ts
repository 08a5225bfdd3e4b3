import type { Category, Hypothesis } from '@internal/plugin-pipeline-triage-common';
import type { RuleHit, Scores, ScoredCategory } from './scoreEvidence';

const WHERE: Record<string, string> = {
  root: 'the root-cause line',
  cause: 'a cause in the exception chain',
  error: 'an error line',
  warning: 'a warning line',
  context: 'a context line',
  wrapper: 'a wrapper line only',
  retried: 'an error the tool was retrying',
  frame: 'a stack frame only',
  signal: 'a run signal',
  extra: 'added evidence',
};

function describe(hit: RuleHit): string {
  return `${hit.description} (${hit.ruleId}) on ${WHERE[hit.on] ?? hit.on} ${hit.lineId}`;
}

function fmt(n: number): string {
  return n.toFixed(2);
}

/** Why the winner won, in one sentence. */
export function winnerReason(category: Category, scores: Scores): string {
  const hits = scores.hits.filter(h => h.category === category && !h.prior);
  if (hits.length === 0) return 'No rule supported it.';
  const more = hits.length > 1 ? `, with ${hits.length - 1} more supporting finding(s)` : '';
  return `${describe(hits[0])}${more}; score ${fmt(scores.scores[category as ScoredCategory])}.`;
}

/** Why a runner-up lost against the winner, in one sentence. */
export function runnerUpReason(
  category: ScoredCategory,
  winner: Category,
  winnerScore: number,
  scores: Scores,
): string {
  const hits = scores.hits.filter(h => h.category === category && !h.prior);
  const score = scores.scores[category];
  const top = hits[0];
  const parts: string[] = [];
  if (!top) return `Only priors supported it; score ${fmt(score)}.`;
  const explainedBy = scores.explainedBy[category];
  if (explainedBy) parts.push(`explained as a symptom by ${explainedBy}`);
  if (top.on === 'wrapper' || top.on === 'frame' || top.on === 'context' || top.on === 'retried') {
    parts.push(`matched ${WHERE[top.on]} (${top.lineId}), not the root cause`);
  } else if (top.weight < 0.6) {
    parts.push(`only generic wording matched: ${top.description} on ${top.lineId}`);
  } else {
    parts.push(`weaker evidence: ${describe(top)}`);
  }
  const against = winner === 'unknown' ? '' : ` vs ${fmt(winnerScore)} for ${winner}`;
  return `${parts.join('; ')}; score ${fmt(score)}${against}.`;
}

export function buildHypotheses(
  winner: Category,
  ranked: Array<{ category: ScoredCategory; score: number }>,
  scores: Scores,
  limit = 4,
): Hypothesis[] {
  const ruleIds = (c: ScoredCategory) =>
    scores.hits.filter(h => h.category === c).map(h => h.ruleId);
  const winnerScore = winner === 'unknown' ? 0 : scores.scores[winner as ScoredCategory];
  return ranked
    .filter(r => r.score > 0)
    .slice(0, limit)
    .map(r => ({
      category: r.category,
      score: Math.round(r.score * 1000) / 1000,
      rules: ruleIds(r.category),
      reason:
        r.category === winner
          ? winnerReason(r.category, scores)
          : runnerUpReason(r.category, winner, winnerScore, scores),
    }));
}
