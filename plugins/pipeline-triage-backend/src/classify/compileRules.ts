import { InputError } from '@backstage/errors';
import { KeywordIndex } from './ahoCorasick';
import { compileLinearPattern, type LineMatcher } from './linearPattern';
import { requiredLiterals } from './requiredLiterals';
import type { PatternDef, RuleDef, RulePack, RuleScope } from './ruleTypes';

export interface CompiledRule {
  def: RuleDef;
  pack: string;
  scope: RuleScope;
  /** Set for rules of user packs: where they came from, for the budget warning. */
  userOrigin?: string;
  /** Built-in packs: native RegExp (vetted, fastest); user packs: RE2JS (linear time). */
  patterns: LineMatcher[];
  unless: LineMatcher[];
  requires: LineMatcher[];
}

/**
 * Rules ready to run: regexes compiled once, and a keyword index to skip hopeless ones.
 *
 * @alpha
 */
export interface CompiledRuleSet {
  rules: CompiledRule[];
  keywords: KeywordIndex;
  /** For keyword id k, the rules that require it. */
  keywordRules: number[][];
  /** Pattern rules with no usable literal: tested on every line in scope. */
  alwaysRules: number[];
  /** Rules without patterns: decided by signals or error codes. */
  predicateRules: number[];
  /** Time user-pack patterns may take per event before the rest of them are skipped. */
  userBudgetMs: number;
}

/** Default per-event budget of user-pack patterns: far above what sane patterns need. */
export const USER_RULE_BUDGET_MS = 50;

export function toPatternDef(p: PatternDef | string): PatternDef {
  return typeof p === 'string' ? { source: p } : p;
}

export function compilePattern(p: PatternDef | string): RegExp {
  const def = toPatternDef(p);
  return new RegExp(def.source, (def.flags ?? '').replace(/[gy]/g, ''));
}

/**
 * Compiles packs in order; a later rule with the same id replaces an earlier one, so a user
 * pack can retune or (with weight 0) switch off a built-in rule.
 */
export function compileRulePacks(
  packs: RulePack[],
  userBudgetMs = USER_RULE_BUDGET_MS,
): CompiledRuleSet {
  const byId = new Map<string, CompiledRule>();
  for (const pack of packs) {
    const compile = pack.user
      ? (p: PatternDef | string) => compileLinearPattern(toPatternDef(p))
      : compilePattern;
    for (const def of pack.rules) {
      try {
        byId.set(def.id, {
          def,
          pack: pack.name,
          scope: def.where ?? 'error',
          userOrigin: pack.user ? pack.origin ?? pack.name : undefined,
          patterns: (def.patterns ?? []).map(compile),
          unless: (def.unless ?? []).map(compile),
          requires: (def.requires ?? []).map(compile),
        });
      } catch (e) {
        throw new InputError(
          `Rule pack ${pack.origin ?? pack.name}: rule '${
            def.id
          }' field 'patterns': ${(e as Error).message}`,
        );
      }
    }
  }
  const rules = [...byId.values()].filter(r => r.def.weight > 0);

  const keywordIds = new Map<string, number>();
  const keywordRules: number[][] = [];
  const alwaysRules: number[] = [];
  const predicateRules: number[] = [];
  rules.forEach((rule, index) => {
    if (rule.patterns.length === 0) {
      predicateRules.push(index);
      return;
    }
    const literals: string[] = [];
    for (const p of rule.def.patterns ?? []) {
      const lits = requiredLiterals(toPatternDef(p).source);
      if (!lits) {
        alwaysRules.push(index);
        return;
      }
      literals.push(...lits);
    }
    for (const lit of new Set(literals)) {
      let id = keywordIds.get(lit);
      if (id === undefined) {
        id = keywordRules.length;
        keywordIds.set(lit, id);
        keywordRules.push([]);
      }
      keywordRules[id].push(index);
    }
  });
  return {
    rules,
    keywords: new KeywordIndex([...keywordIds.keys()]),
    keywordRules,
    alwaysRules,
    predicateRules,
    userBudgetMs,
  };
}
