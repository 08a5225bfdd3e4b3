import { NotFoundError } from '@backstage/errors';
import type { CatalogIndex } from '../linking';
import { contractOwners } from './contractOwners';
import { isContractError, type ContractError, type ParsedContract } from './types';

/**
 * What the contract's page shows about its definition: valid, with its tables, owners and SLA,
 * or invalid with every problem and its path in the document. Never a failure of triage.
 */
export function contractStatus(index: CatalogIndex, entityRef: string) {
  const ref = entityRef.toLocaleLowerCase('en-US');
  if (!index.entity(ref)) throw new NotFoundError(`No data contract entity ${entityRef} in the catalog`);
  return describeContract(ref, index.contract(ref));
}

/** The same description from a parsed copy (or none: the entity has no definition). */
export function describeContract(ref: string, parsed: ParsedContract | ContractError | undefined) {
  if (!parsed) {
    return { entityRef: ref, valid: false, problems: [{ path: 'spec.definition', message: 'the entity has no definition' }] };
  }
  if (isContractError(parsed)) return { entityRef: ref, valid: false, problems: parsed.problems };
  const owners = contractOwners(parsed);
  return {
    entityRef: ref,
    valid: true,
    format: parsed.format,
    name: parsed.name,
    version: parsed.version,
    status: parsed.status,
    owners: { team: owners.team, usernames: owners.usernames, issues: owners.issues?.url ?? owners.issues?.channel },
    sla: Object.fromEntries(
      (['latency', 'freshness', 'frequency'] as const)
        .filter(k => parsed.sla[k])
        .map(k => [k, { seconds: parsed.sla[k]!.seconds, line: parsed.sla[k]!.line }]),
    ),
    tables: parsed.tables.map(t => ({
      name: t.name,
      columns: t.properties.length,
      required: t.properties.filter(p => p.required).map(p => p.name),
    })),
    warnings: parsed.warnings,
  };
}
