import { useState } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { pipelineTriageApiRef, type TrendsQuery } from '../../api';
import {
  TriageErrorPanel,
  useIncidentSignal,
  type IncidentSignalFilter,
} from '../shared';
import { TrendsChart, type ChartSize } from './TrendsChart';
import { TrendsTotals } from './TrendsTotals';
import { FlakiestJobs } from './FlakiestJobs';
import type { GroupBy } from './trendsData';

export const WEEK_OPTIONS = [4, 12, 26, 52];

const GROUP_LABELS: Record<GroupBy, string> = {
  category: 'Category',
  domain: 'Domain',
  team: 'Team',
};

/** Weekly failure mix: is this getting better, and which kind of failure dominates? */
export function TrendsPanel(props: {
  title?: string;
  scope: Omit<TrendsQuery, 'weeks' | 'groupBy'>;
  groupings?: GroupBy[];
  signalFilter?: IncidentSignalFilter;
  chartSize?: ChartSize;
}) {
  const groupings = props.groupings ?? ['category', 'domain'];
  const api = useApi(pipelineTriageApiRef);
  const [weeks, setWeeks] = useState(12);
  const [groupBy, setGroupBy] = useState<GroupBy>(groupings[0]);
  const scopeKey = JSON.stringify(props.scope);
  const trends = useAsyncRetry(
    () => api.getTrends({ ...JSON.parse(scopeKey), weeks, groupBy }),
    [api, scopeKey, weeks, groupBy],
  );
  useIncidentSignal(props.signalFilter, trends.retry);

  const controls = (
    <Box display="flex" alignItems="center" style={{ gap: 16 }}>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={groupBy}
        onChange={(_e, value: GroupBy | null) => value && setGroupBy(value)}
        aria-label="Group by"
      >
        {groupings.map(g => (
          <ToggleButton
            key={g}
            value={g}
            aria-label={`By ${GROUP_LABELS[g].toLocaleLowerCase('en-US')}`}
          >
            {GROUP_LABELS[g]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <TextField
        select
        size="small"
        variant="outlined"
        value={weeks}
        SelectProps={{ native: true }}
        inputProps={{ 'aria-label': 'Weeks' }}
        onChange={e => setWeeks(Number(e.target.value))}
      >
        {WEEK_OPTIONS.map(n => (
          <option key={n} value={n}>
            Last {n} weeks
          </option>
        ))}
      </TextField>
    </Box>
  );

  const data = trends.value;
  const empty = data && data.weeks.every(w => w.total === 0);
  return (
    <InfoCard
      title={props.title ?? 'Failure trends'}
      action={
        <Box pt={2} pr={1}>
          {controls}
        </Box>
      }
    >
      {trends.loading && !data && <Progress />}
      {trends.error && (
        <TriageErrorPanel error={trends.error} title="Could not load trends" />
      )}
      {data && empty && (
        <Typography variant="body1">
          No failures recorded in the last {weeks} weeks.
        </Typography>
      )}
      {data && !empty && (
        <>
          <TrendsChart trends={data} size={props.chartSize} />
          <TrendsTotals trends={data} />
        </>
      )}
      {data && <FlakiestJobs jobs={data.flakiestJobs ?? []} />}
    </InfoCard>
  );
}
