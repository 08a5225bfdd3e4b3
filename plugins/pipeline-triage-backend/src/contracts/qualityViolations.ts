import type { QualityCheck } from '@pipeline-triage/plugin-pipeline-triage-common';
import { notNullColumns } from './columnsFromErrors';
import { propertyNamed } from './contractTableFor';
import { metricOfCheck, sameMetric } from './qualityMetrics';
import type {
  ClauseLocation,
  ContractProperty,
  ContractTable,
  QualityMetric,
  QualityRule,
} from './types';
import {
  Violation,
  ViolationClause,
  violationBase,
  ViolationContext,
  where,
} from './violation';

const CLAUSES: Partial<Record<QualityMetric, ViolationClause>> = {
  nullValues: 'null_values',
  missingValues: 'null_values',
  duplicateValues: 'duplicate_values',
  invalidValues: 'invalid_values',
  rowCount: 'row_count',
};

const WHAT: Partial<Record<ViolationClause, string>> = {
  null_values: 'null values',
  duplicate_values: 'duplicate values',
  invalid_values: 'invalid values',
  row_count: 'row count',
};

const lower = (s: string | undefined) => s?.trim().toLowerCase();

/** All rules of a table, property-level ones included. */
function tableRules(table: ContractTable): QualityRule[] {
  const out = [...table.quality];
  const walk = (p: ContractProperty) => {
    out.push(...p.quality);
    p.children.forEach(walk);
  };
  table.properties.forEach(walk);
  return out;
}

/** The column a dbt-style test name is about: `not_null_orders_customer_id` → customer_id. */
function columnInName(name: string, table: ContractTable): string | undefined {
  const n = name.toLowerCase();
  const hits = table.properties
    .map(p => p.name)
    .filter(c => {
      const col = c.toLowerCase();
      return (
        n.endsWith(`_${col}`) ||
        n.includes(`_${col}__`) ||
        n.includes(`.${col}`) ||
        n === col
      );
    })
    .sort((a, b) => b.length - a.length);
  return hits[0];
}

function describeRule(rule: QualityRule): string {
  const name = rule.rule ?? rule.metric ?? rule.name ?? rule.type;
  const parts = [name];
  if (rule.operator)
    parts.push(`${rule.operator} ${JSON.stringify(rule.threshold)}`);
  if (rule.unit) parts.push(rule.unit);
  if (rule.validValues)
    parts.push(`(valid: ${rule.validValues.map(v => String(v)).join(', ')})`);
  return parts.join(' ');
}

function observedOf(
  check: QualityCheck,
  rowCount: number | undefined,
  clause: ViolationClause,
): string {
  if (clause === 'row_count' && rowCount !== undefined)
    return `${rowCount} rows`;
  if (check.failures !== undefined) {
    return `${check.failures} failing row${check.failures === 1 ? '' : 's'} (${
      check.name
    })`;
  }
  return check.message
    ? `${check.name}: ${check.message}`
    : `${check.name} failed`;
}

/** Where a check with no matching rule still breaks the contract: required / unique properties. */
function propertyClause(
  metric: QualityMetric,
  p: ContractProperty | undefined,
): { location: ClauseLocation; expected: string } | undefined {
  if (!p) return undefined;
  if ((metric === 'nullValues' || metric === 'missingValues') && !p.nullable) {
    return {
      location: p.keyLocations.required ?? p.keyLocations.primaryKey ?? p,
      expected: p.required
        ? 'required: true (no nulls)'
        : 'primaryKey: true (no nulls)',
    };
  }
  if (metric === 'duplicateValues' && (p.unique || p.primaryKey)) {
    return {
      location: p.keyLocations.unique ?? p.keyLocations.primaryKey ?? p,
      expected: p.unique ? 'unique: true' : 'primaryKey: true (unique)',
    };
  }
  return undefined;
}

/**
 * Quality clauses broken by the dataset's failed checks (OpenLineage assertions, dbt tests, Great
 * Expectations), matched to the contract's rules by metric and column; a check the contract has
 * no rule for still counts when the property says required or unique. Checks about things the
 * contract does not promise are not violations.
 */
export function qualityViolations(
  ctx: ViolationContext,
  table: ContractTable,
): Violation[] {
  const { dataset, event } = ctx.input;
  const { contractName: c, tableName: t } = ctx;
  const rules = tableRules(table);
  const out: Violation[] = [];
  const seen = new Set<string>();
  const base = {
    ...violationBase(ctx),
    kind: 'quality' as const,
    contractTable: table.name,
  };

  const failed: Array<{
    check: QualityCheck;
    evidence: Violation['evidence'];
  }> = (dataset.quality ?? [])
    .filter(q => !q.success)
    .map(check => ({ check, evidence: 'quality_check' as const }));
  // A not-null constraint error names its column even when no check was sent.
  if (!failed.length) {
    for (const found of notNullColumns(event.errorMessage, event.logExcerpt)) {
      failed.push({
        check: {
          name: 'not_null',
          kind: 'not_null',
          column: found.column,
          success: false,
          message: found.excerpt,
        },
        evidence: 'error_message',
      });
    }
  }

  for (const { check, evidence } of failed) {
    const metric = metricOfCheck(check);
    const clause = metric && CLAUSES[metric];
    if (!metric || !clause) continue;
    const column =
      metric === 'rowCount'
        ? undefined
        : check.column ?? columnInName(check.name, table);
    const property = propertyNamed(table, column);
    if (metric !== 'rowCount' && !property) continue;

    const rule = rules.find(
      r =>
        sameMetric(r.metric, metric) &&
        (metric === 'rowCount'
          ? !r.column
          : lower(r.column) === lower(property!.name)),
    );
    const fallback = rule ? undefined : propertyClause(metric, property);
    const location: ClauseLocation | undefined = rule ?? fallback?.location;
    if (!location || seen.has(location.path)) continue;
    seen.add(location.path);

    const expected = rule ? describeRule(rule) : fallback!.expected;
    const observed = observedOf(check, dataset.rowCount, clause);
    const subject = property
      ? `column ${property.name}`
      : `table ${table.name}`;
    const what = WHAT[clause] ?? clause;
    const v: Violation = {
      ...base,
      evidence,
      path: location.path,
      clause,
      observed,
      expected,
      message: `${what[0].toUpperCase()}${what.slice(
        1,
      )} in ${subject} of ${t}: ${observed}; contract ${c}${where(
        location.path,
        location.line,
      )} expects ${expected}.`,
      evidenceText: `contract ${c}: ${what} in ${
        property ? `${property.name} of ` : ''
      }${t} (${check.name}), contract expects ${expected}`,
    };
    if (location.line) v.line = location.line;
    if (property) v.column = property.name;
    out.push(v);
  }
  return out;
}
