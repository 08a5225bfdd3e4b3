import { NotFoundError } from '@backstage/errors';
import { describeContract } from '../contracts';
import type { CatalogIndex } from './CatalogIndex';

/** A contract entity's state in the current catalog snapshot; 404 for an entity it lacks. */
export function contractStatus(index: CatalogIndex, entityRef: string) {
  const ref = entityRef.toLocaleLowerCase('en-US');
  if (!index.entity(ref))
    throw new NotFoundError(
      `No data contract entity ${entityRef} in the catalog`,
    );
  return describeContract(ref, index.contract(ref));
}
