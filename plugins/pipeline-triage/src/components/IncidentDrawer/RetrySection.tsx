import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  PartialWriteVerdict,
  RetryVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { RetryVerdictLabel } from '../shared';

const WAIT: Record<NonNullable<RetryVerdict['wait']>, string> = {
  none: 'Retry now',
  backoff: 'Retry with backoff',
  upstream: 'Retry after upstream data arrives',
};

const PARTIAL: Record<PartialWriteVerdict['partialWrite'], string> = {
  true: 'Yes — the run wrote part of its output',
  false: 'No',
  unknown: 'Unknown',
};

/** Whether re-running is safe, why, and what evidence would have changed a no. */
export function RetrySection(props: {
  retry: RetryVerdict;
  partialWrite: PartialWriteVerdict;
}) {
  const { retry, partialWrite } = props;
  return (
    <Box data-testid="retry-verdict">
      <Box display="flex" alignItems="center" mb={1}>
        <Typography variant="body1" style={{ marginRight: 8 }}>
          Safe to retry:
        </Typography>
        <RetryVerdictLabel safe={retry.safeToRetry} variant="h6" />
        {retry.safeToRetry && retry.wait && (
          <Typography
            variant="body2"
            color="textSecondary"
            style={{ marginLeft: 8 }}
          >
            ({WAIT[retry.wait]})
          </Typography>
        )}
      </Box>
      <Typography variant="body2">{retry.reason}</Typography>
      {!retry.safeToRetry && retry.wouldAllowYes && (
        <Typography variant="body2" color="textSecondary">
          Would allow a yes: {retry.wouldAllowYes}
        </Typography>
      )}
      <Typography variant="body2" style={{ marginTop: 8 }}>
        <strong>Partial write:</strong>{' '}
        {PARTIAL[partialWrite.partialWrite] ?? partialWrite.partialWrite}
        {partialWrite.reason ? ` — ${partialWrite.reason}` : ''}
      </Typography>
    </Box>
  );
}
