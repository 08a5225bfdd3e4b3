import type { QualityMetric } from './types';

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** ODCS v3.1 metrics, v3.0 rule names seen in the wild, and DCS/SodaCL functions. */
const RULE_NAMES: Record<string, QualityMetric> = {
  nullvalues: 'nullValues',
  nullcount: 'nullValues',
  nullcheck: 'nullValues',
  notnull: 'nullValues',
  isnotnull: 'nullValues',
  missingvalues: 'missingValues',
  missingcount: 'missingValues',
  missingpercent: 'missingValues',
  invalidvalues: 'invalidValues',
  invalidcount: 'invalidValues',
  invalidpercent: 'invalidValues',
  validvalues: 'invalidValues',
  acceptedvalues: 'invalidValues',
  allowedvalues: 'invalidValues',
  duplicatevalues: 'duplicateValues',
  duplicatecount: 'duplicateValues',
  duplicatepercent: 'duplicateValues',
  duplicates: 'duplicateValues',
  unique: 'duplicateValues',
  uniqueness: 'duplicateValues',
  isunique: 'duplicateValues',
  rowcount: 'rowCount',
  volume: 'rowCount',
  freshness: 'freshness',
};

/** The metric a contract's rule name stands for (`duplicateCount` → `duplicateValues`). */
export function metricOfRule(
  rule: string | undefined,
): QualityMetric | undefined {
  return rule ? RULE_NAMES[squash(rule)] : undefined;
}

/**
 * The metric a failed check measured, from its kind (`not_null`, `unique`, `accepted_values`,
 * `row_count`, OpenLineage assertion names, Great Expectations expectation types) or, when the
 * kind is missing, from a dbt-style test name (`not_null_orders_customer_id`).
 */
export function metricOfCheck(check: {
  kind?: string;
  name: string;
}): QualityMetric | undefined {
  for (const text of [check.kind, check.name]) {
    if (!text) continue;
    const direct = RULE_NAMES[squash(text)];
    if (direct) return direct;
    const t = text.toLowerCase();
    if (/(^|[^a-z])not_?null([^a-z]|$)|to_not_be_null/.test(t))
      return 'nullValues';
    if (/(^|[^a-z])unique([^a-z]|$)|to_be_unique|unique_combination/.test(t)) {
      return 'duplicateValues';
    }
    if (/accepted_values|to_be_in_set|valid_values/.test(t))
      return 'invalidValues';
    if (/row_?count/.test(t)) return 'rowCount';
  }
  return undefined;
}

/** Metrics a contract rule may be written with for a check of `metric`. */
export function sameMetric(
  rule: QualityMetric | undefined,
  metric: QualityMetric,
): boolean {
  if (!rule) return false;
  if (rule === metric) return true;
  const completeness = new Set<QualityMetric>(['nullValues', 'missingValues']);
  return completeness.has(rule) && completeness.has(metric);
}
