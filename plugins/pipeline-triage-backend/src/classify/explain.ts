import type {
  Category,
  Hypothesis,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Evidence } from '../evidence';
import { NEIGHBOURS, signalsAgainst } from './against';
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
  return `${hit.description} (${hit.ruleId}) on ${WHERE[hit.on] ?? hit.on} ${
    hit.lineId
  }`;
}

function fmt(n: number): string {
  return n.toFixed(2);
}

/** Why the winner won, in one sentence. */
export function winnerReason(category: Category, scores: Scores): string {
  const hits = scores.hits.filter(h => h.category === category && !h.prior);
  if (hits.length === 0) return 'No rule supported it.';
  const more =
    hits.length > 1
      ? `, with ${hits.length - 1} more supporting finding(s)`
      : '';
  return `${describe(hits[0])}${more}; score ${fmt(
    scores.scores[category as ScoredCategory],
  )}.`;
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
  if (
    top.on === 'wrapper' ||
    top.on === 'frame' ||
    top.on === 'context' ||
    top.on === 'retried'
  ) {
    parts.push(`matched ${WHERE[top.on]} (${top.lineId}), not the root cause`);
  } else if (top.weight < 0.6) {
    parts.push(
      `only generic wording matched: ${top.description} on ${top.lineId}`,
    );
  } else {
    parts.push(`weaker evidence: ${describe(top)}`);
  }
  const against =
    winner === 'unknown' ? '' : ` vs ${fmt(winnerScore)} for ${winner}`;
  return `${parts.join('; ')}; score ${fmt(score)}${against}.`;
}

/** The evidence against a hypothesis that lost, one finding a line, strongest first. */
export function evidenceAgainst(
  category: ScoredCategory,
  winner: Category,
  winnerScore: number,
  scores: Scores,
  evidence: Evidence,
): string[] {
  const out: string[] = [];
  const hits = scores.hits.filter(h => h.category === category && !h.prior);
  // What the run's own figures say first: they are the most concrete evidence.
  out.push(...signalsAgainst(category, evidence));
  const explainedBy = scores.explainedBy[category];
  if (explainedBy) {
    const by = scores.hits.find(h => h.ruleId === explainedBy);
    out.push(
      `a stronger finding explains it as a symptom: ${
        by ? describe(by) : explainedBy
      }`,
    );
  }
  const top = hits[0];
  if (!top) out.push('none of its rules matched the evidence');
  else if (
    top.on === 'wrapper' ||
    top.on === 'frame' ||
    top.on === 'context' ||
    top.on === 'retried'
  ) {
    out.push(
      `its only support is ${WHERE[top.on]} (${
        top.lineId
      }), not the root cause`,
    );
  } else if (top.weight < 0.6) {
    out.push(
      `only generic wording supports it: ${top.description} on ${top.lineId}`,
    );
  }
  if (winner !== 'unknown')
    out.push(
      `score ${fmt(scores.scores[category])} against ${fmt(
        winnerScore,
      )} for ${winner}`,
    );
  return out;
}

/**
 * The strongest hypotheses (three by default), the winner's first: each with its score, why
 * it won or lost, and for those that lost the evidence against them. When fewer categories
 * scored, the ones most often mistaken for the winner fill the list, so a reader sees what
 * was ruled out and why.
 */
export function buildHypotheses(
  winner: Category,
  ranked: Array<{ category: ScoredCategory; score: number }>,
  scores: Scores,
  evidence: Evidence,
  limit = 3,
): Hypothesis[] {
  const ruleIds = (c: ScoredCategory) =>
    scores.hits.filter(h => h.category === c).map(h => h.ruleId);
  const winnerScore =
    winner === 'unknown' ? 0 : scores.scores[winner as ScoredCategory];
  const chosen = ranked
    .filter(r => r.score > 0)
    .slice(0, limit)
    .map(r => r.category);
  const anchor = winner === 'unknown' ? chosen[0] ?? 'unknown' : winner;
  for (const c of NEIGHBOURS[anchor]) {
    if (chosen.length >= limit) break;
    if (c !== 'unknown' && !chosen.includes(c as ScoredCategory))
      chosen.push(c as ScoredCategory);
  }
  return chosen.map(category => {
    const score = scores.scores[category];
    if (category === winner) {
      return {
        category,
        score: Math.round(score * 1000) / 1000,
        rules: ruleIds(category),
        reason: winnerReason(category, scores),
      };
    }
    return {
      category,
      score: Math.round(score * 1000) / 1000,
      rules: ruleIds(category),
      reason:
        score > 0
          ? runnerUpReason(category, winner, winnerScore, scores)
          : 'No rule supported it.',
      against: evidenceAgainst(category, winner, winnerScore, scores, evidence),
    };
  });
}
