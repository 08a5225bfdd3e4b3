export { IncidentDrawer } from './IncidentDrawer';
