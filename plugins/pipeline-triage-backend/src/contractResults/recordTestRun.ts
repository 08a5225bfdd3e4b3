import { ConflictError, NotFoundError } from '@backstage/errors';
import type { ContractTestResultsResponse } from '@pipeline-triage/plugin-pipeline-triage-common';
import { contractTableFor, isContractError } from '../contracts';
import type { CatalogIndex } from '../linking';
import type { FindingStore } from '../store';
import { findingsFromTestRun } from './findingsFromTestRun';
import type { ContractTestRun } from './types';

/**
 * Records a contract test run's failed and warning checks as findings of the catalog's contract
 * with the run's `dataContractId`, on the tables that point at it. A run is stored once: posting
 * it again (a CI retry) changes nothing.
 */
export async function recordTestRun(
  store: Pick<FindingStore, 'recordFindings'>,
  index: CatalogIndex,
  run: ContractTestRun,
): Promise<ContractTestResultsResponse> {
  const refs = index.contractsWithId(run.dataContractId);
  if (refs.length === 0)
    throw new NotFoundError(
      `dataContractId: no data contract in the catalog has the id "${run.dataContractId}" (an API entity of type datacontract whose definition has this id, or this name)`,
    );
  if (refs.length > 1)
    throw new ConflictError(
      `dataContractId: ${
        refs.length
      } data contracts in the catalog have the id "${
        run.dataContractId
      }": ${refs.join(', ')}`,
    );
  const contractRef = refs[0].toLocaleLowerCase('en-US');
  const parsed = index.contract(refs[0]);
  const contract = parsed && !isContractError(parsed) ? parsed : undefined;
  const tables = index.tablesUnderContract(contractRef).map(t => ({
    entityRef: t.entityRef,
    contractTable: contract
      ? contractTableFor(contract, t.dataset)?.name
      : undefined,
  }));
  const result = findingsFromTestRun(run, contractRef, contract, tables);
  if (result.findings.length)
    await store.recordFindings(
      result.findings.map(finding => ({
        incidentId: '',
        eventId: run.runId,
        at: run.at,
        finding: {
          ...finding,
          dataset: finding.dataset.slice(0, 1024),
          column: finding.column?.slice(0, 255),
          path: finding.path?.slice(0, 255),
        },
      })),
    );
  const warnings: string[] = [];
  if (!contract)
    warnings.push(
      `${contractRef}: its definition could not be parsed, so findings carry no clause line`,
    );
  if (
    contract &&
    run.dataContractVersion &&
    run.dataContractVersion !== contract.version
  )
    warnings.push(
      `dataContractVersion: the run tested version ${run.dataContractVersion}; the catalog has ${contract.version}`,
    );
  if (tables.length === 0)
    warnings.push(
      `${contractRef}: no table in the catalog points at this contract (annotation pipeline-triage.io/data-contract), so findings are on the contract only`,
    );
  return {
    runId: run.runId,
    contractRef,
    recorded: result.findings.length,
    passed: result.passed,
    findings: result.findings,
    notFindings: result.notFindings,
    ...(warnings.length ? { warnings } : {}),
  };
}
