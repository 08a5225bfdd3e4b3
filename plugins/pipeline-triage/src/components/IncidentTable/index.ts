export { IncidentHistory } from './IncidentHistory';
export { IncidentTable } from './IncidentTable';
export { useIncidentPages } from './useIncidentPages';
