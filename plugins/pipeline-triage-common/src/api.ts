import type { Category, Domain } from './taxonomy';
import type {
  EventSource,
  FailureEvent,
  JobIdentity,
  RunOutcome,
} from './failureEvent';
import type { IncidentSummary, IngestResult } from './incident';
import type { ModelUsage } from './investigation';
import type { PartialWrite } from './verdict';

/**
 * The response shapes of the REST API under `/api/pipeline-triage`, declared once: the
 * backend's routes are checked against them and the frontend's client returns them. Shapes
 * already named elsewhere in this package (IncidentDetail, Page, TrendsResponse, Investigation,
 * IngestResult) are the responses of their routes as they are.
 */

/**
 * `{ items }`: the lists that are not paged.
 *
 * @public
 */
export interface ItemsResponse<T> {
  items: T[];
}

/**
 * `POST /v1/events`: one result per posted event, in the order posted.
 *
 * @public
 */
export interface IngestResponse {
  results: IngestResult[];
}

/**
 * `GET /v1/events/:id`: a stored event's processing state and, once triaged, its verdict.
 *
 * @public
 */
export interface EventStatusResponse {
  id: string;
  status: 'pending' | 'processing' | 'done' | 'dead';
  attempts: number;
  lastError?: string;
  receivedAt: string;
  processedAt?: string;
  source: EventSource;
  outcome: RunOutcome;
  job: JobIdentity;
  /** What ingest dropped from the payload and why (an invalid OpenLineage facet, say). */
  warnings?: FailureEvent['warnings'];
  incidentId?: string;
  verdict?: {
    category: Category;
    domain: Domain;
    confidence: number;
    safeToRetry: boolean;
    partialWrite: PartialWrite;
    retryReason: string;
    routedTo?: string;
  };
}

/**
 * `GET /v1/status`: the status line of an entity page.
 *
 * @public
 */
export interface EntityStatus {
  entityRef: string;
  openIncidents: number;
  failingSince?: string;
  lastFailure?: string;
  lastSuccess?: string;
  consecutiveFailures: number;
  /** One of the entity's jobs has a recent flaky incident (see FlakyJob). */
  flaky?: boolean;
  /** Runs of the entity's jobs per day over the last 7 days, from their run history. */
  runsPerDay?: number;
}

/**
 * Triage-quality and response figures over the incidents a caller may see.
 *
 * @public
 */
export interface IncidentStats {
  incidents: number;
  /** Share of incidents whose category a person overrode; null without incidents. */
  overrideRate: number | null;
  /** Mean time from first failure to acknowledgement / resolution, in seconds. */
  mttaSeconds: number | null;
  mttrSeconds: number | null;
  /** Safe-to-retry verdicts whose outcome is known: resolved by a success, or failed again. */
  safeRetry: {
    provedRight: number;
    provedWrong: number;
    precision: number | null;
  };
  topRepeatFailures: IncidentSummary[];
}

/**
 * `GET /v1/stats`: the incident figures, the processing queue and the model's usage.
 *
 * @public
 */
export interface TriageStats extends IncidentStats {
  queue: { pending: number; oldestPendingAt?: string; lagSeconds: number };
  deadLetters: number;
  /** Absent when the backend runs without investigations. */
  model?: ModelUsage;
}

/**
 * What a finding is about: a broken contract clause, or schema drift of a table without a contract.
 *
 * @public
 */
export type FindingKind = 'schema' | 'quality' | 'freshness' | 'observed_drift';

/**
 * One contract violation or observed drift of one failed run.
 *
 * @public
 */
export interface Finding {
  kind: FindingKind;
  clause: string;
  contractRef?: string;
  tableRef?: string;
  dataset: string;
  /** The clause's JSON path in the contract document and its line in the contract file. */
  path?: string;
  line?: number;
  column?: string;
  observed: string;
  expected: string;
  message: string;
}

/**
 * `GET /v1/contract-violations` and `GET /v1/schema-drift` items: findings grouped by clause.
 *
 * @public
 */
export interface ContractFinding extends Finding {
  count: number;
  firstSeen: string;
  lastSeen: string;
  /** The incident of the newest failed run that showed it; absent when a contract test did. */
  lastIncidentId?: string;
  /** The newest contract test run that reported it (`POST /v1/contract-results`). */
  lastTestRunId?: string;
}

