import {
  CATEGORIES,
  Category,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Evidence, ScannedLine } from '../evidence';
import type { CompiledRule, CompiledRuleSet } from './compileRules';
import type { ExtraEvidence, RuleScope } from './ruleTypes';
import { SALIENCE } from './salience';
import { matchingCode, signalHolds } from './signalPredicate';

export type ScoredCategory = Exclude<Category, 'unknown'>;

export interface RuleHit {
  ruleId: string;
  category: ScoredCategory;
  description: string;
  lineId: string;
  /** Role of the line that matched, or 'signal' / 'extra'. */
  on: string;
  weight: number;
  contribution: number;
  explains?: ScoredCategory[];
  prior?: boolean;
}

export interface Scores {
  /** Score per category in [0, 1), after agreement, priors and explanations. */
  scores: Record<ScoredCategory, number>;
  hits: RuleHit[];
  /** Categories reduced because a stronger finding explains them, and by which rule. */
  explainedBy: Partial<Record<ScoredCategory, string>>;
  /** Set when user-pack patterns ran out of their per-event budget and the rest were skipped. */
  userRulesStopped?: {
    ruleId: string;
    field: string;
    origin: string;
    spentMs: number;
    budgetMs: number;
  };
}

/**
 * Times user-pack patterns on one event. Built-in patterns are vetted; user ones run on RE2JS,
 * linear in the line, but a pack of many patterns can still cost more than it should, so past
 * the budget they stop: a pattern then no longer matches, and an `unless` exception counts as
 * present, so a user rule that could not be checked fully never scores.
 */
const PATTERN_FIELDS = ['patterns', 'unless', 'requires'] as const;

class UserBudget {
  spentMs = 0;
  stopped?: Scores['userRulesStopped'];
  constructor(private readonly budgetMs: number) {}

  /** The rule with each of its regex lists (patterns, unless, ...) tested within the budget. */
  wrap(rule: CompiledRule): CompiledRule {
    const wrapped: Record<string, unknown> = { ...rule };
    for (const field of PATTERN_FIELDS) {
      const whenStopped = field === 'unless';
      wrapped[field] = rule[field].map(re => ({
        test: (text: string) => {
          if (this.stopped) return whenStopped;
          const start = performance.now();
          const result = re.test(text);
          this.spentMs += performance.now() - start;
          if (this.spentMs > this.budgetMs) {
            this.stopped = {
              ruleId: rule.def.id,
              field,
              origin: rule.userOrigin!,
              spentMs: Math.round(this.spentMs),
              budgetMs: this.budgetMs,
            };
          }
          return result;
        },
      }));
    }
    return wrapped as unknown as CompiledRule;
  }
}

/** Further evidence for a category adds up, but less than the first piece (it is correlated). */
const AGREEMENT = 0.5;
/** A second rule firing on the very same line is mostly the same evidence read twice. */
const SAME_LINE = 0.2;
/** How much an explaining finding reduces the category it explains, scaled by its strength. */
const EXPLAIN_DAMPING = 0.6;

function admits(
  scope: RuleScope,
  line: ScannedLine,
  chainIds: Set<string>,
  hasMessage: boolean,
): boolean {
  switch (scope) {
    case 'root':
      return line.role === 'root';
    case 'chain':
      return chainIds.has(line.id);
    case 'error':
      return line.role !== 'context' && line.role !== 'frame';
    // 'retried' lines pass 'error' scope with a low salience.
    case 'message':
      return hasMessage ? line.section === 'message' : line.role === 'root';
    case 'any':
    default:
      return true;
  }
}

function unlessMatches(rule: CompiledRule, evidence: Evidence): boolean {
  if (rule.unless.length === 0) return false;
  for (const line of evidence.lines) {
    if (line.role === 'frame') continue;
    for (const re of rule.unless) if (re.test(line.text)) return true;
  }
  return false;
}

function requirementHolds(rule: CompiledRule, evidence: Evidence): boolean {
  if (rule.requires.length === 0) return true;
  for (const line of evidence.lines) {
    if (line.role === 'frame') continue;
    for (const re of rule.requires) if (re.test(line.text)) return true;
  }
  return false;
}

function signalLineId(evidence: Evidence, signal: string): string {
  const name = signal === 'killSignal' ? 'exitCode' : signal;
  return (
    evidence.signalLines.find(l => l.text.startsWith(`${name}=`))?.id ?? 'S0'
  );
}

