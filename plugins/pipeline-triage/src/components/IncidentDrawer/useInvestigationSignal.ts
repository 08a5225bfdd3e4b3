import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';
import { INVESTIGATION_SIGNAL_CHANNEL } from '@internal/plugin-pipeline-triage-common';

type InvestigationSignal = { incidentId: string; investigationId: string };

/** Calls onStep when the backend stored a step (or finished) an investigation of this incident. */
export function useInvestigationSignal(incidentId: string, onStep: () => void) {
  const { lastSignal } = useSignal<InvestigationSignal>(INVESTIGATION_SIGNAL_CHANNEL);
  const callback = useRef(onStep);
  callback.current = onStep;
  useEffect(() => {
    if (lastSignal?.incidentId === incidentId) callback.current();
  }, [lastSignal, incidentId]);
}
