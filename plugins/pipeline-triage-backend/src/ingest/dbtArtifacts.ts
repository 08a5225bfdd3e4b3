import type { IngestContext } from '@pipeline-triage/plugin-pipeline-triage-node';
import { resolveEnvironment } from './environment';
import { type FieldReader, type JsonObject, isObject } from './fields';

/** `.../run-results/v6.json`, `.../sources/v3.json` */
export const ARTIFACT_VERSION = /\/(?:run-results|sources)\/v\d+/;

export function schemaVersion(p: JsonObject): string | undefined {
  const metadata = p.metadata;
  if (!isObject(metadata)) return undefined;
  return typeof metadata.dbt_schema_version === 'string'
    ? metadata.dbt_schema_version
    : undefined;
}

/** What every dbt artifact carries in `metadata` and `args`. */
export function readInvocation(
  r: FieldReader,
  artifact: JsonObject,
  prefix: string,
  ctx: IngestContext,
  explicitEnv?: string,
) {
  const metadata = r.object(artifact.metadata, `${prefix}metadata`);
  const env = r.object(metadata?.env, `${prefix}metadata.env`);
  const args = r.object(artifact.args, `${prefix}args`);
  const target = r.string(args?.target, `${prefix}args.target`);
  const dbtVersion = r.string(
    metadata?.dbt_version,
    `${prefix}metadata.dbt_version`,
  );
  return {
    invocationId: r.id(
      metadata?.invocation_id,
      `${prefix}metadata.invocation_id`,
    ),
    generatedAt: r.time(
      metadata?.generated_at,
      `${prefix}metadata.generated_at`,
    ),
    producer: dbtVersion ? `dbt-core/${dbtVersion}` : undefined,
    dbtVersion,
    // DBT_ENV_CUSTOM_ENV_ENVIRONMENT=prod shows up as metadata.env.ENVIRONMENT.
    environment: resolveEnvironment(
      ctx,
      [explicitEnv, env?.environment, env?.ENVIRONMENT, env?.env, env?.ENV],
      [target],
    ),
  };
}

/** `timing` → when the node finished executing. */
export function completedAt(
  r: FieldReader,
  value: unknown,
  path: string,
): string | undefined {
  let done: string | undefined;
  (r.array(value, path) ?? []).forEach((t, i) => {
    const step = r.object(t, `${path}[${i}]`);
    const at = r.time(step?.completed_at, `${path}[${i}].completed_at`);
    r.time(step?.started_at, `${path}[${i}].started_at`);
    if (at && (step?.name === 'execute' || !done)) done = at;
  });
  return done;
}
