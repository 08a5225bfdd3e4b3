/**
 * The paths that accept events, relative to the plugin's base URL (`/api/pipeline-triage`).
 *
 * - `/v1/events`: the plugin's own ingest path.
 * - `/api/v1/lineage`: where the OpenLineage Python client (and so Airflow's OpenLineage
 *   provider and dbt-ol) posts: `urljoin(url, "api/v1/lineage")`, with `url` ending in
 *   `/api/pipeline-triage/`.
 * - `/`: where the OpenLineage Java client (Spark, Flink) posts: a `url` that has a path is used
 *   as it is, without an endpoint.
 */
export const INGEST_PATHS = ['/v1/events', '/api/v1/lineage', '/'];

/** dbt artifacts, with their own (larger) body limit: `pipelineTriage.ingest.maxBodySizeByFormat.dbt`. */
export const DBT_PATH = '/v1/dbt';

/** dbt Cloud job-run webhooks, signed with the webhook's secret instead of a sender token. */
export const DBT_CLOUD_PATH = '/v1/dbt-cloud';
