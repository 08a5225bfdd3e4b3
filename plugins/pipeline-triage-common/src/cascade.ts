import type { IncidentStatus } from './incident';

/**
 * The upstream incident a failure is a consequence of: a job that writes one of this run's
 * inputs failed within the cascade window and left that input missing, late or partial.
 * @public
 */
export interface CausedBy {
  incidentId: string;
  /** The upstream pipeline whose failure left the input missing, late or partial. */
  entityRef: string;
  reason: string;
}

/**
 * An incident that followed from this one (its `causedBy` names this incident).
 * @public
 */
export interface DownstreamIncident {
  incidentId: string;
  entityRef?: string;
  jobName: string;
  title: string;
  status: IncidentStatus;
  reason: string;
}

/**
 * Whether anyone was paged for an incident: `waiting_for_retries` while the orchestrator still
 * retries a failure the verdict calls safe to retry; `suppressed` when nobody is paged (a
 * cascade's notice, a route without notification, an import, retries that later succeeded).
 * @public
 */
export type Paging = 'waiting_for_retries' | 'paged' | 'suppressed';

/** Every paging state, in order. @public */
export const PAGING_STATES: readonly Paging[] = [
  'waiting_for_retries',
  'paged',
  'suppressed',
];
