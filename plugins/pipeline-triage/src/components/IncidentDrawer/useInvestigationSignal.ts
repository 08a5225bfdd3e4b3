import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  INVESTIGATION_SIGNAL_CHANNEL,
  type InvestigationSignal,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/**
 * Calls onStep when the backend stored a step of, or finished, an investigation of this incident.
 * The signal carries ids only: the section refetches the steps through the permission-checked API.
 */
export function useInvestigationSignal(incidentId: string, onStep: () => void) {
  const { lastSignal } = useSignal<InvestigationSignal>(
    INVESTIGATION_SIGNAL_CHANNEL,
  );
  const callback = useRef(onStep);
  callback.current = onStep;
  useEffect(() => {
    if (lastSignal?.incidentId === incidentId) callback.current();
  }, [lastSignal, incidentId]);
}
