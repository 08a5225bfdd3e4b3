import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import BlockIcon from '@material-ui/icons/Block';

/** Retry safety is the first thing an on-call person acts on: a word and an icon, never colour alone. */
export function RetryVerdictLabel(props: {
  safe: boolean;
  variant?: 'body2' | 'h6';
}) {
  const { safe, variant = 'body2' } = props;
  const color = safe ? '#2e7d32' : '#c62828';
  const Icon = safe ? CheckCircleIcon : BlockIcon;
  return (
    <Box
      display="inline-flex"
      alignItems="center"
      style={{ color }}
      aria-label={safe ? 'Safe to retry' : 'Not safe to retry'}
    >
      <Icon fontSize="small" style={{ marginRight: 4 }} />
      <Typography
        variant={variant}
        component="span"
        style={{ color, fontWeight: 600 }}
      >
        {safe ? 'Yes' : 'No'}
      </Typography>
    </Box>
  );
}
