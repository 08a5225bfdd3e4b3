import { createHash } from 'node:crypto';
import type { RunVersions } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { FieldReader, JsonObject } from './fields';

/** A short fingerprint of text that has no version of its own (inline code, a configuration). */
export function fingerprint(text: string): string {
  return `sha256:${createHash('sha256')
    .update(text)
    .digest('hex')
    .slice(0, 16)}`;
}

/** Longest value kept per key: a sender's overlong version is cut, never a reason to refuse the run. */
const LIMITS: Record<keyof RunVersions, number> = {
  code: 256,
  codeLocation: 2048,
  engine: 256,
  config: 256,
};

/** Drops the empty keys: an event without any version carries no `versions` at all. */
export function versionsOf(v: RunVersions): RunVersions | undefined {
  const kept = Object.fromEntries(
    Object.entries(v)
      .map(([k, value]) => [k, value?.trim()] as const)
      .filter(([, value]) => value)
      .map(([k, value]) => [
        k,
        value!.slice(0, LIMITS[k as keyof RunVersions]),
      ]),
  ) as RunVersions;
  return Object.keys(kept).length ? kept : undefined;
}

/**
 * The versions an OpenLineage run event carries: the job's sourceCodeLocation (its version, else
 * its tag), else a fingerprint of its sourceCode or sql facet; the processing_engine facet (else
 * dbt's dbt_version run facet). A malformed facet is a warning, never a rejection.
 */
export function openLineageVersions(
  w: FieldReader,
  jobFacets: JsonObject | undefined,
  runFacets: JsonObject | undefined,
  /** The processing_engine facet and its name, read (and warned about) by the caller. */
  engine: JsonObject | undefined,
  engineName: string | undefined,
): RunVersions | undefined {
  const location = w.object(
    jobFacets?.sourceCodeLocation,
    'job.facets.sourceCodeLocation',
  );
  const at = (k: string) =>
    w.string(location?.[k], `job.facets.sourceCodeLocation.${k}`);
  const version = at('version') ?? at('tag');
  const url = at('url');
  const repoUrl = at('repoUrl');
  const path = at('path');
  const source = w.object(jobFacets?.sourceCode, 'job.facets.sourceCode');
  const code = w.string(source?.sourceCode, 'job.facets.sourceCode.sourceCode');
  const sql = w.string(
    w.object(jobFacets?.sql, 'job.facets.sql')?.query,
    'job.facets.sql.query',
  );
  const engineVersion = w.string(
    engine?.version,
    'run.facets.processing_engine.version',
  );
  const dbtVersion = w.string(
    w.object(runFacets?.dbt_version, 'run.facets.dbt_version')?.version,
    'run.facets.dbt_version.version',
  );
  return versionsOf({
    code:
      version ??
      (code ? fingerprint(code) : undefined) ??
      (sql ? fingerprint(sql) : undefined),
    codeLocation:
      url ?? (repoUrl ? [repoUrl, path].filter(Boolean).join('/') : path),
    engine: engineVersion
      ? [engineName, engineVersion].filter(Boolean).join(' ')
      : dbtVersion && `dbt ${dbtVersion}`,
  });
}
