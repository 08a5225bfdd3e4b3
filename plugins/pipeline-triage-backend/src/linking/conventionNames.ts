import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';

/**
 * The naming convention that links a pipeline or table without a `pipeline-triage.io/*`
 * annotation: a sender's name and an entity's name (or title) are equal once both are
 * normalised (lower case, every run of characters other than letters and digits as one `-`).
 * Hand annotations are tried first, so the convention only links what nothing else claims.
 */
export function normaliseName(name: string): string {
  return name
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The last part of a dotted or slashed name: `shop.orders_daily` → `orders_daily`. */
function lastPart(name: string): string {
  const parts = name.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? name;
}

/**
 * Names a failing job may be known by in the catalog, most specific first: the Airflow dag id,
 * the dbt model's name, the Glue and Dagster job names, the OpenLineage job name and its last part.
 */
export function jobConventionNames(event: FailureEvent): string[] {
  const { job } = event;
  const names = [
    job.airflowDagId,
    job.dbtUniqueId ? lastPart(job.dbtUniqueId) : undefined,
    job.glueJobName,
    job.dagsterJob,
    job.name,
    job.name ? lastPart(job.name) : undefined,
  ];
  return unique(names);
}

/** Names a dataset may be known by: its whole name, then its last part (the table). */
export function datasetConventionNames(name: string): string[] {
  return unique([name, lastPart(name)]);
}

function unique(names: Array<string | undefined>): string[] {
  return [
    ...new Set(
      names
        .filter((n): n is string => Boolean(n))
        .map(normaliseName)
        .filter(Boolean),
    ),
  ];
}
