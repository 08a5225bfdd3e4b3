import type {
  Category,
  ContractFinding,
  DeadLetter,
  EntityStatus,
  Finding,
  IncidentStats,
  UnlinkedName,
  Environment,
  FailureEvent,
  IncidentDetail,
  IncidentStatus,
  IncidentSummary,
  LinkedEntity,
  NotificationRecord,
  Page,
  RouteDecision,
  SinkDeliveryState,
  StatusChange,
  TrendsResponse,
  EvidenceLine,
  FlakyJob,
  JobChange,
  SilentFailure,
  TriageVerdict,
  CausedBy,
  Paging,
  PartialWrite,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type {
  IncidentAccessFilter,
  IncidentResource,
} from './applyIncidentAccess';

/** An event as accepted by ingest, before it is processed. */
export interface NewEvent {
  key: string;
  event: FailureEvent;
  sender: string;
  logTrimmed: boolean;
  /** Import mode: processed like any event, but nobody is notified. */
  quiet: boolean;
}

export interface AcceptedEvent {
  id: string;
  key: string;
  duplicate: boolean;
  incidentId?: string;
}

export type EventStatus = 'pending' | 'processing' | 'done' | 'dead';

export interface StoredEvent {
  id: string;
  key: string;
  event: FailureEvent;
  sender: string;
  quiet: boolean;
  status: EventStatus;
  attempts: number;
  lastError?: string;
  incidentId?: string;
  receivedAt: string;
  processedAt?: string;
}

/** Everything triage decided about one failure, ready to be stored as an occurrence. */
export interface FailureRecord {
  eventId: string;
  event: FailureEvent;
  jobKey: string;
  environment: Environment;
  verdict: TriageVerdict;
  evidenceLines: EvidenceLine[];
  causeChain: string[];
  route: RouteDecision;
  jobEntityRef?: string;
  ownerRef?: string;
  linked: boolean;
  linkedEntities: LinkedEntity[];
  /** Entity refs an incident is filed under, with their role (job, input, output, contract, owner). */
  entityIndex: Array<{ entityRef: string; role: string }>;
  /** ISO week bucket of the event time, e.g. 2026-W47. */
  week: string;
  /** The upstream incident this failure follows from; stored only when it opens an incident. */
  causedBy?: CausedBy;
  /** Whether this failure pages (triage/paging.ts); an incident once paged stays paged. */
  paging?: { state: Paging; reason: string };
  /** What changed since the job's last success (absent: no success known). */
  changes?: JobChange[];
  /** Same-signature failures the job passed on the next run with nothing changed. */
  flakyFlips?: number;
  /** Set when a run that did not fail opened this (zero rows, no run before the SLA). */
  silent?: SilentFailure;
}

export interface RecordedOccurrence {
  incidentId: string;
  /** new: a new incident; repeat: grouped into an open one; reopened: a resolved one came back. */
  kind: 'new' | 'repeat' | 'reopened';
  /** False when this event had already been recorded (re-delivery or a concurrent instance). */
  recorded: boolean;
  status: IncidentStatus;
  /** The incident's paging state after this failure, and whether it had been paged before it. */
  paging?: Paging;
  wasPaged?: boolean;
  /** The cause the incident was stored with (a cascade), whichever failure opened it. */
  causedBy?: CausedBy;
}

/** An open incident of a job that writes one of the given tables (a cascade's candidate cause). */
export interface UpstreamIncident {
  incidentId: string;
  jobKey: string;
  jobEntityRef: string;
  jobName: string;
  /** The table this incident's job writes, as the entity index names it. */
  tableRef: string;
  partialWrite: PartialWrite;
  category: Category;
  firstSeen: string;
  lastSeen: string;
}

export interface IncidentFilter {
  entityRef?: string;
  owner?: string;
  routedTo?: string;
  status?: IncidentStatus[];
  category?: Category[];
  domain?: string[];
  environment?: string[];
  /** Restrict to incidents whose indexed entities include one of these refs (permissions). */
  visibleEntityRefs?: string[];
  /** The caller's read scope from the permission policy, applied in SQL; undefined: everything. */
  access?: IncidentAccessFilter;
}

/** A change of an incident's lifecycle; a change of its verdict is a VerdictChange. */
export interface IncidentPatch {
  action: 'acknowledge' | 'resolve' | 'reopen';
  reason?: string;
  /** With `resolve`: also resolve the open incidents this one caused (its cascade). */
  cascade?: boolean;
  /** With `resolve`: how it was fixed, shown to the next incident of the same signature. */
  note?: string;
  by: string;
}

/** An incident's verdict as stored: what every later change of it starts from. */
export interface StoredVerdict {
  category: Category;
  environment: Environment;
  verdict: TriageVerdict;
  evidenceLines: EvidenceLine[];
  causeChain: string[];
  route: RouteDecision;
  latestEvent: FailureEvent;
}

/** A verdict changed after first triage, whole: the store derives its columns from it. */
export interface VerdictChange {
  verdict: TriageVerdict;
  evidenceLines: EvidenceLine[];
  causeChain: string[];
  route: RouteDecision;
  /** A person's override: counted as one, and always noted in the status history. */
  overridden?: boolean;
  by: string;
  reason?: string;
}

export interface TrendsQuery {
  filter: Pick<
    IncidentFilter,
    'entityRef' | 'owner' | 'routedTo' | 'visibleEntityRefs' | 'access'
  >;
  weeks: string[];
  groupBy: 'category' | 'domain' | 'team';
}

/** One earlier run of a job: a failure with its signature, or a success (no signature). */
export interface JobRun {
  eventId: string;
  at: string;
  /** Absent for a success. */
  signature?: string;
  versions?: RunVersionSnapshot;
  /** Rows the run wrote, when its output statistics said. */
  rowsWritten?: number;
}

/** The versions a run carried as the job's history keeps them (see pt_job_runs). */
/** A job's latest run of any outcome. */
export interface LastRun {
  jobKey: string;
  jobEntityRef?: string;
  at: string;
}

export interface RunVersionSnapshot {
  code?: string;
  codeLocation?: string;
  engine?: string;
  config?: string;
  /** Each input's columns as `name:type`, by `namespace/name`. */
  schemas?: Record<string, string[]>;
}

/** The event queue: every accepted event is persisted here before it is processed. */
export interface EventQueue {
  /**
   * Persists events in one transaction; re-deliveries come back as duplicates. The sweeper
   * leaves them to the accepting request for `sweepAfterMs`, so it does not race it.
   */
  acceptEvents(
    events: NewEvent[],
    options?: { sweepAfterMs?: number },
  ): Promise<AcceptedEvent[]>;
  /** When events of these keys were received, for those stored (text logs' dedup window). */
  receivedAtByKey(keys: string[]): Promise<Map<string, string>>;
  /** Claims those of the given events nobody holds, in the order given. */
  claimEvents(ids: string[], leaseMs: number): Promise<StoredEvent[]>;
  /** Claims events that are due: never processed, failed earlier, or whose lease ran out. */
  claimDueEvents(limit: number, leaseMs: number): Promise<StoredEvent[]>;
  /** Records a processing failure; after maxAttempts the event moves to the dead letters. */
  failEvent(
    id: string,
    error: string,
    options: { maxAttempts: number; retryDelayMs: number },
  ): Promise<'retry' | 'dead'>;
  getEvent(id: string): Promise<StoredEvent | undefined>;
  listDeadLetters(limit: number): Promise<DeadLetter[]>;
  /** Queue figures for /v1/stats and the health report. */
  queueStats(): Promise<{
    pending: number;
    dead: number;
    oldestPendingAt?: string;
  }>;
}

/** Incidents and their lifecycle: what a failure or success does to them, reads, changes. */
export interface IncidentStore {
  /** Stores a failure: groups it into an incident, counts the occurrence once, marks the event done. */
  recordFailure(
    record: FailureRecord,
    options: { reopenWindowHours: number },
  ): Promise<RecordedOccurrence>;
  /** Records a batch of failures in one transaction, in order; results line up with the records. */
  recordFailures(
    records: FailureRecord[],
    options: { reopenWindowHours: number },
  ): Promise<RecordedOccurrence[]>;
  /**
   * Open incidents whose job writes one of these tables (catalog refs, lower case) and that were
   * last seen from `since` on and first seen by `until`: the candidates for a cascade's cause.
   */
  upstreamIncidents(
    tableRefs: string[],
    window: { since: string; until: string },
  ): Promise<UpstreamIncident[]>;
  /**
   * A success that changes no incident is counted, not stored: under the job's lock, when the job
   * has no open incident and no event still waiting to be processed, its last success and run
   * history are updated (`counted`); a run already counted is a `duplicate`; anything else,
   * including a run stored as an event before, takes the stored path (`store`).
   */
  countSuccess(success: {
    key: string;
    runId: string;
    jobKey: string;
    /** The job's catalog entity, remembered for the entity's status when not yet known. */
    jobEntityRef?: string;
    event: FailureEvent;
  }): Promise<'counted' | 'duplicate' | 'store'>;
  /** Stores a success: job state, and resolves the job's open incidents when allowed. */
  recordSuccess(
    eventId: string,
    event: FailureEvent,
    jobKey: string,
    options: { autoResolve: boolean },
  ): Promise<{ resolvedIncidentIds: string[] }>;
  listIncidents(
    filter: IncidentFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<IncidentSummary>>;
  getIncident(id: string): Promise<IncidentDetail | undefined>;
  /** Acknowledge, resolve, reopen; a change of verdict goes through changeVerdict. */
  updateIncident(id: string, patch: IncidentPatch): Promise<IncidentDetail>;
  /**
   * The one writer of a changed verdict (columns, detail, status history, weekly counts).
   * `decide` gets the verdict as stored under lock; undefined leaves it as it is. False then.
   */
  changeVerdict(
    id: string,
    decide: (current: StoredVerdict) => VerdictChange | undefined,
  ): Promise<boolean>;
  /**
   * The recent runs of these jobs, in one read for a whole batch: failures with their signature
   * and successes, from `since` on, at most `perJob` of each kind per job (the latest).
   */
  recentRuns(
    jobKeys: string[],
    options: { since: string; perJob: number },
  ): Promise<Map<string, JobRun[]>>;
  /**
   * The latest run of any outcome (the later of the last success and last failure) of the jobs
   * named by key, or linked to one of the entities.
   */
  lastRunsOf(query: {
    jobKeys: string[];
    jobEntityRefs: string[];
  }): Promise<LastRun[]>;
  /** The status line of an entity page: open incidents, failing since, last success. */
  entityStatus(
    entityRef: string,
    access?: IncidentAccessFilter,
  ): Promise<EntityStatus>;
  /** Groups that incidents last seen since `since` were routed to. */
  routedTeams(since: string): Promise<string[]>;
  /** What the permission rules look at, for the permission backend's apply-conditions calls. */
  incidentResources(
    ids: string[],
  ): Promise<Array<IncidentResource | undefined>>;
  /** Whether one incident passes a read scope, by the same SQL the lists use. */
  incidentMatches(id: string, access: IncidentAccessFilter): Promise<boolean>;
}

/** Weekly trends and triage figures. */
export interface TrendStore {
  trends(query: TrendsQuery): Promise<
    Omit<TrendsResponse, 'weeks'> & {
      counts: Array<{ week: string; key: string; count: number }>;
    }
  >;
  /** Triage-quality and response figures for /v1/stats. */
  triageStats(filter: IncidentFilter): Promise<IncidentStats>;
  /** The flakiest jobs seen since `since`, most flips first, one row per job. */
  flakiestJobs(
    filter: IncidentFilter,
    options: { since: string; limit: number },
  ): Promise<FlakyJob[]>;
}

/** What runs showed beyond their failure: contract findings, schemas seen, names the catalog lacks. */
export interface FindingStore {
  /** Stores findings of events (each once, however often an event is processed). */
  recordFindings(
    rows: Array<{
      incidentId: string;
      eventId: string;
      at: string;
      finding: StoredFinding;
    }>,
  ): Promise<void>;
  /** Findings about an entity (table, contract, pipeline or owning team), grouped by clause. */
  listFindings(query: {
    entityRef: string;
    since?: string;
    observedDrift: boolean;
    access?: IncidentAccessFilter;
  }): Promise<FindingGroup[]>;
  /**
   * For each schema in order, the last one seen for its dataset before it; each replaces the
   * baseline unless an already newer one is stored.
   */
  swapDatasetSchemas(
    swaps: Array<{
      dataset: string;
      tableRef?: string;
      fields: unknown[];
      at: string;
    }>,
  ): Promise<Array<unknown[] | undefined>>;
  /** Counts names the catalog does not know (the job, datasets), for `GET /v1/unlinked`. */
  noteUnlinked(
    names: Array<{ kind: 'job' | 'dataset'; name: string }>,
    at: string,
  ): Promise<void>;
  listUnlinked(limit: number): Promise<UnlinkedName[]>;
}

/** Who was told what about an incident. */
export interface NotificationLog {
  recordNotification(
    incidentId: string,
    record: NotificationRecord,
  ): Promise<void>;
  recordNotifications(
    rows: Array<{ incidentId: string; record: NotificationRecord }>,
  ): Promise<void>;
}

/** A delivery to one plugin sink, queued before it is attempted. */
export interface NewSinkDelivery {
  incidentId: string;
  sink: string;
  /** What update of the incident it reports (the event's id): one row per incident, sink, update. */
  updateKey: string;
  /** The sink's input, stored as JSON and handed back as is. */
  delivery: unknown;
}

/** A claimed outbox row: its lease is the claimer's until `leaseMs` pass. */
export interface ClaimedSinkDelivery extends NewSinkDelivery {
  id: number;
  attempts: number;
  /**
   * It was `sending` past its lease: an earlier attempt may have reached the sink without its
   * outcome being recorded, so this attempt may deliver it a second time.
   */
  resent?: boolean;
}

/** The sinks' outbox: deliveries survive restarts and go out once whichever instance sends them. */
export interface SinkOutbox {
  /** Stores deliveries due now; one already stored for the same incident, sink and update is left alone. */
  enqueueDeliveries(rows: NewSinkDelivery[]): Promise<void>;
  /**
   * Claims due rows (of `ids` when given) for `owner` until `leaseMs` pass, turning them
   * `sending` before anyone calls the sink: pending rows whose time has come, and `sending` rows
   * whose lease ran out (their claimer stopped before recording an outcome; `resent` says so).
   * Attempts counts the claim, so a claimer that dies mid-send still uses up an attempt.
   */
  claimDeliveries(options: {
    owner: string;
    leaseMs: number;
    limit: number;
    ids?: number[];
  }): Promise<ClaimedSinkDelivery[]>;
  /**
   * Ends a claimed row: sent, retried at `retryAt`, or dead; `target` is where the sink sent it.
   * False when the row is no longer this owner's (its lease ran out and another claimed it).
   */
  finishDelivery(
    id: number,
    owner: string,
    outcome:
      | { status: 'sent'; target?: string }
      | { status: 'pending'; error: string; retryAt: string; target?: string }
      | { status: 'dead'; error: string; target?: string },
  ): Promise<boolean>;
  /** Ids of the rows just enqueued, to attempt them at once. */
  pendingDeliveryIds(incidentId: string, updateKey: string): Promise<number[]>;
  listDeliveries(incidentId: string): Promise<SinkDeliveryState[]>;
}

/** Stored payloads pared down after their retention window; retention/ decides what stays. */
export interface RetentionStore {
  /**
   * Rewrites, in batches, the payload of each finished event received before `before` that is
   * not yet pared to `level`. Returns how many were rewritten.
   */
  pareEvents(
    before: string,
    level: 'payload' | 'logs',
    pare: (event: FailureEvent) => unknown,
  ): Promise<number>;
  /** Rewrites the latest event kept in the detail of incidents whose latest event is that old. */
  pareIncidentEvents(
    before: string,
    pare: (event: FailureEvent) => FailureEvent,
  ): Promise<number>;
}

/** Every door at once: for wiring and for callers that span several concerns. */
export type TriageStore = EventQueue &
  IncidentStore &
  TrendStore &
  FindingStore &
  NotificationLog &
  RetentionStore &
  SinkOutbox;

export type { IncidentAccessFilter, IncidentResource };
export type { IncidentAccessQuery } from './applyIncidentAccess';
export type { StatusChange };
/** The API's shapes the store returns as they are; declared once, in the common package. */
export type {
  DeadLetter,
  EntityStatus,
  IncidentStats,
  SinkDeliveryState,
  UnlinkedName,
};
/** A contract violation or an observed drift finding, as stored. */
export type StoredFinding = Finding;
/** Findings grouped by clause: what the API and the entity page show. */
export type FindingGroup = ContractFinding;
