import type {
  FailureEvent,
  TriageVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { FailureRecord } from '../types';

export type TestCategory = 'resource_exhaustion' | 'code_error';

/**
 * A failure of an Airflow job as the triage stage hands it to the store: filed under its job,
 * one output table and, when it has one, its owner; routed to the owner or the platform team.
 */
export function failureRecord(o: {
  n: number;
  job: string;
  category: TestCategory;
  week: string;
  owner?: string;
  table?: string;
  eventTime?: string;
}): FailureRecord {
  const event: FailureEvent = {
    source: 'generic',
    outcome: 'fail',
    job: { namespace: 'airflow', name: o.job },
    eventTime: o.eventTime ?? '2026-11-20T10:00:00.000Z',
    runId: `run-${o.n}`,
    errorMessage: 'boom',
  };
  const verdict = {
    classification: {
      category: o.category,
      domain: o.category === 'code_error' ? 'code' : 'infra',
      confidence: 0.9,
      evidence: [],
      rules: [],
      hypotheses: [],
      source: 'rules',
    },
    partialWrite: { partialWrite: 'false', reason: '' },
    retry: { safeToRetry: false, reason: '' },
    recommendation: { action: '', diagnostics: [], prevention: '' },
    severity: 'high',
    signature: `sig-${o.category}`,
    summary: 'boom',
  } as unknown as TriageVerdict;
  const jobRef = `component:default/${o.job}`;
  return {
    eventId: `evt-${o.n}`,
    event,
    jobKey: `airflow/${o.job}`,
    environment: 'prod',
    verdict,
    evidenceLines: [],
    causeChain: [],
    route: {
      recipient: o.owner ?? 'group:default/platform',
      copy: [],
      rule: 'r',
      reason: 'r',
      notify: true,
    },
    jobEntityRef: jobRef,
    ownerRef: o.owner,
    linked: true,
    linkedEntities: [],
    entityIndex: [
      { entityRef: jobRef, role: 'job' },
      { entityRef: o.table ?? 'resource:default/orders', role: 'output' },
      ...(o.owner ? [{ entityRef: o.owner, role: 'owner' }] : []),
    ],
    week: o.week,
  };
}

/** A person's override as triage/reclassify hands it to the store's one verdict writer. */
export function overrideTo(
  category: TestCategory,
  by: string,
  reason: string,
  route?: import('@pipeline-triage/plugin-pipeline-triage-common').RouteDecision,
) {
  return (
    current: import('../types').StoredVerdict,
  ): import('../types').VerdictChange => ({
    verdict: {
      ...current.verdict,
      classification: {
        ...current.verdict.classification,
        category,
        domain: category === 'code_error' ? 'code' : 'infra',
        source: 'override',
      },
    },
    evidenceLines: current.evidenceLines,
    causeChain: current.causeChain,
    route: route ?? current.route,
    overridden: true,
    by,
    reason,
  });
}
