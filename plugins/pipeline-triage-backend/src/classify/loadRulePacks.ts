import { InputError } from '@backstage/errors';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compilePattern, toPatternDef } from './compileRules';
import { compileLinearPattern } from './linearPattern';
import { rulePackSchema, ruleSchema } from './rulePackSchema';
import type { PatternDef, RuleDef, RulePack } from './ruleTypes';

function issuePath(issue: { path: PropertyKey[] }): string {
  return issue.path.length > 0 ? issue.path.map(String).join('.') : '(rule)';
}

function fail(
  origin: string,
  ruleId: string | undefined,
  field: string,
  message: string,
): never {
  const rule = ruleId ? ` rule '${ruleId}'` : '';
  throw new InputError(
    `Invalid rule pack ${origin}:${rule} field '${field}': ${message}`,
  );
}

/** User patterns must compile for the linear-time engine they run on (linearPattern.ts). */
function checkPatterns(
  origin: string,
  ruleId: string,
  field: string,
  patterns: Array<PatternDef | string>,
) {
  patterns.forEach((p, i) => {
    const def = toPatternDef(p);
    try {
      // Still a JavaScript regular expression (the documented format, and what the keyword
      // prefilter reads); compiling one never runs it.
      compilePattern(def);
    } catch (e) {
      fail(
        origin,
        ruleId,
        `${field}.${i}`,
        `invalid regular expression: ${(e as Error).message}`,
      );
    }
    try {
      compileLinearPattern(def);
    } catch (e) {
      fail(
        origin,
        ruleId,
        `${field}.${i}`,
        `pattern /${def.source}/ rejected: ${(e as Error).message}`,
      );
    }
  });
}

/**
 * Validates a user rule pack given as a plain object (parsed YAML or app-config). Errors name
 * the origin (file or config key), the rule id and the field. User patterns run on RE2JS, in
 * time linear in the line; one it cannot run (back-references, lookaround) is rejected.
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
      raw &&
      typeof raw === 'object' &&
      typeof (raw as { id?: unknown }).id === 'string'
        ? (raw as { id: string }).id
        : `#${index + 1}`;
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(origin, id, issuePath(issue), issue.message);
    }
    const rule = parsed.data as RuleDef;
    if (seen.has(rule.id))
      fail(origin, rule.id, 'id', 'duplicate rule id in this pack');
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
    throw new InputError(
      `Cannot read rule pack ${path}: ${(e as Error).message}`,
    );
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (e) {
    throw new InputError(
      `Invalid rule pack ${path}: not valid YAML: ${
        (e as Error).message.split('\n')[0]
      }`,
    );
  }
  const pack = parseRulePack(value, path);
  return { ...pack, name: pack.name || basename(path) };
}
