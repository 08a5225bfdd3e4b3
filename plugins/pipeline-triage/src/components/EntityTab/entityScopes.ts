import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { LINKING_ANNOTATIONS } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IncidentQuery } from '../../api';

/** One incident list on the entity tab. */
export interface EntityScope {
  title: string;
  query: IncidentQuery;
  /** Page open and acknowledged incidents before resolved ones. */
  openFirst?: boolean;
}

export function isGroup(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'group';
}

/**
 * A team wants what it was paged for and what breaks in what it owns; those differ when routing
 * sends a failure elsewhere (say, to the producer of a late input). Everything else is its own.
 */
export function entityScopes(entity: Entity): EntityScope[] {
  const ref = stringifyEntityRef(entity);
  if (isGroup(entity)) {
    return [
      {
        title: 'Routed to this team',
        query: { routedTo: ref },
        openFirst: true,
      },
      { title: 'Incidents of entities this team owns', query: { owner: ref } },
    ];
  }
  return [{ title: 'Triage history', query: { entityRef: ref } }];
}

export function hasLinkingAnnotation(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return LINKING_ANNOTATIONS.some(name => Boolean(annotations[name]));
}

/** Trends use the same split, with the team's own entities as its view of the weekly mix. */
export function trendsScope(entity: Entity): IncidentQuery {
  const ref = stringifyEntityRef(entity);
  return isGroup(entity) ? { owner: ref } : { entityRef: ref };
}
