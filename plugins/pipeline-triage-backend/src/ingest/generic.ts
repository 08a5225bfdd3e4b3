import {
  EVENT_SOURCES,
  failureEventSchema,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  type IngestAdapter,
  IngestValidationError,
} from '@pipeline-triage/plugin-pipeline-triage-node';
import { resolveEnvironment } from './environment';
import {
  type JsonObject,
  finalizeEvents,
  isObject,
  zodProblems,
} from './fields';

/**
 * The canonical FailureEvent posted as is. Any known `source` is accepted, so stored events can
 * be replayed; the specific adapters run first, so their formats never land here.
 */
export const genericAdapter: IngestAdapter = {
  id: 'generic',

  detect(payload) {
    if (!isObject(payload)) return false;
    const { source } = payload;
    const knownSource =
      source === undefined ||
      (EVENT_SOURCES as readonly unknown[]).includes(source);
    return knownSource && (isObject(payload.job) || 'eventTime' in payload);
  },

  normalize(payload, ctx) {
    const result = failureEventSchema.safeParse(payload);
    if (!result.success)
      throw new IngestValidationError(zodProblems(result.error));
    const event = result.data;
    const job = (payload as JsonObject).job as JsonObject;
    return finalizeEvents([
      {
        ...event,
        environment:
          event.environment ??
          resolveEnvironment(ctx, [], [String(job.namespace ?? '')]),
      },
    ]);
  },
};