/** Runs every rule over the evidence and adds up what they say per category. */
export function scoreEvidence(
  evidence: Evidence,
  ruleSet: CompiledRuleSet,
  extraEvidence: ExtraEvidence[] = [],
): Scores {
  const budget = new UserBudget(ruleSet.userBudgetMs ?? Infinity);
  const rules = ruleSet.rules.map(r => (r.userOrigin ? budget.wrap(r) : r));
  const best = new Map<
    number,
    {
      line: ScannedLine | undefined;
      salience: number;
      lineId: string;
      on: string;
    }
  >();
  const chainIds = new Set(evidence.causeChain.flatMap(l => l.lineIds));
  const hasMessage = evidence.lines.some(l => l.section === 'message');

  // Pattern rules: one keyword scan per line picks the candidates.
  const stamp = new Int32Array(rules.length).fill(-1);
  evidence.lines.forEach((line, lineIndex) => {
    const salience = SALIENCE[line.role];
    const candidates: number[] = [];
    const consider = (ruleIndex: number) => {
      if (stamp[ruleIndex] === lineIndex) return;
      stamp[ruleIndex] = lineIndex;
      candidates.push(ruleIndex);
    };
    ruleSet.keywords.scan(line.lower, k => {
      for (const r of ruleSet.keywordRules[k]) consider(r);
    });
    for (const r of ruleSet.alwaysRules) consider(r);
    for (const r of candidates) {
      const rule = rules[r];
      const previous = best.get(r);
      if (previous && previous.salience >= salience) continue;
      if (!admits(rule.scope, line, chainIds, hasMessage)) continue;
      if (rule.patterns.some(re => re.test(line.text))) {
        best.set(r, { line, salience, lineId: line.id, on: line.role });
      }
    }
  });

  // Rules decided by signals or codes alone.
  for (const r of ruleSet.predicateRules) {
    const { def } = rules[r];
    if (def.code) {
      const code = matchingCode(def.code, evidence.codes);
      if (!code) continue;
      const line = evidence.byId.get(code.lineId);
      const role = line?.role ?? 'error';
      best.set(r, {
        line,
        salience: SALIENCE[role],
        lineId: code.lineId,
        on: role,
      });
    } else if (def.signals && def.signals.length > 0) {
      best.set(r, {
        line: undefined,
        salience: 1,
        lineId: signalLineId(evidence, def.signals[0].signal),
        on: 'signal',
      });
    }
  }

  const hits: RuleHit[] = [];
  for (const [r, match] of best) {
    const rule = rules[r];
    const { def } = rule;
    if (
      def.signals &&
      !def.signals.every(p => signalHolds(p, evidence.signals))
    )
      continue;
    if (
      def.code &&
      rule.patterns.length > 0 &&
      !matchingCode(def.code, evidence.codes)
    )
      continue;
    if (unlessMatches(rule, evidence)) continue;
    if (!requirementHolds(rule, evidence)) continue;
    hits.push({
      ruleId: def.id,
      category: def.category,
      description: def.description ?? def.id,
      lineId: match.lineId,
      on: match.on,
      weight: def.weight,
      contribution: def.weight * match.salience,
      explains: def.explains,
      prior: def.prior,
    });
  }
  extraEvidence.forEach((x, i) => {
    hits.push({
      ruleId: `extra:${x.kind}`,
      category: x.category,
      description: x.text,
      lineId: `X${i + 1}`,
      on: 'extra',
      weight: x.weight,
      contribution: x.weight,
    });
  });
  hits.sort((a, b) => b.contribution - a.contribution);

  const scores = Object.fromEntries(
    CATEGORIES.filter(c => c !== 'unknown').map(c => [c, 0]),
  ) as Record<ScoredCategory, number>;
  const seenLines = new Map<ScoredCategory, Set<string>>();
  for (const hit of hits) {
    if (hit.prior) continue;
    const lines = seenLines.get(hit.category) ?? new Set<string>();
    seenLines.set(hit.category, lines);
    const current = scores[hit.category];
    if (current === 0) scores[hit.category] = hit.contribution;
    else {
      const factor = lines.has(hit.lineId) ? SAME_LINE : AGREEMENT;
      scores[hit.category] =
        current + (1 - current) * hit.contribution * factor;
    }
    lines.add(hit.lineId);
  }
  for (const hit of hits) {
    if (hit.prior && scores[hit.category] > 0) {
      scores[hit.category] += (1 - scores[hit.category]) * hit.contribution;
    }
  }
  const explainedBy: Partial<Record<ScoredCategory, string>> = {};
  for (const hit of hits) {
    if (!hit.explains || hit.prior) continue;
    // Only a finding that is itself well supported may explain others away.
    if (scores[hit.category] < 0.5) continue;
    for (const c of hit.explains) {
      if (c === hit.category || scores[c] === 0) continue;
      scores[c] *= 1 - EXPLAIN_DAMPING * hit.contribution;
      explainedBy[c] ??= hit.ruleId;
    }
  }
  return { scores, hits, explainedBy, userRulesStopped: budget.stopped };
}
