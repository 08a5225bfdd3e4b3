export { classify } from './classify';
export type { ClassifyOptions } from './classify';
export { scoreEvidence } from './scoreEvidence';
export type { RuleHit, Scores, ScoredCategory } from './scoreEvidence';
export { compileRulePacks } from './compileRules';
export type { CompiledRule, CompiledRuleSet } from './compileRules';
export { builtInRuleSet } from './builtInRuleSet';
export { BUILT_IN_RULE_PACKS } from './packs';
export { parseRulePack, loadRulePackFile } from './loadRulePacks';
export { compileLinearPattern } from './linearPattern';
export type { LineMatcher } from './linearPattern';
export { CALIBRATION } from './calibrate';
export type {
  CodePredicate,
  ExtraEvidence,
  PatternDef,
  RuleDef,
  RulePack,
  RuleScope,
  SignalPredicate,
} from './ruleTypes';
export { VENDOR_CODE_TABLES, vendorCodeEntry } from './vendorCodes';
export type { VendorCodeEntry, VendorCodeTable } from './vendorCodes';
export { KeywordIndex } from './ahoCorasick';
export { requiredLiterals } from './requiredLiterals';
export { UNFILLED_PATH_PLACEHOLDER } from './packs/waitsChecksFiles';
