import type { Knex } from 'knex';
import type {
  Category,
  IncidentStatus,
  IncidentSummary,
  Paging,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IncidentFilter } from './types';
import { toIso } from './time';
import { applyIncidentAccess } from './applyIncidentAccess';

/** Reading incidents: the filter every list, count and stat applies, and the summary row. */

export const OPEN_STATUSES: IncidentStatus[] = ['open', 'acknowledged'];

/** Roles under which an entity page lists an incident (owners are matched by `owner=`). */
const ENTITY_ROLES = ['job', 'input', 'output', 'contract'];

export const SUMMARY_COLUMNS = [
  'id',
  'title',
  'status',
  'category',
  'domain',
  'confidence',
  'safe_to_retry',
  'partial_write',
  'severity',
  'environment',
  'job_name',
  'job_namespace',
  'job_entity_ref',
  'owner_ref',
  'routed_to',
  'route_rule',
  'linked',
  'signature',
  'occurrences',
  'consecutive_failures',
  'first_seen',
  'last_seen',
  'last_success',
  'category_overridden',
  'caused_by_incident_id',
  'caused_by_entity_ref',
  'caused_by_reason',
  'paging',
];

/** `pt_incidents as i` narrowed by a filter, the caller's read scope included. */
export function filteredIncidents(db: Knex, filter: IncidentFilter) {
  let q = db('pt_incidents as i');
  const entitySub = (refs: string[], roles?: string[]) => {
    const sub = db('pt_incident_entities')
      .whereIn('entity_ref', refs)
      .select('incident_id');
    return roles ? sub.whereIn('role', roles) : sub;
  };
  if (filter.entityRef) {
    q = q.whereIn(
      'i.id',
      entitySub([filter.entityRef.toLocaleLowerCase('en-US')], ENTITY_ROLES),
    );
  }
  if (filter.owner) {
    q = q.whereIn(
      'i.id',
      entitySub([filter.owner.toLocaleLowerCase('en-US')], ['owner']),
    );
  }
  if (filter.routedTo)
    q = q.where('i.routed_to', filter.routedTo.toLocaleLowerCase('en-US'));
  if (filter.status?.length) q = q.whereIn('i.status', filter.status);
  if (filter.category?.length) q = q.whereIn('i.category', filter.category);
  if (filter.domain?.length) q = q.whereIn('i.domain', filter.domain);
  if (filter.environment?.length)
    q = q.whereIn('i.environment', filter.environment);
  if (filter.visibleEntityRefs) {
    const refs = filter.visibleEntityRefs;
    q = q.where(w =>
      w
        .whereIn('i.id', entitySub(refs.length ? refs : ['\u0000']))
        .orWhereIn('i.routed_to', refs),
    );
  }
  if (filter.access) q = applyIncidentAccess(q, filter.access, db);
  return q;
}

export function rowToSummary(row: any): IncidentSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    category: row.category as Category,
    domain: row.domain,
    confidence: Number(row.confidence),
    safeToRetry: Boolean(row.safe_to_retry),
    partialWrite: row.partial_write,
    severity: row.severity,
    environment: row.environment,
    jobName: row.job_name,
    jobNamespace: row.job_namespace,
    jobEntityRef: row.job_entity_ref ?? undefined,
    ownerRef: row.owner_ref ?? undefined,
    routedTo: row.routed_to ?? undefined,
    routeRule: row.route_rule ?? undefined,
    linked: Boolean(row.linked),
    signature: row.signature,
    occurrences: row.occurrences,
    consecutiveFailures: row.consecutive_failures,
    firstSeen: toIso(row.first_seen),
    lastSeen: toIso(row.last_seen),
    lastSuccess: row.last_success ? toIso(row.last_success) : undefined,
    categoryOverridden: Boolean(row.category_overridden),
    ...(row.caused_by_incident_id
      ? {
          causedBy: {
            incidentId: row.caused_by_incident_id,
            entityRef: row.caused_by_entity_ref ?? '',
            reason: row.caused_by_reason ?? '',
          },
        }
      : {}),
    ...(row.paging ? { paging: row.paging as Paging } : {}),
  };
}
