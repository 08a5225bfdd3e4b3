import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';

/** Whose problem a failure is. Roles resolve to catalog entities per incident. */
export type RouteRole =
  | 'contract_owner'
  | 'producer_owner'
  | 'job_owner'
  | 'dependency_owner'
  | 'platform_team'
  | 'iam_team'
  | 'fallback_team';

export interface RouteSpec {
  /** Tried in order; the first role that resolves receives the incident. */
  to: RouteRole[];
  /** Also told, when they resolve to someone else. */
  copy?: RouteRole[];
  why: string;
  /** Source delays page only once they pass the contract's SLA (or the configured default). */
  onlyPastSla?: boolean;
}

/** The default routing policy, by cause. `app-config.yaml` may override any entry. */
export const DEFAULT_ROUTES: Record<Category, RouteSpec> = {
  schema_drift: {
    to: ['contract_owner', 'producer_owner', 'job_owner', 'fallback_team'],
    why: 'schema drift is fixed where the schema is defined: the data-contract owner, else the producer',
  },
  data_quality: {
    to: ['contract_owner', 'producer_owner', 'job_owner', 'fallback_team'],
    why: 'bad data is fixed at its source: the data-contract owner, else the producer',
  },
  source_delay: {
    to: ['producer_owner', 'job_owner', 'fallback_team'],
    why: 'late input is the upstream producer’s to explain',
    onlyPastSla: true,
  },
  permission: {
    to: ['iam_team', 'job_owner', 'fallback_team'],
    why: 'grants and credentials are managed by the IAM / security team',
  },
  resource_exhaustion: {
    to: ['platform_team', 'job_owner', 'fallback_team'],
    copy: ['job_owner'],
    why: 'capacity is the platform team’s; the job owner may need to right-size the job',
  },
  infrastructure: {
    to: ['platform_team', 'job_owner', 'fallback_team'],
    copy: ['job_owner'],
    why: 'the platform itself failed',
  },
  small_file_pressure: {
    to: ['job_owner', 'fallback_team'],
    copy: ['platform_team'],
    why: 'the job writes the small files; the platform team watches storage pressure',
  },
  dependency_unavailable: {
    to: ['dependency_owner', 'job_owner', 'fallback_team'],
    why: 'an external dependency failed; its owner when the catalog knows it, else the job owner',
  },
  data_skew: {
    to: ['job_owner', 'fallback_team'],
    why: 'skew is fixed in the job’s partitioning or joins',
  },
  code_error: {
    to: ['job_owner', 'fallback_team'],
    why: 'a bug in the job’s code or SQL',
  },
  config_error: {
    to: ['job_owner', 'fallback_team'],
    why: 'the job’s configuration is wrong or missing',
  },
  unknown: {
    to: ['job_owner', 'fallback_team'],
    why: 'no cause could be established: the job owner gets the full report',
  },
};
