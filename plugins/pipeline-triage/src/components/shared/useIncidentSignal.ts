import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  INCIDENT_SIGNAL_CHANNEL,
  type IncidentSignal,
} from '@pipeline-triage/plugin-pipeline-triage-common';

export { INCIDENT_SIGNAL_CHANNEL };

/**
 * Which announcements matter to a view: one incident's, or (without a filter) every one the user
 * receives. Signals carry ids only and reach only the incident's owner and routed-to team, so a
 * list or an entity page refreshes on any of them and its refetch goes through the API's checks.
 */
export interface IncidentSignalFilter {
  incidentId?: string;
}

export function signalMatches(
  signal: Partial<IncidentSignal>,
  filter?: IncidentSignalFilter,
): boolean {
  if (!filter?.incidentId) return true;
  return signal.incidentId === filter.incidentId;
}

/**
 * Calls onChange when the backend announces an incident change the view shows, so open pages
 * refresh without polling. Does nothing where the signals plugin is not installed.
 */
export function useIncidentSignal(
  filter: IncidentSignalFilter | undefined,
  onChange: () => void,
) {
  const { lastSignal } = useSignal<IncidentSignal>(INCIDENT_SIGNAL_CHANNEL);
  const callback = useRef(onChange);
  callback.current = onChange;
  const incidentId = filter?.incidentId;

  useEffect(() => {
    if (lastSignal && signalMatches(lastSignal, { incidentId }))
      callback.current();
  }, [lastSignal, incidentId]);
}
