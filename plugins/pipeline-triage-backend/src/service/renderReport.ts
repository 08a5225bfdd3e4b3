import type { IncidentDetail } from '@pipeline-triage/plugin-pipeline-triage-common';
import { renderIncidentReport } from '../report';

/** The incident detail as the report renderer wants it. */
export function renderReport(incident: IncidentDetail): string {
  const e = incident.latestEvent;
  return renderIncidentReport({
    title: incident.title,
    job: {
      name: incident.jobName,
      namespace: incident.jobNamespace,
      entityRef: incident.jobEntityRef,
    },
    stage: e.job.airflowTaskId ?? e.job.dbtUniqueId,
    eventTime: incident.lastSeen,
    environment: incident.environment,
    runId: e.runId,
    attempt: e.attempt,
    maxAttempts: e.maxAttempts,
    occurrences: incident.occurrences,
    verdict: incident.verdict,
    evidenceLines: incident.evidenceLines,
    causeChain: incident.causeChain,
    route: incident.route,
    links: incident.links.map(l => ({ label: l.label ?? l.kind, url: l.url })),
    changes: incident.changes,
    pastResolutions: incident.pastResolutions,
    flaky: incident.flaky,
    silentReason: incident.silentReason,
  });
}
