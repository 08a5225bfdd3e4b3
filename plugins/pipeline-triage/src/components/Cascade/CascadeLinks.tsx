import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  CausedBy,
  DownstreamIncident,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { IncidentStatusLabel } from '../shared';

/** The upstream incident a failure is a cascade of: its pipeline, its id and why. */
export function CausedByLine(props: { causedBy: CausedBy }) {
  const { causedBy } = props;
  return (
    <Box aria-label="Caused by">
      <Typography variant="body2">
        Caused upstream by{' '}
        {causedBy.entityRef ? (
          <EntityRefLink entityRef={causedBy.entityRef} />
        ) : (
          'an upstream pipeline'
        )}{' '}
        (incident {causedBy.incidentId})
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {causedBy.reason}
      </Typography>
    </Box>
  );
}

/** The incidents a failure caused downstream, with their status. */
export function DownstreamList(props: { incidents: DownstreamIncident[] }) {
  return (
    <Box component="ul" pl={3} m={0} aria-label="Downstream incidents">
      {props.incidents.map(d => (
        <li key={d.incidentId}>
          <Typography variant="body2" component="span">
            {d.entityRef ? (
              <EntityRefLink entityRef={d.entityRef} />
            ) : (
              d.jobName
            )}{' '}
            (incident {d.incidentId}): {d.title}{' '}
          </Typography>
          <IncidentStatusLabel status={d.status} />
        </li>
      ))}
    </Box>
  );
}
