import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { pipelineTriageApiRef } from '../../api';
import { RelativeTime, TriageErrorPanel, formatDuration } from '../shared';

/** Lag beyond this means verdicts arrive after people have already started digging. */
const LAG_WARNING_SECONDS = 300;

function Metric(props: {
  label: string;
  value: React.ReactNode;
  testId?: string;
}) {
  return (
    <Grid item xs={6} md={3}>
      <Typography variant="caption" color="textSecondary">
        {props.label}
      </Typography>
      <Typography variant="h5" component="div" data-testid={props.testId}>
        {props.value}
      </Typography>
    </Grid>
  );
}

/** Is triage itself keeping up? A lagging queue or dead letters mean missing or late verdicts. */
export function TriageHealth(props: { refreshMs?: number }) {
  const api = useApi(pipelineTriageApiRef);
  const stats = useAsyncRetry(() => api.getStats(), [api]);
  useInterval(stats.retry, props.refreshMs ?? 30_000);

  if (stats.loading && !stats.value)
    return (
      <InfoCard title="Triage health">
        <Progress />
      </InfoCard>
    );
  if (stats.error) {
    return (
      <InfoCard title="Triage health">
        <TriageErrorPanel
          error={stats.error}
          title="Could not load triage health"
        />
      </InfoCard>
    );
  }
  const { queue, deadLetters } = stats.value!;
  const healthy = queue.lagSeconds < LAG_WARNING_SECONDS && deadLetters === 0;
  return (
    <InfoCard title="Triage health">
      <Typography variant="body1" gutterBottom>
        {healthy ? (
          <StatusOK>Keeping up</StatusOK>
        ) : (
          <StatusWarning>
            {queue.lagSeconds >= LAG_WARNING_SECONDS
              ? 'Processing is lagging'
              : 'Some events could not be processed'}
          </StatusWarning>
        )}
      </Typography>
      <Grid container spacing={2}>
        <Metric
          label="Pending events"
          value={queue.pending}
          testId="stats-pending"
        />
        <Metric
          label="Queue lag"
          value={formatDuration(queue.lagSeconds)}
          testId="stats-lag"
        />
        <Metric
          label="Oldest pending"
          value={
            <RelativeTime
              value={queue.oldestPendingAt ?? undefined}
              fallback="none"
            />
          }
        />
        <Metric
          label="Dead letters"
          value={deadLetters}
          testId="stats-dead-letters"
        />
      </Grid>
    </InfoCard>
  );
}
