import {
  normaliseName,
  type FailureEvent,
} from '@pipeline-triage/plugin-pipeline-triage-common';

// Hand annotations are tried first, so the naming convention (common's normaliseName) only links
// what nothing else claims.
export { normaliseName };

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
