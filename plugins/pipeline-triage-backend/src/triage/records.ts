import { DateTime } from 'luxon';
import type {
  FailureEvent,
  LinkedEntity,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { LinkResult } from '../linking';

/** Mappers from what triage decided to what the store files an incident under. */

export function isoWeek(event: FailureEvent, zone: string): string {
  return DateTime.fromISO(event.eventTime, { zone }).toFormat("kkkk-'W'WW");
}

export function linkedEntitiesOf(links: LinkResult): LinkedEntity[] {
  const out: LinkedEntity[] = [];
  if (links.job)
    out.push({
      entityRef: links.job.entityRef,
      role: 'job',
      title: links.job.title,
    });
  for (const [role, list] of [
    ['input', links.inputs],
    ['output', links.outputs],
  ] as const) {
    for (const d of list) {
      if (d.table)
        out.push({ entityRef: d.table.entityRef, role, title: d.table.title });
      if (d.contract)
        out.push({
          entityRef: d.contract.entityRef,
          role: 'contract',
          title: d.contract.title,
        });
      for (const p of role === 'input' ? d.producers : []) {
        out.push({
          entityRef: p.entityRef,
          role: 'upstream_producer',
          title: p.title,
        });
      }
    }
  }
  for (const d of links.downstream)
    out.push({ entityRef: d.entityRef, role: 'downstream', title: d.title });
  for (const d of links.dependencies ?? [])
    out.push({ entityRef: d.entityRef, role: 'dependency', title: d.title });
  // Two inputs written by one producer name it once.
  const seen = new Set<string>();
  return out.filter(e => {
    const key = `${e.role}|${e.entityRef}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The entity refs an incident is listed under; owners of each linked entity let teams find it. */
export function entityIndexOf(links: LinkResult, routedTo: string | undefined) {
  const index: Array<{ entityRef: string; role: string }> = [];
  const add = (entityRef: string | undefined, role: string) => {
    if (entityRef)
      index.push({ entityRef: entityRef.toLocaleLowerCase('en-US'), role });
  };
  add(links.job?.entityRef, 'job');
  add(links.job?.ownerRef, 'owner');
  for (const [role, list] of [
    ['input', links.inputs],
    ['output', links.outputs],
  ] as const) {
    for (const d of list) {
      add(d.table?.entityRef, role);
      add(d.table?.ownerRef, 'owner');
      add(d.contract?.entityRef, 'contract');
      // The producer of a table this run used sees the findings about it.
      for (const p of d.producers)
        if (p.entityRef !== links.job?.entityRef)
          add(p.entityRef, 'upstream_producer');
    }
  }
  add(routedTo, 'routed');
  return index;
}
