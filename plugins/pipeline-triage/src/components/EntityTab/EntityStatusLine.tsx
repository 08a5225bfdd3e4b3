import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  Progress,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import type { EntityTriageStatus } from '../../api';
import { RelativeTime, TriageErrorPanel } from '../shared';

/** The one line that answers "is it broken right now, and since when?". */
export function EntityStatusLine(props: {
  status?: EntityTriageStatus;
  loading: boolean;
  error?: Error;
}) {
  const { status, loading, error } = props;
  if (loading && !status) return <Progress />;
  if (error)
    return (
      <TriageErrorPanel
        error={error}
        title="Could not load the failure status"
      />
    );
  if (!status) return null;
  const failing =
    Boolean(status.failingSince) || status.consecutiveFailures > 0;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 24 }}
      data-testid="entity-status-line"
    >
      <Typography variant="body1" component="span">
        {failing && <StatusError>Failing</StatusError>}
        {/* Not failing now, but incidents still wait for a person: "Healthy" would mislead. */}
        {!failing && status.openIncidents > 0 && (
          <StatusWarning>Open incidents need attention</StatusWarning>
        )}
        {!failing && status.openIncidents === 0 && <StatusOK>Healthy</StatusOK>}
      </Typography>
      {status.failingSince && (
        <Typography variant="body2" component="span">
          Failing since <RelativeTime value={status.failingSince} />
        </Typography>
      )}
      <Typography variant="body2" component="span">
        {status.consecutiveFailures} consecutive failure
        {status.consecutiveFailures === 1 ? '' : 's'}
      </Typography>
      <Typography variant="body2" component="span">
        Last success:{' '}
        <RelativeTime value={status.lastSuccess} fallback="never recorded" />
      </Typography>
      {status.runsPerDay !== undefined && (
        <Typography
          variant="body2"
          component="span"
          title="Runs of this entity's jobs per day over the last 7 days"
        >
          {status.runsPerDay} runs/day
        </Typography>
      )}
      {status.flaky && (
        <Typography variant="body2" component="span">
          <StatusWarning>Flaky</StatusWarning>
        </Typography>
      )}
      <Typography variant="body2" component="span">
        {status.openIncidents} open incident
        {status.openIncidents === 1 ? '' : 's'}
      </Typography>
    </Box>
  );
}
