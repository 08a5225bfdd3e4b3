import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AttachEvidenceResult,
  ContractFinding,
  ContractState,
  EntityStatus,
  IncidentDetail,
  IncidentSummary,
  Investigation,
  InvestigationStarted,
  ItemsResponse,
  UnlinkedName,
  Page,
  TrendsResponse,
  TriageStats,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type {
  EvidenceAttachment,
  FindingsQuery,
  IncidentQuery,
  IncidentUpdate,
  PipelineTriageApi,
  TrendsQuery,
} from './PipelineTriageApi';

type QueryValue = string | number | string[] | undefined;

/** Drops empty values so the backend applies its own defaults instead of filtering on "". */
function toSearch(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Talks to the pipeline-triage backend with the signed-in user's token (via fetchApi).
 *
 * @public
 */
export class PipelineTriageClient implements PipelineTriageApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listIncidents(query: IncidentQuery): Promise<Page<IncidentSummary>> {
    return this.json(`/v1/incidents${toSearch({ ...query })}`);
  }

  getIncident(id: string): Promise<IncidentDetail> {
    return this.json(`/v1/incidents/${encodeURIComponent(id)}`);
  }

  async getReport(id: string): Promise<string> {
    const response = await this.request(
      `/v1/incidents/${encodeURIComponent(id)}/report`,
    );
    return response.text();
  }

  updateIncident(id: string, update: IncidentUpdate): Promise<IncidentDetail> {
    return this.json(`/v1/incidents/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(update),
    });
  }

  getTrends(query: TrendsQuery): Promise<TrendsResponse> {
    return this.json(`/v1/trends${toSearch({ ...query })}`);
  }

  getStatus(entityRef: string): Promise<EntityStatus> {
    return this.json(`/v1/status${toSearch({ entityRef })}`);
  }

  getStats(): Promise<TriageStats> {
    return this.json('/v1/stats');
  }

  listContractViolations(
    query: FindingsQuery,
  ): Promise<ItemsResponse<ContractFinding>> {
    return this.json(`/v1/contract-violations${toSearch({ ...query })}`);
  }

  listSchemaDrift(
    query: FindingsQuery,
  ): Promise<ItemsResponse<ContractFinding>> {
    return this.json(`/v1/schema-drift${toSearch({ ...query })}`);
  }

  listUnlinked(query: {
    entityRef?: string;
    limit?: number;
  }): Promise<ItemsResponse<UnlinkedName>> {
    return this.json(`/v1/unlinked${toSearch({ ...query })}`);
  }

  getContract(entityRef: string): Promise<ContractState> {
    return this.json(`/v1/contracts${toSearch({ entityRef })}`);
  }

  investigate(incidentId: string): Promise<InvestigationStarted> {
    return this.json(
      `/v1/incidents/${encodeURIComponent(incidentId)}/investigate`,
      { method: 'POST' },
    );
  }

  async listInvestigations(incidentId: string): Promise<Investigation[]> {
    const page = await this.json<ItemsResponse<Investigation>>(
      `/v1/incidents/${encodeURIComponent(incidentId)}/investigations`,
    );
    return page.items;
  }

  attachEvidence(
    incidentId: string,
    input: EvidenceAttachment,
  ): Promise<AttachEvidenceResult> {
    const path = `/v1/incidents/${encodeURIComponent(incidentId)}/attachments`;
    if ('file' in input) {
      const form = new FormData();
      form.append('kind', input.kind);
      form.append('file', input.file, input.file.name);
      return this.json(path, { method: 'POST', body: form });
    }
    return this.json(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
  }

  acceptSuggestion(
    incidentId: string,
    investigationId: string,
  ): Promise<IncidentDetail> {
    return this.json(
      `/v1/incidents/${encodeURIComponent(
        incidentId,
      )}/investigations/${encodeURIComponent(investigationId)}/accept`,
      { method: 'POST' },
    );
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('pipeline-triage');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      // Parses the backend's {error:{name,message}} body so the UI shows its message.
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.request(path, init);
    return (await response.json()) as T;
  }
}
