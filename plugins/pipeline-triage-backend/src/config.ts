import { defaultEngineWorkers } from './engine';
import type { Config } from '@backstage/config';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Environment } from '@pipeline-triage/plugin-pipeline-triage-common';

export interface TriageSettings {
  defaultEnvironment: Environment;
  maxBodySize: string;
  /** Body limits of the formats with a route of their own. */
  maxBodySizeByFormat: { dbt: string };
  /** Secret of the dbt Cloud job-run webhook; unset: POST /v1/dbt-cloud answers 404. */
  dbtCloudWebhookSecret?: string;
  /** Identical plain-text logs without a run id within this many ms are one delivery; 0: off. */
  textDedupWindowMs: number;
  reopenWindowHours: number;
  cascadeWindowHours: number;
  weekZone: string;
  catalogTtlMs: number;
  catalogTimeoutMs: number;
  downstreamDepth: number;
  sweepIntervalSeconds: number;
  digestCron: string;
  engineWorkers: number;
  processing: {
    maxAttempts: number;
    retryDelayMs: number;
    leaseMs: number;
    autoResolve: boolean;
  };
  health: {
    maxQueueLagSeconds: number;
    databaseTimeoutMs: number;
    dependencyCacheMs: number;
  };
  retention: {
    rawEventsDays: number;
    logsDays: number;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
  demo?: { eventsDir: string; historyWeeks: number; delaySeconds: number };
}

/** Reads `pipelineTriage.*` (documented in config.d.ts) with the defaults in one place. */
export function readTriageConfig(config: Config): TriageSettings {
  const c = config.getOptionalConfig('pipelineTriage');
  const demo = c?.getOptionalConfig('demo');
  return {
    defaultEnvironment:
      (c?.getOptionalString('defaultEnvironment') as Environment) ?? 'prod',
    maxBodySize: c?.getOptionalString('ingest.maxBodySize') ?? '5mb',
    maxBodySizeByFormat: {
      dbt: c?.getOptionalString('ingest.maxBodySizeByFormat.dbt') ?? '100mb',
    },
    dbtCloudWebhookSecret:
      c?.getOptionalString('dbtCloud.webhookSecret') || undefined,
    textDedupWindowMs:
      Math.max(
        0,
        c?.getOptionalNumber('ingest.textDedupWindowSeconds') ?? 600,
      ) * 1000,
    reopenWindowHours:
      c?.getOptionalNumber('incidents.reopenWindowHours') ?? 72,
    cascadeWindowHours:
      c?.getOptionalNumber('incidents.cascadeWindowHours') ?? 24,
    weekZone: c?.getOptionalString('trends.timeZone') ?? 'utc',
    catalogTtlMs:
      (c?.getOptionalNumber('linking.cacheTtlSeconds') ?? 60) * 1000,
    catalogTimeoutMs:
      (c?.getOptionalNumber('linking.catalogTimeoutSeconds') ?? 15) * 1000,
    downstreamDepth: c?.getOptionalNumber('linking.downstreamDepth') ?? 3,
    sweepIntervalSeconds:
      c?.getOptionalNumber('processing.sweepIntervalSeconds') ?? 30,
    engineWorkers:
      c?.getOptionalNumber('processing.engineWorkers') ??
      defaultEngineWorkers(),
    digestCron: c?.getOptionalString('digest.cron') ?? '0 8 * * 1',
    processing: {
      maxAttempts: c?.getOptionalNumber('processing.maxAttempts') ?? 5,
      retryDelayMs:
        (c?.getOptionalNumber('processing.retryDelaySeconds') ?? 10) * 1000,
      leaseMs: (c?.getOptionalNumber('processing.leaseSeconds') ?? 120) * 1000,
      autoResolve:
        c?.getOptionalBoolean('incidents.autoResolveOnSuccess') ?? true,
    },
    health: {
      maxQueueLagSeconds:
        c?.getOptionalNumber('health.maxQueueLagSeconds') ?? 300,
      databaseTimeoutMs:
        (c?.getOptionalNumber('health.databaseTimeoutSeconds') ?? 5) * 1000,
      dependencyCacheMs:
        (c?.getOptionalNumber('health.dependencyCacheSeconds') ?? 5) * 1000,
    },
    retention: {
      rawEventsDays: positiveDays(c, 'retention.rawEventsDays', 90),
      logsDays: positiveDays(c, 'retention.logsDays', 30),
      schedule: c?.has('retention.schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            c.getConfig('retention.schedule'),
          )
        : {
            frequency: { hours: 6 },
            timeout: { minutes: 30 },
            initialDelay: { minutes: 2 },
          },
    },
    demo: demo
      ? {
          eventsDir: demo.getString('eventsDir'),
          historyWeeks: demo.getOptionalNumber('historyWeeks') ?? 12,
          delaySeconds: demo.getOptionalNumber('delaySeconds') ?? 10,
        }
      : undefined,
  };
}

function positiveDays(
  c: Config | undefined,
  key: string,
  fallback: number,
): number {
  const value = c?.getOptionalNumber(key) ?? fallback;
  if (!(value > 0))
    throw new Error(
      `pipelineTriage.${key} must be a number of days above 0, got ${value}`,
    );
  return value;
}
