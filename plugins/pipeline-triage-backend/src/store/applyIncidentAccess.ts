import type { Knex } from 'knex';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';

/**
 * What the permission rules look at on one incident.
 *
 * @public
 */
export interface IncidentResource {
  id: string;
  /** Owner of the incident's job entity, e.g. group:default/data-platform. */
  ownerRef?: string;
  /** The team (or user) the incident is routed to. */
  routedTo?: string;
  environment: string;
  /** Every entity the incident is filed under: job, inputs, outputs, contracts, owners. */
  entityRefs: string[];
}

/**
 * A rule's query form: one column or the entity index matched against a list of values. The
 * store turns a criteria tree of these into a knex where-clause (`applyIncidentAccess`).
 *
 * @public
 */
export type IncidentAccessQuery =
  | { column: 'owner_ref' | 'routed_to' | 'environment'; values: string[] }
  | { entityRefs: string[] };

/**
 * A read scope: the criteria a policy's conditional decision translated to.
 *
 * @public
 */
export type IncidentAccessFilter = PermissionCriteria<IncidentAccessQuery>;

/**
 * Adds the permission criteria to a query over `pt_incidents as <alias>`, so lists, counts and
 * cursor pages are filtered in the database, never after the fact.
 *
 * Nullable columns are matched as `col is not null and col in (...)`, so `not` of a rule keeps
 * incidents without an owner, exactly as the rule's in-memory `apply` does.
 */
export function applyIncidentAccess(
  qb: Knex.QueryBuilder,
  criteria: IncidentAccessFilter,
  db: Knex,
  alias = 'i',
): Knex.QueryBuilder {
  if (isAndCriteria(criteria)) {
    return qb.where(w => {
      for (const c of criteria.allOf)
        w.andWhere(inner => void applyIncidentAccess(inner, c, db, alias));
    });
  }
  if (isOrCriteria(criteria)) {
    return qb.where(w => {
      for (const c of criteria.anyOf)
        w.orWhere(inner => void applyIncidentAccess(inner, c, db, alias));
    });
  }
  if (isNotCriteria(criteria)) {
    return qb.whereNot(
      w => void applyIncidentAccess(w, criteria.not, db, alias),
    );
  }
  const leaf = criteria as IncidentAccessQuery;
  if ('entityRefs' in leaf) {
    if (leaf.entityRefs.length === 0) return qb.whereRaw('1 = 0');
    return qb.whereIn(
      `${alias}.id`,
      db('pt_incident_entities')
        .whereIn('entity_ref', leaf.entityRefs)
        .select('incident_id'),
    );
  }
  if (leaf.values.length === 0) return qb.whereRaw('1 = 0');
  const column = `${alias}.${leaf.column}`;
  return qb.where(
    w => void w.whereNotNull(column).whereIn(column, leaf.values),
  );
}
