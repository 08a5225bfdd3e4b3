import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  IncidentDetail,
  isWordModelLead,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { CategoryChip, IncidentStatusLabel, RelativeTime } from '../shared';

/** Title, id and status first: the id is what people quote in chat and tickets. */
export function IncidentHeader(props: { incident: IncidentDetail }) {
  const i = props.incident;
  return (
    <Box mb={2}>
      <Typography variant="h5" component="h2">
        {i.title}
      </Typography>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 12 }}
        mt={1}
      >
        <Typography
          variant="body2"
          style={{ fontFamily: 'monospace' }}
          data-testid="incident-drawer-id"
        >
          {i.id}
        </Typography>
        <span data-testid="incident-drawer-status">
          <IncidentStatusLabel status={i.status} />
        </span>
        <CategoryChip category={i.category} overridden={i.categoryOverridden} />
        {i.verdict?.classification.source === 'model' && (
          <Typography
            variant="caption"
            color="textSecondary"
            title="The model's category, adopted by the guardrails or accepted by a person"
          >
            model-derived
          </Typography>
        )}
        {i.verdict && isWordModelLead(i.verdict.classification) && (
          <Typography
            variant="caption"
            color="textSecondary"
            title="No rule recognised this failure: the category is a lead from the words of its error lines, to confirm against the log"
          >
            lead, not a finding
          </Typography>
        )}
        <Typography variant="body2">
          {Math.round(i.confidence * 100)}% confidence
        </Typography>
        <Typography variant="body2">
          {i.environment} · {i.severity} severity
        </Typography>
      </Box>
      <Typography
        variant="body2"
        color="textSecondary"
        style={{ marginTop: 4 }}
      >
        {i.jobNamespace ? `${i.jobNamespace}/` : ''}
        {i.jobName} · {i.occurrences} occurrence{i.occurrences === 1 ? '' : 's'}{' '}
        · first seen <RelativeTime value={i.firstSeen} />, last seen{' '}
        <RelativeTime value={i.lastSeen} />
      </Typography>
    </Box>
  );
}
