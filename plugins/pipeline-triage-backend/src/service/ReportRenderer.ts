import type { IncidentDetail } from '@pipeline-triage/plugin-pipeline-triage-common';

/** Renders the Markdown escalation report of an incident. */
export type ReportRenderer = (incident: IncidentDetail) => string;
