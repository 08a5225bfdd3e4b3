import type { Finding } from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  propertyNamed,
  type ClauseLocation,
  type ParsedContract,
} from '../contracts';
import { checkClause } from './checkClauses';
import type { ContractTestRun, TestCheck } from './types';

/** A catalog table under the contract, and the contract table it is (when known). */
export interface ContractTableEntity {
  entityRef: string;
  contractTable?: string;
}

export interface TestRunFindings {
  findings: Finding[];
  /** Checks that passed (or only informed), and failed checks that are not about the data. */
  passed: number;
  notFindings: Array<{ check: string; result: string; reason: string }>;
}

const lower = (s: string) => s.trim().toLocaleLowerCase('en-US');
const clip = (s: string, max: number) =>
  s.length > max ? `${s.slice(0, max - 1)}…` : s;

/** The table entity a check is about: the one that is its contract table, or the only one. */
function tableFor(
  check: TestCheck,
  tables: ContractTableEntity[],
): string | undefined {
  if (check.model) {
    const named = tables.filter(
      t => t.contractTable && lower(t.contractTable) === lower(check.model!),
    );
    if (named.length === 1) return named[0].entityRef;
  }
  return tables.length === 1 ? tables[0].entityRef : undefined;
}

/** Where in the contract the check's clause is written: the property key, the table, the SLA. */
function clauseLocation(
  contract: ParsedContract | undefined,
  check: TestCheck,
  kind: string,
  key: string | undefined,
): ClauseLocation | undefined {
  if (!contract) return undefined;
  if (kind === 'freshness') {
    const sla =
      check.type === 'servicelevel_retention'
        ? contract.sla.retention
        : contract.sla.freshness ?? contract.sla.latency;
    return sla ? { path: sla.path, line: sla.line } : undefined;
  }
  const table = check.model
    ? contract.tables.find(t => lower(t.name) === lower(check.model!))
    : undefined;
  if (!table) return undefined;
  const property = propertyNamed(table, check.field);
  if (!property) return { path: table.path, line: table.line };
  const at =
    (key && property.keyLocations[key as keyof typeof property.keyLocations]) ||
    property;
  return { path: at.path, line: at.line };
}

/**
 * The findings of a contract test run: one per failed or warning check about the data, on the
 * contract and the catalog table the check's schema is. Error results (the check could not run:
 * a connection, a bad query) and set-up checks say nothing about the data and are listed apart.
 */
export function findingsFromTestRun(
  run: ContractTestRun,
  contractRef: string,
  contract: ParsedContract | undefined,
  tables: ContractTableEntity[],
): TestRunFindings {
  const out: TestRunFindings = { findings: [], passed: 0, notFindings: [] };
  const where = run.server ? ` on ${run.server}` : '';
  for (const check of run.checks) {
    const label = check.name ?? check.key ?? check.type ?? 'check';
    if (
      check.result === 'passed' ||
      check.result === 'info' ||
      check.result === 'skipped'
    ) {
      out.passed += Number(check.result !== 'skipped');
      continue;
    }
    const clause =
      check.result === 'failed' || check.result === 'warning'
        ? checkClause(check.type, check.category)
        : undefined;
    if (!clause) {
      out.notFindings.push({
        check: clip(label, 500),
        result: check.result,
        reason:
          check.result === 'error' || check.result === 'unknown'
            ? `the check did not complete: ${clip(
                check.reason ?? 'no reason given',
                1000,
              )}`
            : `a ${
                check.type ?? check.category ?? 'set-up'
              } check tests the set-up, not the data`,
      });
      continue;
    }
    const tableRef = tableFor(check, tables);
    const dataset = tableRef ?? check.model ?? contractRef;
    // Two checks of one clause on one column (a minimum and a maximum) are one finding.
    const same = out.findings.find(
      f =>
        f.kind === clause.kind &&
        f.clause === clause.clause &&
        f.dataset === dataset &&
        f.column === check.field,
    );
    if (same) {
      same.observed = clip(
        `${same.observed}; ${check.reason ?? check.result}`,
        2000,
      );
      same.expected = clip(`${same.expected}; ${label}`, 2000);
      continue;
    }
    const location = clauseLocation(contract, check, clause.kind, clause.key);
    const reason = check.reason ?? check.result;
    out.findings.push({
      kind: clause.kind,
      clause: clause.clause,
      contractRef,
      tableRef,
      dataset,
      path: location?.path,
      line: location?.line,
      column: check.field,
      observed: clip(
        check.result === 'warning' ? `warning: ${reason}` : reason,
        2000,
      ),
      expected: clip(label, 2000),
      message: clip(
        `datacontract test${where} (run ${run.runId}): ${label}: ${reason}`,
        4000,
      ),
    });
  }
  return out;
}
