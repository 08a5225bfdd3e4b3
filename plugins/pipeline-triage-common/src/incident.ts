import type { Category, Domain } from './taxonomy';
import type {
  FlakyJob,
  JobChange,
  PastResolution,
  SilentFailure,
} from './history';
import type {
  Environment,
  EventLink,
  FailureEvent,
  RunOutcome,
} from './failureEvent';
import type {
  EvidenceLine,
  PartialWrite,
  Recommendation,
  Severity,
  TriageVerdict,
} from './verdict';
import type { CausedBy, DownstreamIncident, Paging } from './cascade';

/** @public */
export const INCIDENT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
/** @public */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * The row shown in tables and lists.
 *
 * @public
 */
export interface IncidentSummary {
  id: string;
  title: string;
  status: IncidentStatus;
  category: Category;
  domain: Domain;
  confidence: number;
  safeToRetry: boolean;
  partialWrite: PartialWrite;
  severity: Severity;
  environment: Environment;
  jobName: string;
  jobNamespace: string;
  /** The pipeline entity, when the catalog knows the job. */
  jobEntityRef?: string;
  ownerRef?: string;
  routedTo?: string;
  routeRule?: string;
  linked: boolean;
  signature: string;
  occurrences: number;
  consecutiveFailures: number;
  firstSeen: string;
  lastSeen: string;
  lastSuccess?: string;
  categoryOverridden: boolean;
  /** Set when this failure is a consequence of an upstream incident (a cascade). */
  causedBy?: CausedBy;
  /** Who was paged; absent on incidents recorded before paging was tracked. */
  paging?: Paging;
}

/** @public */
export interface LinkedEntity {
  entityRef: string;
  /** job | input | output | contract | owner | upstream_producer | downstream */
  role: string;
  title?: string;
}

/** @public */
export interface RouteDecision {
  /** The group or user the incident goes to, or undefined when nobody is paged. */
  recipient?: string;
  /** People notified in the recipient's stead: a data contract's owner-role members. */
  members?: string[];
  /** Where the data contract asks for issues to be reported (its support channel). */
  issuesChannel?: string;
  copy: string[];
  /** Name of the routing rule that decided. */
  rule: string;
  reason: string;
  notify: boolean;
}

/** @public */
export interface StatusChange {
  at: string;
  by: string;
  action:
    | 'opened'
    | 'acknowledged'
    | 'resolved'
    | 'reopened'
    | 'category_overridden'
    | 'auto_resolved';
  from?: string;
  to?: string;
  reason?: string;
  /** What the person who resolved it wrote about the fix (PATCH resolve `note`). */
  note?: string;
}

/** @public */
export interface NotificationRecord {
  at: string;
  recipients: string[];
  channel: string;
  status: 'sent' | 'updated' | 'suppressed' | 'failed';
  detail?: string;
}

/**
 * One delivery to a plugin sink (Slack, PagerDuty, webhook) as its outbox row stands.
 *
 * @public
 */
export interface SinkDeliveryState {
  sink: string;
  /** The incident update it reports: the id of the event that updated the incident. */
  updateKey: string;
  /**
   * pending: waiting for its first attempt or a retry; sending: claimed by an instance, its
   * request in flight (past `leaseUntil` it is sent again); sent; dead: gave up after its attempts.
   */
  status: 'pending' | 'sending' | 'sent' | 'dead';
  attempts: number;
  /** Where the sink sent it: a Slack channel, the entity whose PagerDuty service was paged. */
  target?: string;
  lastError?: string;
  nextAttemptAt?: string;
  /** While sending: when it was claimed, and until when the claim holds. */
  claimedAt?: string;
  leaseUntil?: string;
  createdAt: string;
  finishedAt?: string;
}

/** @public */
export interface OccurrenceSummary {
  eventId: string;
  eventTime: string;
  receivedAt: string;
  outcome: RunOutcome;
  runId?: string;
  attempt?: number;
  errorMessage?: string;
}

/** @public */
export interface IncidentDetail extends IncidentSummary {
  verdict: TriageVerdict;
  evidenceLines: EvidenceLine[];
  causeChain: string[];
  recommendation: Recommendation;
  route: RouteDecision;
  linkedEntities: LinkedEntity[];
  links: EventLink[];
  occurrencesList: OccurrenceSummary[];
  statusHistory: StatusChange[];
  notifications: NotificationRecord[];
  /** Deliveries to the plugin's own sinks, oldest first; absent where no sink is configured. */
  sinkDeliveries?: SinkDeliveryState[];
  latestEvent: FailureEvent;
  /** Incidents this one caused downstream, newest first; absent when none. */
  downstreamIncidents?: DownstreamIncident[];
  /** Why the incident pages, waits for retries or pages no one. */
  pagingReason?: string;
  /** What changed since the job's last success (empty: nothing known changed; absent: no success known). */
  changes?: JobChange[];
  /** Earlier resolutions of this signature: its own, the job's, other jobs', newest first in each. */
  pastResolutions?: PastResolution[];
  /** The job's failures of this signature alternate with successes with nothing changed between. */
  flaky?: boolean;
  /** Opened by a run that did not fail: zero rows written, or no run before the freshness SLA. */
  silent?: boolean;
  silentReason?: SilentFailure;
}

/** @public */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * Per-event result of an ingest call.
 *
 * @public
 */
export type IngestResult =
  | {
      index: number;
      status: 'accepted';
      eventId: string;
      incidentId?: string;
      processing: 'done' | 'pending' | 'ignored';
      category?: Category;
      safeToRetry?: boolean;
      /** What ingest dropped from the payload and why (an invalid facet): the rest was triaged. */
      warnings?: string[];
    }
  | { index: number; status: 'duplicate'; eventId: string; incidentId?: string }
  /** Recognised but not a run outcome (an OpenLineage START, say): acknowledged, not stored. */
  | { index: number; status: 'ignored'; reason: string }
  /** A success that changes no incident: counted in its job's run history, not stored as an event. */
  | { index: number; status: 'counted'; reason: string }
  | { index: number; status: 'rejected'; field: string; reason: string };

/** @public */
export interface TrendWeek {
  /** ISO week, e.g. 2026-W47 */
  week: string;
  weekStart: string;
  total: number;
  counts: Record<string, number>;
  /** Relative change of the total against the previous week; null when that week had none. */
  change: number | null;
}

/** @public */
export interface TrendsResponse {
  groupBy: 'category' | 'domain' | 'team';
  weeks: TrendWeek[];
  keys: string[];
  /**
   * `all`: every incident; `permitted`: only incidents the caller may read (the permission
   * policy gave a conditional decision), so organisation-wide totals are the caller's share.
   */
  scope?: 'all' | 'permitted';
  /** The jobs most often failing and then passing with nothing changed, over the same weeks. */
  flakiestJobs?: FlakyJob[];
}
