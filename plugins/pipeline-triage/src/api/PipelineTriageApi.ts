import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Category,
  Domain,
  Environment,
  IncidentDetail,
  IncidentStatus,
  IncidentSummary,
  Investigation,
  Page,
  TrendsResponse,
} from '@internal/plugin-pipeline-triage-common';

/** Which incidents to list; list-valued fields are sent comma-separated. */
export interface IncidentQuery {
  entityRef?: string;
  owner?: string;
  routedTo?: string;
  status?: IncidentStatus[];
  category?: Category[];
  domain?: Domain[];
  environment?: Environment[];
  limit?: number;
  cursor?: string;
}

export type TrendsGroupBy = TrendsResponse['groupBy'];

export interface TrendsQuery {
  entityRef?: string;
  owner?: string;
  routedTo?: string;
  weeks?: number;
  groupBy?: TrendsGroupBy;
}

export type IncidentAction = 'acknowledge' | 'resolve' | 'reopen' | 'override';

export interface IncidentUpdate {
  action: IncidentAction;
  category?: Category;
  reason?: string;
}

/** The health line of one entity, from /v1/status. */
export interface EntityTriageStatus {
  entityRef: string;
  openIncidents: number;
  failingSince?: string;
  lastFailure?: string;
  lastSuccess?: string;
  consecutiveFailures: number;
}

/** The triage system's own health; the backend may add fields, so they stay optional here. */
export interface TriageStats {
  queue: { pending: number; oldestPendingAt?: string | null; lagSeconds: number };
  deadLetters: number;
  [key: string]: unknown;
}

/** One contract clause (or observed drift) broken by failed runs, grouped as /v1/contract-violations returns it. */
export interface ContractFinding {
  /** schema | quality | freshness, or observed_drift for tables without a contract. */
  kind: string;
  clause: string;
  contractRef?: string;
  tableRef?: string;
  dataset: string;
  /** The clause's JSON path in the contract document and its line in the contract file. */
  path?: string;
  line?: number;
  column?: string;
  observed?: string;
  expected?: string;
  message?: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
  lastIncidentId?: string;
}

export interface FindingsQuery {
  entityRef: string;
  since?: string;
}

/** A problem of a contract definition, with its path in the document. */
export interface ContractDefinitionProblem {
  path: string;
  line?: number;
  message: string;
}

/** The state of a contract definition, from /v1/contracts. */
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
  /** When the backend last parsed the definition. */
  checkedAt?: string;
}

export type EvidenceKind = 'log' | 'schema' | 'trace' | 'sample';

/** Pasted text (with a name) or a file; 10 MB at most, text formats only. */
export type EvidenceAttachment = { kind: EvidenceKind; name?: string; text: string } | { kind: EvidenceKind; file: File };

export interface AttachEvidenceResult {
  attachment: { id: string; kind: EvidenceKind; name: string; size: number };
  reclassified: { category: Category; confidence: number; changed: boolean; previous: Category };
}

export interface PipelineTriageApi {
  listIncidents(query: IncidentQuery): Promise<Page<IncidentSummary>>;
  getIncident(id: string): Promise<IncidentDetail>;
  getReport(id: string): Promise<string>;
  updateIncident(id: string, update: IncidentUpdate): Promise<IncidentDetail>;
  getTrends(query: TrendsQuery): Promise<TrendsResponse>;
  getStatus(entityRef: string): Promise<EntityTriageStatus>;
  getStats(): Promise<TriageStats>;
  listContractViolations(query: FindingsQuery): Promise<{ items: ContractFinding[] }>;
  listSchemaDrift(query: FindingsQuery): Promise<{ items: ContractFinding[] }>;
  getContract(entityRef: string): Promise<ContractState>;
  /** Starts an investigation; the backend answers 409 while one runs. */
  investigate(incidentId: string): Promise<{ id: string }>;
  /** Investigations of an incident, newest first, with their stored steps. */
  listInvestigations(incidentId: string): Promise<Investigation[]>;
  /** Adds evidence (pasted text or a file); the incident is classified again with it. */
  attachEvidence(incidentId: string, input: EvidenceAttachment): Promise<AttachEvidenceResult>;
  /** Accepts a model suggestion: the routing policy re-routes the incident for its category. */
  acceptSuggestion(incidentId: string, investigationId: string): Promise<IncidentDetail>;
}

export const pipelineTriageApiRef = createApiRef<PipelineTriageApi>({
  id: 'plugin.pipeline-triage.service',
});
