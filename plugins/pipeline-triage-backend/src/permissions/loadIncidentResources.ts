import type { Knex } from 'knex';
import type { IncidentAccessFilter } from './applyIncidentAccess';
import { applyIncidentAccess } from './applyIncidentAccess';
import type { IncidentResource } from './incidentResource';

/** Loads what the rules look at, for the permission backend's apply-conditions calls. */
export async function loadIncidentResources(db: Knex, ids: string[]): Promise<Array<IncidentResource | undefined>> {
  if (ids.length === 0) return [];
  const [rows, entities] = await Promise.all([
    db('pt_incidents').whereIn('id', ids).select('id', 'owner_ref', 'routed_to', 'environment'),
    db('pt_incident_entities').whereIn('incident_id', ids).select('incident_id', 'entity_ref'),
  ]);
  const byId = new Map<string, IncidentResource>(
    rows.map(r => [
      r.id,
      { id: r.id, ownerRef: r.owner_ref ?? undefined, routedTo: r.routed_to ?? undefined, environment: r.environment, entityRefs: [] },
    ]),
  );
  for (const e of entities) byId.get(e.incident_id)?.entityRefs.push(e.entity_ref);
  return ids.map(id => byId.get(id));
}

/** Whether one incident passes a read scope, by the same SQL the lists use. */
export async function incidentMatches(db: Knex, id: string, access: IncidentAccessFilter): Promise<boolean> {
  const row = await applyIncidentAccess(db('pt_incidents as i').where('i.id', id), access, db).first('i.id');
  return Boolean(row);
}
