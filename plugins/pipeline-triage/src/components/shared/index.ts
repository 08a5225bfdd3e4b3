export { CategoryChip } from './CategoryChip';
export { RetryVerdictLabel } from './RetryVerdictLabel';
export { IncidentStatusLabel } from './IncidentStatusLabel';
export { RelativeTime } from './RelativeTime';
export { TriageErrorPanel, errorMessage } from './TriageErrorPanel';
export {
  useIncidentSignal,
  INCIDENT_SIGNAL_CHANNEL,
  type IncidentSignalFilter,
} from './useIncidentSignal';
export { formatAbsolute, formatDuration, formatRelative } from './formatTime';
