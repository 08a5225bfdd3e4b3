import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { CopyTextButton, Link } from '@backstage/core-components';
import type { Recommendation } from '@pipeline-triage/plugin-pipeline-triage-common';

/** The next step, with diagnostics ready to paste into a terminal. */
export function RecommendationSection(props: {
  recommendation: Recommendation;
}) {
  const { action, diagnostics, prevention, runbookUrl } = props.recommendation;
  return (
    <Box>
      <Typography variant="body1" gutterBottom>
        <strong>{action}</strong>
      </Typography>
      {diagnostics.map(d => (
        <Box key={`${d.label}:${d.command}`} mb={1}>
          <Typography variant="caption" color="textSecondary">
            {d.label}
          </Typography>
          <Box display="flex" alignItems="center">
            <Box
              component="code"
              flex={1}
              p={1}
              style={{
                fontFamily: 'monospace',
                fontSize: 12,
                background: 'rgba(127,127,127,0.12)',
                borderRadius: 4,
                overflowX: 'auto',
                whiteSpace: 'pre',
              }}
            >
              {d.command}
            </Box>
            <CopyTextButton
              text={d.command}
              tooltipText="Command copied"
              aria-label={`Copy: ${d.label}`}
            />
          </Box>
        </Box>
      ))}
      {prevention && (
        <Typography variant="body2">
          <strong>Prevention:</strong> {prevention}
        </Typography>
      )}
      {runbookUrl && (
        <Typography variant="body2">
          <Link to={runbookUrl}>Open the runbook</Link>
        </Typography>
      )}
    </Box>
  );
}
