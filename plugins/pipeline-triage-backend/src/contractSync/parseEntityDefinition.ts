import { createHash } from 'node:crypto';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  parseContract,
  type ContractError,
  type ParsedContract,
} from '../contracts';

/** The hash of a contract entity's definition text, to tell a changed definition from a touched entity. */
export function definitionHash(definition: unknown): string {
  return createHash('sha256')
    .update(typeof definition === 'string' ? definition : '')
    .digest('hex');
}

/** Parses a contract entity's definition; an entity without one gets a problem at spec.definition. */
export function parseEntityDefinition(
  entity: Entity,
): ParsedContract | ContractError {
  const ref = stringifyEntityRef(entity);
  const definition = entity.spec?.definition;
  if (typeof definition !== 'string' || !definition.trim()) {
    const problems = [
      { path: 'spec.definition', message: 'the entity has no definition' },
    ];
    return {
      entityRef: ref,
      message: `invalid data contract ${ref}: spec.definition: the entity has no definition`,
      problems,
    };
  }
  return parseContract(definition, { entityRef: ref });
}
