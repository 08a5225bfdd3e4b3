export {
  IncidentNotifier,
  SIGNAL_CHANNEL,
  entityTabLink,
  type NotifyInput,
} from './IncidentNotifier';
export { NoisePolicy, type MuteWindow } from './NoisePolicy';
