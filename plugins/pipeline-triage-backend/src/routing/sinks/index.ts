export {
  webhookSink,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  type WebhookSinkConfig,
} from './webhookSink';
export { slackSink, SLACK_API_URL, type SlackSinkConfig } from './slackSink';
export {
  pagerDutySink,
  PAGERDUTY_EVENTS_URL,
  type PagerDutySinkConfig,
} from './pagerDutySink';
export { pagerDutyDedupKey } from './pagerDutyEvent';
export { readSinksConfig, readSinkRetryConfig } from './readSinksConfig';
export {
  SinkDispatcher,
  type RecordAttempt,
  type SinkDispatcherOptions,
} from './SinkDispatcher';
export { SinkOutboxJob } from './SinkOutboxJob';
export { DeliveryError } from './DeliveryError';
export type { SelectiveRouteSink } from './types';
export {
  catalogChannelLookup,
  PAGERDUTY_INTEGRATION_KEY,
  SLACK_BOT_NOTIFY,
  type EntityChannelLookup,
  type EntityChannels,
} from './entityChannels';
