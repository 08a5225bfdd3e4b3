import type { Environment } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IngestContext } from '@pipeline-triage/plugin-pipeline-triage-node';

const ENVIRONMENT_ALIASES: Record<string, Environment> = {
  prod: 'prod',
  production: 'prod',
  prd: 'prod',
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  preprod: 'staging',
  uat: 'staging',
  dev: 'dev',
  development: 'dev',
};

/** An explicitly stated environment name, with the usual spellings. */
export function asEnvironment(value: unknown): Environment | undefined {
  if (typeof value !== 'string') return undefined;
  return ENVIRONMENT_ALIASES[value.trim().toLowerCase()];
}

/** An environment named as one token of a namespace or target (`airflow-prod`, `dbt.staging`). */
export function environmentHint(
  text: string | undefined,
): Environment | undefined {
  if (!text) return undefined;
  for (const token of text.toLowerCase().split(/[^a-z0-9]+/)) {
    const env = ENVIRONMENT_ALIASES[token];
    if (env) return env;
  }
  return undefined;
}

/**
 * What the payload says outright wins, then the `?environment=` query, then names that hint at
 * one, then the configured default.
 */
export function resolveEnvironment(
  ctx: IngestContext,
  explicit: unknown[],
  hints: Array<string | undefined> = [],
): Environment {
  for (const value of explicit) {
    const env = asEnvironment(value);
    if (env) return env;
  }
  const fromQuery = asEnvironment(ctx.query.environment);
  if (fromQuery) return fromQuery;
  for (const hint of hints) {
    const env = environmentHint(hint);
    if (env) return env;
  }
  return ctx.defaultEnvironment;
}
