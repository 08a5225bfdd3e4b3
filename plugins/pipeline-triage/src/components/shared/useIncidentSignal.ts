import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';

export const INCIDENT_SIGNAL_CHANNEL = 'pipeline-triage:incidents';

// A type alias, not an interface: useSignal wants a JsonObject, which only aliases satisfy.
type IncidentSignal = {
  incidentId: string;
  entityRefs?: string[];
};

/** Which announcements matter to a view; without one, every change does (org-wide views). */
export interface IncidentSignalFilter {
  entityRefs?: string[];
  incidentId?: string;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

export function signalMatches(signal: IncidentSignal, filter?: IncidentSignalFilter): boolean {
  if (!filter) return true;
  if (filter.incidentId && signal.incidentId === filter.incidentId) return true;
  const wanted = new Set((filter.entityRefs ?? []).map(lower));
  return (signal.entityRefs ?? []).some(ref => wanted.has(lower(String(ref))));
}

/**
 * Calls onChange when the backend announces an incident change the view shows, so open pages
 * refresh without polling. Does nothing where the signals plugin is not installed.
 */
export function useIncidentSignal(filter: IncidentSignalFilter | undefined, onChange: () => void) {
  const { lastSignal } = useSignal<IncidentSignal>(INCIDENT_SIGNAL_CHANNEL);
  const callback = useRef(onChange);
  callback.current = onChange;
  const filterKey = JSON.stringify(filter ?? null);

  useEffect(() => {
    if (lastSignal && signalMatches(lastSignal, JSON.parse(filterKey) ?? undefined)) callback.current();
  }, [lastSignal, filterKey]);
}
