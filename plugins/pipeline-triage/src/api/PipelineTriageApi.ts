import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AttachEvidenceResult,
  Category,
  ContractFinding,
  ContractState,
  Domain,
  EntityStatus,
  Environment,
  EvidenceKind,
  IncidentDetail,
  IncidentStatus,
  IncidentSummary,
  Investigation,
  InvestigationStarted,
  UnlinkedName,
  ItemsResponse,
  Page,
  TrendsResponse,
  TriageStats,
} from '@pipeline-triage/plugin-pipeline-triage-common';

// The responses are the backend's, declared once in the common package.
export type {
  AttachEvidenceResult,
  ContractDefinitionProblem,
  ContractFinding,
  ContractState,
  EvidenceKind,
  TriageStats,
} from '@pipeline-triage/plugin-pipeline-triage-common';
/**
 * The status line of one entity, from /v1/status (the common package's EntityStatus).
 *
 * @public
 */
export type EntityTriageStatus = EntityStatus;

/**
 * Which incidents to list; list-valued fields are sent comma-separated.
 *
 * @public
 */
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

/** @public */
export type TrendsGroupBy = TrendsResponse['groupBy'];

/** @public */
export interface TrendsQuery {
  entityRef?: string;
  owner?: string;
  routedTo?: string;
  weeks?: number;
  groupBy?: TrendsGroupBy;
}

/** @public */
export type IncidentAction = 'acknowledge' | 'resolve' | 'reopen' | 'override';

/** @public */
export interface IncidentUpdate {
  action: IncidentAction;
  category?: Category;
  reason?: string;
  /** With resolve: also resolve the open incidents this one caused downstream. */
  cascade?: boolean;
  /** With `resolve`: how it was fixed; shown to later incidents of the same signature. */
  note?: string;
}

/** @public */
export interface FindingsQuery {
  entityRef: string;
  since?: string;
}

/**
 * Pasted text (with a name) or a file; 10 MB at most, text formats only.
 *
 * @public
 */
export type EvidenceAttachment =
  | { kind: EvidenceKind; name?: string; text: string }
  | { kind: EvidenceKind; file: File };

/** @public */
export interface PipelineTriageApi {
  listIncidents(query: IncidentQuery): Promise<Page<IncidentSummary>>;
  getIncident(id: string): Promise<IncidentDetail>;
  getReport(id: string): Promise<string>;
  updateIncident(id: string, update: IncidentUpdate): Promise<IncidentDetail>;
  getTrends(query: TrendsQuery): Promise<TrendsResponse>;
  getStatus(entityRef: string): Promise<EntityStatus>;
  getStats(): Promise<TriageStats>;
  listContractViolations(
    query: FindingsQuery,
  ): Promise<ItemsResponse<ContractFinding>>;
  listSchemaDrift(
    query: FindingsQuery,
  ): Promise<ItemsResponse<ContractFinding>>;
  getContract(entityRef: string): Promise<ContractState>;
  /** Unknown job and dataset names, with candidates and the annotation that links each (full readers). */
  listUnlinked(query: {
    entityRef?: string;
    limit?: number;
  }): Promise<ItemsResponse<UnlinkedName>>;
  /** Starts an investigation; the backend answers 409 while one runs. */
  investigate(incidentId: string): Promise<InvestigationStarted>;
  /** Investigations of an incident, newest first, with their stored steps. */
  listInvestigations(incidentId: string): Promise<Investigation[]>;
  /** Adds evidence (pasted text or a file); the incident is classified again with it. */
  attachEvidence(
    incidentId: string,
    input: EvidenceAttachment,
  ): Promise<AttachEvidenceResult>;
  /** Accepts a model suggestion: the routing policy re-routes the incident for its category. */
  acceptSuggestion(
    incidentId: string,
    investigationId: string,
  ): Promise<IncidentDetail>;
}

/** @public */
export const pipelineTriageApiRef = createApiRef<PipelineTriageApi>({
  id: 'plugin.pipeline-triage.service',
});
