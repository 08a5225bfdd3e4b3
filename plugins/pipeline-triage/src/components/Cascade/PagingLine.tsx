import Typography from '@material-ui/core/Typography';
import type { Paging } from '@pipeline-triage/plugin-pipeline-triage-common';

const LABELS: Record<Paging, string> = {
  waiting_for_retries: 'Waiting for retries: nobody paged yet',
  paged: 'Paged',
  suppressed: 'Nobody paged',
};

/** Whether anyone was paged for the incident, and why. */
export function PagingLine(props: { paging?: Paging; reason?: string }) {
  if (!props.paging) return null;
  return (
    <Typography variant="body2" aria-label="Paging">
      <strong>{LABELS[props.paging] ?? props.paging}</strong>
      {props.reason ? `: ${props.reason}` : ''}
    </Typography>
  );
}
