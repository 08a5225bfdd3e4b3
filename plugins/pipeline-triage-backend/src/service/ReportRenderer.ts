import type { IncidentDetail } from '@internal/plugin-pipeline-triage-common';

/** Renders the Markdown escalation report of an incident. */
export type ReportRenderer = (incident: IncidentDetail) => string;
