import type {
  Category,
  RouteDecision as TriageRouteDecision,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { LinkResult, Linker } from '../linking';
import type { BatchEngine, EngineResult, TriageEngine } from '../engine';
import type { Violation } from '../contracts';
import { recordFindings } from '../findings';
import type { IncidentNotifier, NotifyInput } from '../notify';
import type { RoutePolicy } from '../routing';
import {
  jobKeyOf,
  type FailureRecord,
  type JobRun,
  type RecordedOccurrence,
  type StoredEvent,
  type TriageStore,
  type UpstreamIncident,
} from '../store';
import type { SilentFailure } from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  causeOf,
  cascadeWindowOf,
  DEFAULT_CASCADE_WINDOW_HOURS,
  inputTablesOf,
} from './cascade';
import { pagingOf } from './paging';
import {
  assess,
  flakinessOf,
  HISTORY_WINDOW,
  historySince,
  routeFor,
  settleVerdict,
  type Assessment,
} from './decide';
import { entityIndexOf, isoWeek, linkedEntitiesOf } from './records';

export interface TriageStages {
  linker: Linker;
  /** The deterministic engine as the pipeline sees it: pure, synchronous, no I/O. */
  engine: Pick<TriageEngine, 'triage'>;
  /** Classifies a batch off the event loop when it is large enough; the engine otherwise. */
  batchEngine?: Pick<BatchEngine, 'triageMany'>;
  routes: RoutePolicy;
  store: TriageStore;
  notifier: IncidentNotifier;
  reopenWindowHours: number;
  weekZone: string;
  /** A failure may be a cascade of an upstream incident last seen this many hours before it. Default: 24. */
  cascadeWindowHours?: number;
  /** Automatic model investigation: may change category and route (via the policy) before anyone is told. */
  assist?: (incidentId: string) => Promise<
    | {
        category?: Category;
        route?: TriageRouteDecision;
        safeToRetry?: boolean;
      }
    | undefined
  >;
}

export interface TriageOutcome extends RecordedOccurrence {
  category: Category;
  safeToRetry: boolean;
}

/** Everything decided about one failure before anything is stored. */
export interface FailureDecision {
  stored: StoredEvent;
  links: LinkResult;
  violations: Violation[];
  result: EngineResult;
  route: TriageRouteDecision;
  environment: string;
  entityIndex: Array<{ entityRef: string; role: string }>;
  record: FailureRecord;
}

/**
 * The pipeline for one stored failure: link → evidence, classify, decide → route → store →
 * notify. Each stage is a plain module; none calls back into an earlier one.
 */
export async function triageFailure(
  stored: StoredEvent,
  stages: TriageStages,
  silent?: SilentFailure,
): Promise<TriageOutcome> {
  const decision = await decideFailure(stored, stages, silent);
  const occurrence = await stages.store.recordFailure(decision.record, {
    reopenWindowHours: stages.reopenWindowHours,
  });
  await noteFindings([decision], [occurrence], stages);
  await stages.store.noteUnlinked(
    unlinkedNames([decision], [occurrence]),
    stored.event.eventTime,
  );
  const { notice, outcome } = await conclude(decision, occurrence, stages);
  await stages.notifier.incidentRecorded(notice);
  return outcome;
}

/**
 * The same pipeline for a batch of stored failures: decisions first, then one transaction for
 * all of them, then one notification per incident however many of its failures the batch held.
 */
export async function triageFailures(
  batch: StoredEvent[],
  stages: TriageStages,
): Promise<TriageOutcome[]> {
  const decisions = await decideFailures(batch, stages);
  const occurrences = await stages.store.recordFailures(
    decisions.map(d => d.record),
    { reopenWindowHours: stages.reopenWindowHours },
  );
  await noteFindings(decisions, occurrences, stages);
  await stages.store.noteUnlinked(
    unlinkedNames(decisions, occurrences),
    latestEventTime(batch),
  );
  const speakers = speakersOf(decisions, occurrences);
  const outcomes: TriageOutcome[] = [];
  const notices: NotifyInput[] = [];
  for (const [i, d] of decisions.entries()) {
    const speaker = speakers.get(i);
    if (!speaker) {
      outcomes.push(silentOutcome(d, occurrences[i]));
      continue;
    }
    const { notice, outcome } = await conclude(
      d,
      speaker.occurrence,
      stages,
      speaker.partialWrite,
    );
    notices.push(notice);
    outcomes.push({ ...outcome, kind: occurrences[i].kind });
  }
  await stages.notifier.incidentsRecorded(notices);
  return outcomes;
}

