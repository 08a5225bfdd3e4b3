import type { ContractState } from '@pipeline-triage/plugin-pipeline-triage-common';
import { contractOwners } from './contractOwners';
import {
  isContractError,
  type ContractError,
  type ParsedContract,
} from './types';

/**
 * What the contract's page shows about its definition: valid, with its tables, owners and SLA,
 * or invalid with every problem and its path in the document (or none: the entity has no
 * definition). Never a failure of triage.
 */
export function describeContract(
  ref: string,
  parsed: ParsedContract | ContractError | undefined,
): ContractState {
  if (!parsed) {
    return {
      entityRef: ref,
      valid: false,
      problems: [
        { path: 'spec.definition', message: 'the entity has no definition' },
      ],
    };
  }
  if (isContractError(parsed))
    return { entityRef: ref, valid: false, problems: parsed.problems };
  const owners = contractOwners(parsed);
  return {
    entityRef: ref,
    valid: true,
    format: parsed.format,
    name: parsed.name,
    version: parsed.version,
    status: parsed.status,
    owners: {
      team: owners.team,
      usernames: owners.usernames,
      issues: owners.issues?.url ?? owners.issues?.channel,
    },
    sla: Object.fromEntries(
      (['latency', 'freshness', 'frequency'] as const)
        .filter(k => parsed.sla[k])
        .map(k => [
          k,
          { seconds: parsed.sla[k]!.seconds, line: parsed.sla[k]!.line },
        ]),
    ),
    tables: parsed.tables.map(t => ({
      name: t.name,
      columns: t.properties.length,
      required: t.properties.filter(p => p.required).map(p => p.name),
    })),
    warnings: parsed.warnings,
  };
}