/**
 * `POST /v1/contract-results`: what a contract test run (datacontract-cli) became.
 *
 * @public
 */
export interface ContractTestResultsResponse {
  runId: string;
  /** The catalog's contract whose definition has the run's `dataContractId`. */
  contractRef: string;
  /** Failed and warning checks recorded as findings of the contract. */
  recorded: number;
  /** Checks that passed. */
  passed: number;
  findings: Finding[];
  /** Checks that did not pass but say nothing about the data (errors, set-up checks), and why. */
  notFindings: Array<{ check: string; result: string; reason: string }>;
  warnings?: string[];
}

/**
 * A problem (or warning) of a contract definition, with its path in the document.
 *
 * @public
 */
export interface ContractDefinitionProblem {
  path: string;
  line?: number;
  message: string;
}

/**
 * `GET /v1/contracts?entityRef=`: the state of one contract definition.
 *
 * @public
 */
export interface ContractState {
  entityRef: string;
  valid: boolean;
  format?: string;
  name?: string;
  version?: string;
  status?: string;
  owners?: { team?: string; usernames?: string[]; issues?: string };
  sla?: Record<string, { seconds: number; line?: number }>;
  tables?: Array<{ name: string; columns: number; required: string[] }>;
  problems?: ContractDefinitionProblem[];
  warnings?: ContractDefinitionProblem[];
  /** When the backend last parsed the definition, and when its text last changed. */
  checkedAt?: string;
  changedAt?: string;
}

/**
 * `GET /v1/contracts` items: every contract's state as of the last refresh.
 *
 * @public
 */
export interface ContractSummary {
  entityRef: string;
  valid: boolean;
  format?: string;
  problems?: ContractDefinitionProblem[];
  checkedAt: string;
  changedAt: string;
}

/**
 * `GET /v1/unlinked` items: names the catalog does not know.
 *
 * @public
 */
export interface UnlinkedName {
  kind: 'job' | 'dataset';
  name: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
  /** Pipelines (for a job) or tables (for a dataset) whose name resembles this one. */
  candidates?: Array<{ entityRef: string; title?: string }>;
  /** The catalog YAML that would link the name to an entity, to paste into its `metadata`. */
  snippet?: string;
}

/**
 * `GET /v1/dead-letters` items: events that could not be processed.
 *
 * @public
 */
export interface DeadLetter {
  eventId: string;
  at: string;
  attempts: number;
  reason: string;
  source: string;
  jobKey: string;
}

/**
 * `GET /health`: readiness; `reasons` only for authenticated callers.
 *
 * @public
 */
export interface HealthReport {
  /**
   * ok: all well; degraded: serving, but something needs a look (queue lag, dead letters, a
   * catalog that does not answer: events are kept and wait for it); unavailable: no database, or
   * no sign-in on this instance (users cannot use it, so a load balancer should send them elsewhere).
   */
  status: 'ok' | 'degraded' | 'unavailable';
  reasons: HealthReason[];
}

/** @public */
export type HealthReason =
  | { part: 'database'; message: string }
  | { part: 'catalog'; message: string }
  | { part: 'auth'; message: string }
  | { part: 'queue'; message: string; lagSeconds: number; pending: number }
  | { part: 'dead-letters'; message: string; count: number };

/**
 * `POST /v1/incidents/:id/investigate` (202): the started investigation.
 *
 * @public
 */
export interface InvestigationStarted {
  id: string;
  incidentId: string;
}

/** @public */
export type EvidenceKind = 'log' | 'schema' | 'trace' | 'sample';

/**
 * An attachment without its text.
 *
 * @public
 */
export interface AttachmentSummary {
  id: string;
  incidentId: string;
  kind: EvidenceKind;
  name: string;
  contentType?: string;
  size: number;
  addedBy?: string;
  at: string;
}

/**
 * `POST /v1/incidents/:id/attachments` (201): the stored attachment and the classification with it.
 *
 * @public
 */
export interface AttachEvidenceResult {
  attachment: AttachmentSummary;
  reclassified: {
    category: Category;
    confidence: number;
    changed: boolean;
    previous: Category;
  };
}

/**
 * `GET /v1/incidents/:id/attachments` items: with the first 500 characters of the text.
 *
 * @public
 */
export interface AttachmentListItem extends AttachmentSummary {
  preview: string;
}
