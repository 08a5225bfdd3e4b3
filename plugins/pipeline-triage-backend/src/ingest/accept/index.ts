/**
 * The accept path: a payload from HTTP (service/router) or the events topic is normalised by
 * ingest/ (validated, redacted, trimmed), persisted, then handed to processing.
 */
export { IngestService, type BatchProcessor } from './IngestService';
export { EVENTS_TOPIC, subscribeToEvents } from './subscribeToEvents';
