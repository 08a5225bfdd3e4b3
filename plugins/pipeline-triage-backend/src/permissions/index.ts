export {
  incidentResourceRef,
  type IncidentResource,
  type IncidentAccessQuery,
} from './incidentResource';
export {
  incidentConditions,
  createIncidentConditionalDecision,
  incidentPermissionRules,
} from './rules';
export {
  IncidentAccess,
  type ReadScope,
  type IncidentPermission,
} from './IncidentAccess';
export {
  createSenderRecognizer,
  type SenderRecognizer,
} from './senderRecognizer';
export type { IncidentAccessFilter } from '../store';
