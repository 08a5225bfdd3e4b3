import { compileRulePacks, CompiledRuleSet } from './compileRules';
import { BUILT_IN_RULE_PACKS } from './packs';

let compiled: CompiledRuleSet | undefined;

/** The built-in packs, compiled on first use and shared. */
export function builtInRuleSet(): CompiledRuleSet {
  compiled ??= compileRulePacks(BUILT_IN_RULE_PACKS);
  return compiled;
}
