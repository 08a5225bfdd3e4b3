import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { IngestAdapter } from './ingestAdapter';

/** A notification target beyond Backstage notifications: webhook, Slack, PagerDuty, ... */
export interface RouteSink {
  id: string;
  /**
   * Delivers one routed incident; throwing marks the delivery failed and schedules a retry.
   * May answer where it went (a channel, a service), which the incident then shows.
   */
  deliver(delivery: RouteDelivery): Promise<void | RouteDeliveryReceipt>;
}

/** What a sink may say about a delivery it made. Never a credential (no webhook URL, no key). */
export interface RouteDeliveryReceipt {
  /** Where it went, as a person reads it: `#iam-alerts`, `group:default/iam-security`. */
  target?: string;
}

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

/** A rule pack as plain data; validated by the backend on registration. */
export interface RulePackDefinition {
  name: string;
  rules: unknown[];
}

export interface PipelineTriageIngestExtensionPoint {
  addAdapter(...adapters: IngestAdapter[]): void;
}

export const pipelineTriageIngestExtensionPoint =
  createExtensionPoint<PipelineTriageIngestExtensionPoint>({
    id: 'pipeline-triage.ingest',
  });

export interface PipelineTriageRulesExtensionPoint {
  addRulePack(...packs: RulePackDefinition[]): void;
}

export const pipelineTriageRulesExtensionPoint =
  createExtensionPoint<PipelineTriageRulesExtensionPoint>({
    id: 'pipeline-triage.rules',
  });

export interface PipelineTriageRoutingExtensionPoint {
  addSink(...sinks: RouteSink[]): void;
}

export const pipelineTriageRoutingExtensionPoint =
  createExtensionPoint<PipelineTriageRoutingExtensionPoint>({
    id: 'pipeline-triage.routing',
  });
