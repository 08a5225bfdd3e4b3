import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { SinkDeliveryState } from '@pipeline-triage/plugin-pipeline-triage-common';
import { formatAbsolute } from '../shared';
import { sinkDeliveryText } from './sinkDeliveryText';

/**
 * The outbox rows of the plugin's own sinks (Slack, PagerDuty, webhook), oldest first as the API
 * gives them: one per sink and incident update, with its attempts and last error.
 */
export function SinkDeliveries(props: { deliveries: SinkDeliveryState[] }) {
  return (
    <List dense disablePadding>
      {props.deliveries.map(d => (
        <ListItem key={`${d.sink}-${d.updateKey}`} disableGutters>
          <ListItemText
            primary={sinkDeliveryText(d)}
            secondary={[
              `update ${d.updateKey}`,
              `queued ${formatAbsolute(d.createdAt)}`,
              d.finishedAt ? `ended ${formatAbsolute(d.finishedAt)}` : '',
              d.status === 'sent' && d.lastError
                ? `earlier failure: ${d.lastError}`
                : '',
            ]
              .filter(Boolean)
              .join(' — ')}
          />
        </ListItem>
      ))}
    </List>
  );
}
