import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import type { Environment } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IngestService } from './IngestService';

/**
 * The Backstage events topic senders may publish to instead of calling HTTP: the Kafka, SQS and
 * Pub/Sub event modules and the events backend's HTTP ingress all feed the same pipeline.
 */
export const EVENTS_TOPIC = 'pipeline-triage.events';

export async function subscribeToEvents(options: {
  events: EventsService;
  ingest: IngestService;
  logger: LoggerService;
  defaultEnvironment: Environment;
}): Promise<void> {
  await options.events.subscribe({
    id: 'pipeline-triage-ingest',
    topics: [EVENTS_TOPIC],
    onEvent: async ({ topic, eventPayload, metadata }) => {
      const contentType =
        typeof metadata?.['content-type'] === 'string'
          ? metadata['content-type']
          : undefined;
      const results = await options.ingest.ingest(
        eventPayload,
        {
          contentType,
          query: {},
          defaultEnvironment: options.defaultEnvironment,
        },
        `events:${topic}`,
      );
      for (const r of results) {
        // Nobody reads a response on this path, so a rejected event is logged with its reason.
        if (r.status === 'rejected') {
          options.logger.warn(
            `Rejected an event from topic ${topic}: ${r.field}: ${r.reason}`,
          );
        }
      }
    },
  });
}
