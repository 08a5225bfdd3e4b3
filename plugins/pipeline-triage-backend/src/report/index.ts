export { renderIncidentReport } from './renderIncidentReport';
export type { IncidentReportInput } from './renderIncidentReport';
