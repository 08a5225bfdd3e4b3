import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { IngestAdapter } from './ingestAdapter';

/**
 * A notification target beyond Backstage notifications: webhook, Slack, PagerDuty, ...
 *
 * @public
 */
export interface RouteSink {
  id: string;
  /**
   * Delivers one routed incident; throwing marks the delivery failed and schedules a retry.
   * May answer where it went (a channel, a service), which the incident then shows.
   */
  deliver(delivery: RouteDelivery): Promise<void | RouteDeliveryReceipt>;
}

/**
 * What a sink may say about a delivery it made. Never a credential (no webhook URL, no key).
 * @public
 */
export interface RouteDeliveryReceipt {
  /** Where it went, as a person reads it: `#iam-alerts`, `group:default/iam-security`. */
  target?: string;
}

/** @public */
export interface RouteDelivery {
  incidentId: string;
  title: string;
  category: string;
  severity: string;
  environment: string;
  recipient?: string;
  copy: string[];
  link: string;
  summary: string;
  /** `new`, `repeat` or `reopened`; sinks may update instead of re-posting on repeats. */
  kind: 'new' | 'repeat' | 'reopened';
  /** The failed job's entity, when linked; sinks read its owner's channels from the catalog. */
  entityRef?: string;
}

/**
 * A rule pack as plain data; validated by the backend on registration.
 *
 * @public
 */
export interface RulePackDefinition {
  name: string;
  rules: unknown[];
}

/** @public */
export interface PipelineTriageIngestExtensionPoint {
  addAdapter(...adapters: IngestAdapter[]): void;
}

/** @public */
export const pipelineTriageIngestExtensionPoint =
  createExtensionPoint<PipelineTriageIngestExtensionPoint>({
    id: 'pipeline-triage.ingest',
  });

/** @public */
export interface PipelineTriageRulesExtensionPoint {
  addRulePack(...packs: RulePackDefinition[]): void;
}

/** @public */
export const pipelineTriageRulesExtensionPoint =
  createExtensionPoint<PipelineTriageRulesExtensionPoint>({
    id: 'pipeline-triage.rules',
  });

/** @public */
export interface PipelineTriageRoutingExtensionPoint {
  addSink(...sinks: RouteSink[]): void;
}

/** @public */
export const pipelineTriageRoutingExtensionPoint =
  createExtensionPoint<PipelineTriageRoutingExtensionPoint>({
    id: 'pipeline-triage.routing',
  });
