import type { PathSegment } from './documentPath';
import { metricOfRule } from './qualityMetrics';
import type { QualityOperator, QualityRule } from './types';
import type { YamlSource } from './yamlSource';

const CHECK =
  /^\s*([a-z_]+)\s*(?:\(([^)]*)\))?\s*(=|==|!=|>=|<=|>|<)?\s*(.*?)\s*$/i;

const OPERATORS: Record<string, QualityOperator> = {
  '=': 'mustBe',
  '==': 'mustBe',
  '!=': 'mustNotBe',
  '>': 'mustBeGreaterThan',
  '>=': 'mustBeGreaterOrEqualTo',
  '<': 'mustBeLessThan',
  '<=': 'mustBeLessOrEqualTo',
};

function threshold(text: string): unknown {
  if (text === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** A check is a string, or a mapping from the check to its configuration. */
function checkText(check: unknown): string | undefined {
  if (typeof check === 'string') return check;
  if (check && typeof check === 'object') return Object.keys(check)[0];
  return undefined;
}

/**
 * Quality rules from a SodaCL specification (`checks for customers: [missing_count(id) = 0, …]`),
 * as the Data Contract Specification embeds it. Each check keeps its path and line; a check
 * written as a mapping (`invalid_count(email) = 0: {valid format: email}`) is read by its key.
 * Checks that are not one of the metric functions are kept with no metric.
 */
export function sodaChecks(
  specification: unknown,
  at: PathSegment[],
  source: YamlSource,
  defaultTable: string | undefined,
): QualityRule[] {
  if (
    !specification ||
    typeof specification !== 'object' ||
    Array.isArray(specification)
  ) {
    return [];
  }
  const rules: QualityRule[] = [];
  for (const [key, checks] of Object.entries(
    specification as Record<string, unknown>,
  )) {
    const table =
      /^checks for\s+(.+)$/i.exec(key.trim())?.[1].trim() ?? defaultTable;
    if (!table || !Array.isArray(checks)) continue;
    checks.forEach((check, i) => {
      const text = checkText(check);
      if (!text) return;
      const rule: QualityRule = {
        ...source.locate([...at, key, i]),
        table,
        type: 'sodacl',
        name: text,
      };
      const parsed = CHECK.exec(text);
      if (parsed) {
        const [, fn, args, op, value] = parsed;
        const metric = metricOfRule(fn);
        if (metric) {
          rule.metric = metric;
          rule.rule = fn;
          const columns =
            args
              ?.split(',')
              .map(s => s.trim())
              .filter(Boolean) ?? [];
          if (columns.length === 1) rule.column = columns[0];
          if (op) {
            rule.operator = OPERATORS[op];
            rule.threshold = threshold(value);
          }
          if (/_percent$/i.test(fn)) rule.unit = 'percent';
        }
      }
      rules.push(rule);
    });
  }
  return rules;
}
