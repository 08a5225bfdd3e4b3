export {
  IncidentNotifier,
  entityTabLink,
  type NotifyInput,
} from './IncidentNotifier';
export { NoisePolicy, type MuteWindow } from './NoisePolicy';
export { IncidentSignals, type IncidentAudience } from './IncidentSignals';
export { incidentAudience } from './incidentAudience';
