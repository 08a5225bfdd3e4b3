import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { FlakyJob } from '@pipeline-triage/plugin-pipeline-triage-common';

/** Jobs that fail and then pass with nothing changed: retries hide them, so they are listed. */
export function FlakiestJobs(props: { jobs: FlakyJob[] }) {
  if (!props.jobs.length) return null;
  return (
    <Box mt={2} component="section" aria-label="Flakiest jobs">
      <Typography variant="subtitle2">Flakiest jobs</Typography>
      <Box component="ol" pl={3} m={0}>
        {props.jobs.map(j => (
          <li key={j.jobKey}>
            <Typography variant="body2">
              <strong>{j.jobEntityRef ?? j.jobKey}</strong>: {j.flips} failures
              passed on the next run with nothing changed ({j.title})
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}
