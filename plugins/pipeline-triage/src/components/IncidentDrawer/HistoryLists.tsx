import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type {
  NotificationRecord,
  OccurrenceSummary,
  StatusChange,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { formatAbsolute } from '../shared';

/** Newest first everywhere, matching the incident table. */
function newestFirst<T extends { at?: string; eventTime?: string }>(
  items: T[],
): T[] {
  const time = (t: T) => Date.parse(t.at ?? t.eventTime ?? '') || 0;
  return [...items].sort((a, b) => time(b) - time(a));
}

export function OccurrencesList(props: { occurrences: OccurrenceSummary[] }) {
  if (!props.occurrences.length) return <em>No occurrences recorded.</em>;
  return (
    <List dense disablePadding>
      {newestFirst(props.occurrences).map(o => (
        <ListItem key={o.eventId} disableGutters>
          <ListItemText
            primary={`${formatAbsolute(o.eventTime)} — ${o.outcome}${
              o.attempt ? `, attempt ${o.attempt}` : ''
            }${o.runId ? `, run ${o.runId}` : ''}`}
            secondary={o.errorMessage}
          />
        </ListItem>
      ))}
    </List>
  );
}

const ACTION_LABELS: Record<StatusChange['action'], string> = {
  opened: 'Opened',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  reopened: 'Reopened',
  category_overridden: 'Category overridden',
  auto_resolved: 'Resolved by a successful run',
};

export function StatusHistory(props: { changes: StatusChange[] }) {
  if (!props.changes.length) return <em>No status changes yet.</em>;
  return (
    <List dense disablePadding>
      {newestFirst(props.changes).map((c, i) => (
        <ListItem key={`${c.at}-${i}`} disableGutters>
          <ListItemText
            primary={`${ACTION_LABELS[c.action] ?? c.action}${
              c.from && c.to ? ` (${c.from} → ${c.to})` : ''
            } by ${c.by}`}
            secondary={[formatAbsolute(c.at), c.reason]
              .filter(Boolean)
              .join(' — ')}
          />
        </ListItem>
      ))}
    </List>
  );
}

export function NotificationHistory(props: {
  notifications: NotificationRecord[];
}) {
  if (!props.notifications.length) return <em>Nobody was notified.</em>;
  return (
    <List dense disablePadding>
      {newestFirst(props.notifications).map((n, i) => (
        <ListItem key={`${n.at}-${i}`} disableGutters>
          <ListItemText
            primary={`${n.status} via ${n.channel} to ${
              n.recipients.join(', ') || 'nobody'
            }`}
            secondary={[formatAbsolute(n.at), n.detail]
              .filter(Boolean)
              .join(' — ')}
          />
        </ListItem>
      ))}
    </List>
  );
}
