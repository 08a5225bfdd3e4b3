import { readFileSync } from 'node:fs';
import type {
  DatasetRef,
  FailureEvent,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  contractTableFor,
  detectViolations,
  isContractError,
  parseContract,
  type ContractTable,
  type ParsedContract,
  type Violation,
} from '@pipeline-triage/plugin-pipeline-triage-backend/alpha';
import { CliError } from './CliError';

/** A data contract file (ODCS v3.0/v3.1 or Data Contract Specification), parsed and checked. */
export function readContract(file: string): ParsedContract {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(
      `Cannot read contract ${file}: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  const parsed = parseContract(text, { file });
  if (isContractError(parsed))
    throw new CliError(`Contract ${file} cannot be used: ${parsed.message}`);
  return parsed;
}

const lastSegment = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .split(/[./\\]/)
    .filter(Boolean)
    .pop() ?? '';

/** Whether a dataset is the table by name: whole, or its last `.`/`/` segment. */
const named = (table: ContractTable, dataset: DatasetRef) =>
  [table.name, table.physicalName].some(
    n => n && lastSegment(n) === lastSegment(dataset.name),
  );

/**
 * The event's datasets the contract describes, with their contract table. Without a catalog the
 * name decides: a dataset is a contract table when the names match, or when the contract has one
 * table and the event one dataset. An event that names no dataset is checked against the only
 * table of a one-table contract (its error message can still name a contract column).
 */
function datasetsUnderContract(
  contract: ParsedContract,
  event: FailureEvent,
): Array<{ dataset: DatasetRef; table: ContractTable }> {
  const datasets = [...(event.inputs ?? []), ...(event.outputs ?? [])];
  if (datasets.length === 0)
    return contract.tables.length === 1
      ? [
          {
            dataset: { namespace: '', name: contract.tables[0].name },
            table: contract.tables[0],
          },
        ]
      : [];
  const out: Array<{ dataset: DatasetRef; table: ContractTable }> = [];
  for (const dataset of datasets) {
    let table: ContractTable | undefined;
    if (contract.tables.length > 1)
      table = contractTableFor(contract, dataset.name);
    else if (named(contract.tables[0], dataset) || datasets.length === 1)
      table = contract.tables[0];
    if (table) out.push({ dataset, table });
  }
  return out;
}

/** The contract clauses the event broke, each once, as the backend finds them for linked tables. */
export function contractViolations(
  contract: ParsedContract,
  event: FailureEvent,
): Violation[] {
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const { dataset, table } of datasetsUnderContract(contract, event)) {
    for (const v of detectViolations({
      contract,
      contractEntityRef: '',
      tableEntityRef: table.name,
      contractTable: table.name,
      dataset,
      event,
    })) {
      // The contract's SLA is checked once per dataset; one breach is one violation.
      const key = `${v.clause}\u0000${v.path}\u0000${v.column ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
