/**
 * Live updates. A signal says only that something changed (ids and a kind, never content): the
 * page that receives one refetches through the permission-checked API, so a signal cannot show
 * anyone what their own GET would refuse. The backend sends them to the incident's job owner and
 * routed-to team, not to everyone.
 */

/**
 * The channel incident changes are announced on.
 *
 * @public
 */
export const INCIDENT_SIGNAL_CHANNEL = 'pipeline-triage:incidents';

/**
 * The channel investigation progress is announced on.
 *
 * @public
 */
export const INVESTIGATION_SIGNAL_CHANNEL = 'pipeline-triage:investigations';

// Type aliases, not interfaces: the signals API wants a JsonObject, which only aliases satisfy.

/**
 * An incident was recorded, repeated or changed (status, category, route, attachments).
 *
 * @public
 */
export type IncidentSignal = {
  kind: 'incident-changed';
  incidentId: string;
};

/**
 * An investigation stored a step, changed its suggestion, or finished (completed or failed).
 *
 * @public
 */
export type InvestigationSignal = {
  kind: 'step' | 'suggestion' | 'finished';
  incidentId: string;
  investigationId: string;
};
