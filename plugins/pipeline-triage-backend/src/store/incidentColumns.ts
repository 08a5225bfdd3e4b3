import type {
  FailureEvent,
  IncidentDetail,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { FailureRecord } from './types';

/** What the incident row keeps as JSON: everything the detail view shows beyond the columns. */
export interface IncidentDetailJson {
  verdict: IncidentDetail['verdict'];
  evidenceLines: IncidentDetail['evidenceLines'];
  causeChain: string[];
  route: IncidentDetail['route'];
  linkedEntities: IncidentDetail['linkedEntities'];
  links: IncidentDetail['links'];
  latestEvent: FailureEvent;
  /** What the job's history said when the latest failure was recorded. */
  changes?: IncidentDetail['changes'];
  silentReason?: IncidentDetail['silentReason'];
}

/** The incident columns a failure's verdict and route set (unless a person overrode them). */
export function verdictColumns(r: FailureRecord) {
  const v = r.verdict;
  return {
    category: v.classification.category,
    domain: v.classification.domain,
    confidence: v.classification.confidence,
    safe_to_retry: v.retry.safeToRetry,
    partial_write: v.partialWrite.partialWrite,
    severity: v.severity,
    environment: r.environment,
    title: v.summary.slice(0, 1000),
    job_entity_ref: r.jobEntityRef ?? null,
    owner_ref: r.ownerRef ?? null,
    routed_to: r.route.recipient ?? null,
    route_rule: r.route.rule,
    linked: r.linked,
  };
}

export function detailJson(r: FailureRecord): IncidentDetailJson {
  return {
    verdict: r.verdict,
    evidenceLines: r.evidenceLines,
    causeChain: r.causeChain,
    route: r.route,
    linkedEntities: r.linkedEntities,
    links: r.event.links ?? [],
    latestEvent: r.event,
    ...(r.changes ? { changes: r.changes } : {}),
    ...(r.silent ? { silentReason: r.silent } : {}),
  };
}
