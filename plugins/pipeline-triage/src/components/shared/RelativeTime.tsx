import Tooltip from '@material-ui/core/Tooltip';
import { formatAbsolute, formatRelative } from './formatTime';

/** Relative time to scan, with the exact UTC time on hover for incident notes. */
export function RelativeTime(props: { value?: string; fallback?: string }) {
  if (!props.value) return <>{props.fallback ?? '—'}</>;
  return (
    <Tooltip title={formatAbsolute(props.value)}>
      <time dateTime={props.value}>{formatRelative(props.value)}</time>
    </Tooltip>
  );
}
