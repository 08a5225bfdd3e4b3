import { DateTime } from 'luxon';
import type {
  Category,
  EvidenceLine,
  FailureEvent,
  LinkedEntity,
  RouteDecision as TriageRouteDecision,
  TriageVerdict,
} from '@internal/plugin-pipeline-triage-common';
import type { LinkResult, Linker } from './linking';
import type { ExtraEvidence } from './classify/ruleTypes';
import { recordFindings, violationEvidence, violationsForEvent } from './contracts';
import { delayPastSla } from './routing/delayPastSla';
import type { IncidentNotifier } from './notify/IncidentNotifier';
import type { RoutePolicy } from './routing';
import { jobKeyOf, type RecordedOccurrence, type StoredEvent, type TriageStore } from './store';

/** The deterministic engine as the pipeline sees it: pure, synchronous, no I/O. */
export interface TriageEngine {
  triage(
    event: FailureEvent,
    ctx?: { idempotent?: boolean; writesOutput?: boolean; runbookUrl?: string; extraEvidence?: ExtraEvidence[] },
  ): { verdict: TriageVerdict; evidenceLines: EvidenceLine[]; causeChain: string[] };
}

export interface TriageStages {
  linker: Linker;
  engine: TriageEngine;
  routes: RoutePolicy;
  store: TriageStore;
  notifier: IncidentNotifier;
  reopenWindowHours: number;
  weekZone: string;
  /** Automatic model investigation: may change category and route (via the policy) before anyone is told. */
  assist?: (incidentId: string) => Promise<{ category?: Category; route?: TriageRouteDecision; safeToRetry?: boolean } | undefined>;
}

/**
 * The pipeline for one stored failure: link → evidence, classify, decide → route → store →
 * notify. Each stage is a plain module; none calls back into an earlier one.
 */
export interface TriageOutcome extends RecordedOccurrence {
  category: Category;
  safeToRetry: boolean;
}

export async function triageFailure(stored: StoredEvent, stages: TriageStages): Promise<TriageOutcome> {
  const { event } = stored;
  const links = await stages.linker.link(event);
  const violations = violationsForEvent(event, links);
  const result = stages.engine.triage(event, {
    idempotent: links.job?.idempotent,
    writesOutput: links.outputs.length > 0 || Boolean(event.outputs?.length) || undefined,
    runbookUrl: links.job?.runbookUrl,
    extraEvidence: violationEvidence(violations),
  });
  // A broken data contract is a promise to consumers: never less than high severity.
  if (violations.length && (result.verdict.severity === 'normal' || result.verdict.severity === 'low')) {
    result.verdict.severity = 'high';
  }
  const { classification } = result.verdict;
  const environment = event.environment ?? 'prod';
  const route = stages.routes.decide({
    category: classification.category,
    environment,
    links,
    pastSla: delayPastSla(event, links, violations, stages.routes.sourceDelaySlaSeconds),
    affectedTables: violations.map(v => v.tableRef),
  });
  const entityIndex = entityIndexOf(links, route.recipient);
  const occurrence = await stages.store.recordFailure(
    {
      eventId: stored.id,
      event,
      jobKey: jobKeyOf(event),
      environment,
      verdict: result.verdict,
      evidenceLines: result.evidenceLines,
      causeChain: result.causeChain,
      route,
      jobEntityRef: links.job?.entityRef,
      ownerRef: links.job?.ownerRef,
      linked: links.linked,
      linkedEntities: linkedEntitiesOf(links),
      entityIndex,
      week: isoWeek(event, stages.weekZone),
    },
    { reopenWindowHours: stages.reopenWindowHours },
  );
  if (occurrence.recorded) {
    await recordFindings(stages.store, { incidentId: occurrence.incidentId, eventId: stored.id }, event, links, violations);
  }
  const unknown = [
    ...(links.unknownJob ? [{ kind: 'job' as const, name: links.unknownJob }] : []),
    ...links.unknownDatasets.map(name => ({ kind: 'dataset' as const, name })),
  ];
  if (unknown.length && occurrence.recorded) await stages.store.noteUnlinked(unknown, event.eventTime);
  // Routing waits (bounded) for the automatic investigation; a model failure never blocks triage.
  const assisted =
    occurrence.recorded && occurrence.kind === 'new' && stages.assist
      ? await stages.assist(occurrence.incidentId).catch(() => undefined)
      : undefined;
  await stages.notifier.incidentRecorded({
    occurrence,
    route: assisted?.route ?? route,
    title: result.verdict.summary,
    severity: result.verdict.severity,
    category: assisted?.category ?? classification.category,
    environment,
    entityRefs: entityIndex.map(e => e.entityRef),
    entityRef: links.job?.entityRef,
    quiet: stored.quiet,
    partialWrite: result.verdict.partialWrite.partialWrite,
    downstreamOwners: links.downstream.map(d => d.ownerRef).filter((o): o is string => Boolean(o)),
    outputs: links.outputs.map(o => o.table?.title ?? o.dataset),
    jobTitle: links.job?.title ?? event.job.name,
    failedAt: event.eventTime,
  });
  return {
    ...occurrence,
    category: assisted?.category ?? classification.category,
    // The model can only have turned a yes into a no; the sender gating its retry sees that.
    safeToRetry: result.verdict.retry.safeToRetry && assisted?.safeToRetry !== false,
  };
}

export function isoWeek(event: FailureEvent, zone: string): string {
  return DateTime.fromISO(event.eventTime, { zone }).toFormat("kkkk-'W'WW");
}

function linkedEntitiesOf(links: LinkResult): LinkedEntity[] {
  const out: LinkedEntity[] = [];
  if (links.job) out.push({ entityRef: links.job.entityRef, role: 'job', title: links.job.title });
  for (const [role, list] of [['input', links.inputs], ['output', links.outputs]] as const) {
    for (const d of list) {
      if (d.table) out.push({ entityRef: d.table.entityRef, role, title: d.table.title });
      if (d.contract) out.push({ entityRef: d.contract.entityRef, role: 'contract', title: d.contract.title });
      for (const p of role === 'input' ? d.producers : []) {
        out.push({ entityRef: p.entityRef, role: 'upstream_producer', title: p.title });
      }
    }
  }
  for (const d of links.downstream) out.push({ entityRef: d.entityRef, role: 'downstream', title: d.title });
  for (const d of links.dependencies ?? []) out.push({ entityRef: d.entityRef, role: 'dependency', title: d.title });
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
function entityIndexOf(links: LinkResult, routedTo: string | undefined) {
  const index: Array<{ entityRef: string; role: string }> = [];
  const add = (entityRef: string | undefined, role: string) => {
    if (entityRef) index.push({ entityRef: entityRef.toLocaleLowerCase('en-US'), role });
  };
  add(links.job?.entityRef, 'job');
  add(links.job?.ownerRef, 'owner');
  for (const [role, list] of [['input', links.inputs], ['output', links.outputs]] as const) {
    for (const d of list) {
      add(d.table?.entityRef, role);
      add(d.table?.ownerRef, 'owner');
      add(d.contract?.entityRef, 'contract');
      // The producer of a table this run used sees the findings about it.
      for (const p of d.producers) if (p.entityRef !== links.job?.entityRef) add(p.entityRef, 'upstream_producer');
    }
  }
  add(routedTo, 'routed');
  return index;
}
