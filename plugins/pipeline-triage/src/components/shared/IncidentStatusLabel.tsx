import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import type { IncidentStatus } from '@pipeline-triage/plugin-pipeline-triage-common';

const LABELS: Record<IncidentStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export function IncidentStatusLabel(props: { status: IncidentStatus }) {
  const label = LABELS[props.status] ?? props.status;
  if (props.status === 'open') return <StatusError>{label}</StatusError>;
  if (props.status === 'acknowledged')
    return <StatusWarning>{label}</StatusWarning>;
  return <StatusOK>{label}</StatusOK>;
}