// Deciding: link, assess, classify, grade and route (triage/decide.ts) before anything is stored.

async function decideFailure(
  stored: StoredEvent,
  stages: TriageStages,
  silent?: SilentFailure,
): Promise<FailureDecision> {
  const p = await prepare(
    stored,
    stages,
    await historyOf([stored], stages),
    silent,
  );
  return decide(
    p,
    stages.engine.triage(stored.event, p.assessment.ctx),
    stages,
    await upstreamOf([p], stages),
  );
}

/** Links every failure, then classifies them all at once (in the engine's workers if large). */
async function decideFailures(
  batch: StoredEvent[],
  stages: TriageStages,
): Promise<FailureDecision[]> {
  const history = await historyOf(batch, stages);
  const prepared: Prepared[] = [];
  for (const stored of batch)
    prepared.push(await prepare(stored, stages, history));
  const jobs = prepared.map(p => ({
    event: p.stored.event,
    ctx: p.assessment.ctx,
  }));
  const results = stages.batchEngine
    ? await stages.batchEngine.triageMany(jobs)
    : jobs.map(j => stages.engine.triage(j.event, j.ctx));
  const upstream = await upstreamOf(prepared, stages);
  return prepared.map((p, i) => decide(p, results[i], stages, upstream));
}

interface Prepared {
  stored: StoredEvent;
  assessment: Assessment;
}

async function prepare(
  stored: StoredEvent,
  stages: TriageStages,
  history: Map<string, JobRun[]>,
  silent?: SilentFailure,
): Promise<Prepared> {
  const runs = history
    .get(jobKeyOf(stored.event))
    ?.filter(r => r.eventId !== stored.id);
  return {
    stored,
    assessment: assess(
      stored.event,
      await stages.linker.link(stored.event),
      runs,
      silent,
    ),
  };
}

/** The recent runs of every job of the batch, in one read (the engine then reads its signature's). */
function historyOf(
  batch: StoredEvent[],
  stages: TriageStages,
): Promise<Map<string, JobRun[]>> {
  return stages.store.recentRuns(
    batch.map(s => jobKeyOf(s.event)),
    {
      since: historySince(batch.map(s => s.event)),
      perJob: HISTORY_WINDOW.runsPerJob,
    },
  );
}

const cascadeHours = (stages: TriageStages) =>
  stages.cascadeWindowHours ?? DEFAULT_CASCADE_WINDOW_HOURS;

/** Open upstream incidents that wrote an input of the batch's failures, in one read. */
function upstreamOf(
  prepared: Prepared[],
  stages: TriageStages,
): Promise<UpstreamIncident[]> {
  return stages.store.upstreamIncidents(
    prepared.flatMap(p => inputTablesOf(p.assessment.links)),
    cascadeWindowOf(
      prepared.map(p => p.stored.event),
      cascadeHours(stages),
    ),
  );
}

function decide(
  { stored, assessment }: Prepared,
  engineResult: EngineResult,
  stages: TriageStages,
  upstream: UpstreamIncident[],
): FailureDecision {
  const { event } = stored;
  const { links, violations, environment } = assessment;
  const result = {
    ...engineResult,
    verdict: settleVerdict(assessment, engineResult.verdict),
  };
  const route = routeFor(
    assessment,
    result.verdict.classification.category,
    stages.routes,
  );
  const entityIndex = entityIndexOf(links, route.recipient);
  const causedBy = causeOf(
    event,
    links,
    result.verdict.classification.category,
    upstream,
    cascadeHours(stages),
  );
  const paging = pagingOf({
    event,
    verdict: result.verdict,
    route,
    causedBy,
    quiet: stored.quiet,
  });
  const record: FailureRecord = {
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
    ...(causedBy ? { causedBy } : {}),
    paging,
    ...(assessment.changes ? { changes: assessment.changes } : {}),
    flakyFlips: flakinessOf(assessment, result.verdict.signature),
    ...(assessment.silent ? { silent: assessment.silent } : {}),
  };
  return {
    stored,
    links,
    violations,
    result,
    route,
    environment,
    entityIndex,
    record,
  };
}

// Recording beside the incident: contract findings, names the catalog does not know.

async function noteFindings(
  decisions: FailureDecision[],
  occurrences: RecordedOccurrence[],
  stages: TriageStages,
) {
  const recorded = decisions.flatMap((d, i) =>
    occurrences[i].recorded
      ? [
          {
            incidentId: occurrences[i].incidentId,
            eventId: d.stored.id,
            event: d.stored.event,
            links: d.links,
            violations: d.violations,
          },
        ]
      : [],
  );
  if (recorded.length) await recordFindings(stages.store, recorded);
}

