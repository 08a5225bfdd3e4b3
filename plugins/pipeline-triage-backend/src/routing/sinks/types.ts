import type {
  RouteDelivery,
  RouteSink,
} from '@pipeline-triage/plugin-pipeline-triage-node';

/**
 * A RouteSink that may decline a delivery up front (PagerDuty below its minimum severity).
 * The dispatcher asks first, so declined deliveries are neither sent nor recorded as attempts.
 */
export interface SelectiveRouteSink extends RouteSink {
  accepts?(delivery: RouteDelivery): boolean;
}

/** Per-request timeout of the built-in sinks when config does not set one. */
export const DEFAULT_TIMEOUT_MS = 10_000;
