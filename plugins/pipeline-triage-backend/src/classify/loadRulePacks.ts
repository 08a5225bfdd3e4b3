import { InputError } from '@backstage/errors';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compilePattern, toPatternDef } from './compileRules';
import { rulePackSchema, ruleSchema } from './rulePackSchema';
import type { PatternDef, RuleDef, RulePack } from './ruleTypes';
import { checkRegexSafety, probeRegexCost } from './safeRegex';

function issuePath(issue: { path: PropertyKey[] }): string {
  return issue.path.length > 0 ? issue.path.map(String).join('.') : '(rule)';
}

function fail(origin: string, ruleId: string | undefined, field: string, message: string): never {
  const rule = ruleId ? ` rule '${ruleId}'` : '';
  throw new InputError(`Invalid rule pack ${origin}:${rule} field '${field}': ${message}`);
}

function checkPatterns(origin: string, ruleId: string, field: string, patterns: Array<PatternDef | string>) {
  patterns.forEach((p, i) => {
    const def = toPatternDef(p);
    const risk = checkRegexSafety(def.source);
    if (!risk.safe) fail(origin, ruleId, `${field}.${i}`, `pattern /${def.source}/ rejected: ${risk.reason}`);
    let re: RegExp;
    try {
      re = compilePattern(def);
    } catch (e) {
      fail(origin, ruleId, `${field}.${i}`, `invalid regular expression: ${(e as Error).message}`);
    }
    const cost = probeRegexCost(re);
    if (!cost.safe) fail(origin, ruleId, `${field}.${i}`, `pattern /${def.source}/ rejected: ${cost.reason}`);
  });
}

/**
 * Validates a user rule pack given as a plain object (parsed YAML or app-config). Errors name
 * the origin (file or config key), the rule id and the field. Patterns that can backtrack
 * catastrophically are rejected: user rules run on every failure's log.
 */
export function parseRulePack(value: unknown, origin: string): RulePack {
  const pack = rulePackSchema.safeParse(value);
  if (!pack.success) {
    const issue = pack.error.issues[0];
    fail(origin, undefined, issuePath(issue), issue.message);
  }
  const seen = new Set<string>();
  const rules: RuleDef[] = pack.data.rules.map((raw, index) => {
    const id =
      raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
        ? (raw as { id: string }).id
        : `#${index + 1}`;
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(origin, id, issuePath(issue), issue.message);
    }
    const rule = parsed.data as RuleDef;
    if (seen.has(rule.id)) fail(origin, rule.id, 'id', 'duplicate rule id in this pack');
    seen.add(rule.id);
    checkPatterns(origin, rule.id, 'patterns', rule.patterns ?? []);
    checkPatterns(origin, rule.id, 'unless', rule.unless ?? []);
    checkPatterns(origin, rule.id, 'requires', rule.requires ?? []);
    return rule;
  });
  return { name: pack.data.name, origin, rules };
}

/** Reads and validates a YAML (or JSON) rule pack file. */
export function loadRulePackFile(path: string): RulePack {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`Cannot read rule pack ${path}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (e) {
    throw new InputError(`Invalid rule pack ${path}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const pack = parseRulePack(value, path);
  return { ...pack, name: pack.name || basename(path) };
}
