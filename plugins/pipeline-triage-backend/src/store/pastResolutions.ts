import type { Knex } from 'knex';
import type { PastResolution } from '@pipeline-triage/plugin-pipeline-triage-common';
import { toIso } from './time';

/** How many earlier resolutions an incident shows. */
const MAX_RESOLUTIONS = 10;

const SCOPE_ORDER = { self: 0, job: 1, other: 2 } as const;

/**
 * Earlier resolutions by a person of failures with this incident's signature: its own first, then
 * its job's other incidents, then other jobs', newest first within each. An incident resolved
 * now does not list its current resolution as a past one.
 */
export async function pastResolutions(
  db: Knex,
  incident: {
    id: string;
    jobKey: string;
    signature: string;
    resolvedAt?: string;
  },
): Promise<PastResolution[]> {
  const rows = await db('pt_status_history as h')
    .join('pt_incidents as i', 'i.id', 'h.incident_id')
    .where('i.signature', incident.signature)
    .andWhere('h.action', 'resolved')
    .orderBy('h.at', 'desc')
    .limit(200)
    .select(
      'h.incident_id',
      'h.at',
      'h.by',
      'h.note',
      'i.job_key',
      'i.job_entity_ref',
    );
  return rows
    .map(r => ({
      incidentId: r.incident_id as string,
      entityRef: (r.job_entity_ref ?? r.job_key) as string,
      resolvedAt: toIso(r.at),
      by: r.by as string,
      ...(r.note ? { note: r.note as string } : {}),
      scope: scopeOf(r, incident),
    }))
    .filter(
      r =>
        !(
          r.scope === 'self' &&
          incident.resolvedAt &&
          r.resolvedAt >= incident.resolvedAt
        ),
    )
    .sort(
      (a, b) =>
        SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] ||
        b.resolvedAt.localeCompare(a.resolvedAt),
    )
    .slice(0, MAX_RESOLUTIONS);
}

function scopeOf(
  r: { incident_id: string; job_key: string },
  incident: { id: string; jobKey: string },
): PastResolution['scope'] {
  if (r.incident_id === incident.id) return 'self';
  return r.job_key === incident.jobKey ? 'job' : 'other';
}