/** Job and dataset names the catalog does not know, counted once per recorded failure. */
function unlinkedNames(
  decisions: FailureDecision[],
  occurrences: RecordedOccurrence[],
) {
  return decisions.flatMap(({ links }, i) =>
    occurrences[i].recorded
      ? [
          ...(links.unknownJob
            ? [{ kind: 'job' as const, name: links.unknownJob }]
            : []),
          ...links.unknownDatasets.map(name => ({
            kind: 'dataset' as const,
            name,
          })),
        ]
      : [],
  );
}

function latestEventTime(batch: StoredEvent[]): string {
  return batch.reduce(
    (latest, s) => (s.event.eventTime > latest ? s.event.eventTime : latest),
    batch[0].event.eventTime,
  );
}

// Telling: one notice per incident, after the automatic investigation had its chance.

const KIND_WEIGHT: Record<RecordedOccurrence['kind'], number> = {
  repeat: 0,
  reopened: 1,
  new: 2,
};

/**
 * The failure that speaks for each incident of a batch: its last one, told as "new" if any of
 * them opened it and as a partial write if any of them wrote part of its output.
 */
function speakersOf(
  decisions: FailureDecision[],
  occurrences: RecordedOccurrence[],
) {
  const byIncident = new Map<
    string,
    { index: number; kind: RecordedOccurrence['kind']; partialWrite: boolean }
  >();
  for (const [index, o] of occurrences.entries()) {
    if (!o.recorded) continue;
    const seen = byIncident.get(o.incidentId);
    const kind =
      seen && KIND_WEIGHT[seen.kind] >= KIND_WEIGHT[o.kind]
        ? seen.kind
        : o.kind;
    const partialWrite =
      Boolean(seen?.partialWrite) ||
      decisions[index].result.verdict.partialWrite.partialWrite === 'true';
    byIncident.set(o.incidentId, { index, kind, partialWrite });
  }
  return new Map(
    [...byIncident.values()].map(s => [
      s.index,
      {
        occurrence: { ...occurrences[s.index], kind: s.kind },
        partialWrite: s.partialWrite,
      },
    ]),
  );
}

/**
 * What to tell and what to answer. Routing waits (bounded) for the automatic investigation; a
 * model failure never blocks triage.
 */
async function conclude(
  d: FailureDecision,
  occurrence: RecordedOccurrence,
  stages: TriageStages,
  partialWrite = d.result.verdict.partialWrite.partialWrite === 'true',
): Promise<{ notice: NotifyInput; outcome: TriageOutcome }> {
  const { links, result, stored } = d;
  const { event } = stored;
  const assisted =
    occurrence.recorded && occurrence.kind === 'new' && stages.assist
      ? await stages.assist(occurrence.incidentId).catch(() => undefined)
      : undefined;
  const notice: NotifyInput = {
    occurrence,
    eventId: stored.id,
    route: assisted?.route ?? d.route,
    title: result.verdict.summary,
    severity: result.verdict.severity,
    category: assisted?.category ?? result.verdict.classification.category,
    environment: d.environment,
    entityRefs: d.entityIndex.map(e => e.entityRef),
    entityRef: links.job?.entityRef,
    quiet: stored.quiet,
    partialWrite: partialWrite
      ? 'true'
      : result.verdict.partialWrite.partialWrite,
    downstreamOwners: links.downstream
      .map(x => x.ownerRef)
      .filter((o): o is string => Boolean(o)),
    outputs: links.outputs.map(o => o.table?.title ?? o.dataset),
    jobTitle: links.job?.title ?? event.job.name,
    failedAt: event.eventTime,
    pagingReason: d.record.paging?.reason,
  };
  const outcome: TriageOutcome = {
    ...occurrence,
    category: assisted?.category ?? result.verdict.classification.category,
    // The model can only have turned a yes into a no; the sender gating its retry sees that.
    safeToRetry:
      result.verdict.retry.safeToRetry && assisted?.safeToRetry !== false,
  };
  return { notice, outcome };
}

/** A failure whose incident a later failure of the same batch reports. */
function silentOutcome(
  d: FailureDecision,
  occurrence: RecordedOccurrence,
): TriageOutcome {
  return {
    ...occurrence,
    category: d.result.verdict.classification.category,
    safeToRetry: d.result.verdict.retry.safeToRetry,
  };
}
