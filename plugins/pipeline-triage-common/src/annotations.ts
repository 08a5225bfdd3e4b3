/**
 * Catalog annotations that map what a pipeline sender knows (job and dataset names) to catalog
 * entities. Values may list several names separated by commas; `*` matches any run of characters.
 *
 * @public
 */
export const ANNOTATION_PREFIX = 'pipeline-triage.io';

/** @public */
export const ANNOTATIONS = {
  /** On a pipeline: OpenLineage job, as `namespace/name` or just `name`. */
  openlineageJob: `${ANNOTATION_PREFIX}/openlineage-job`,
  /** On a pipeline: Airflow dag id (or `dag_id.task_id`). */
  airflowDagId: `${ANNOTATION_PREFIX}/airflow-dag-id`,
  /** On a pipeline: dbt unique id(s) or project pattern, e.g. `model.shop.*`. */
  dbtUniqueId: `${ANNOTATION_PREFIX}/dbt-unique-id`,
  /** On a pipeline: AWS Glue job name. */
  glueJobName: `${ANNOTATION_PREFIX}/glue-job-name`,
  /** On a pipeline: Dagster job name. */
  dagsterJob: `${ANNOTATION_PREFIX}/dagster-job`,
  /** On a pipeline: `true` when re-running a failed run cannot duplicate or corrupt output. */
  idempotent: `${ANNOTATION_PREFIX}/idempotent`,
  /** On any entity: the runbook to follow when it fails. */
  runbookUrl: `${ANNOTATION_PREFIX}/runbook-url`,
  /** On a table: OpenLineage dataset, as `namespace/name` or just `name`. */
  openlineageDataset: `${ANNOTATION_PREFIX}/openlineage-dataset`,
  /** On a table: the data contract entity (an API of type `datacontract`). */
  dataContract: `${ANNOTATION_PREFIX}/data-contract`,
  /** On a service or database: host names failures mention when it is down. */
  hosts: `${ANNOTATION_PREFIX}/hosts`,
  /** Set by a catalog module on entities it derived (e.g. `dbt-manifest`): hand-made ones win. */
  derivedFrom: `${ANNOTATION_PREFIX}/derived-from`,
} as const;

/**
 * The annotations that make an entity triage-aware; used by the frontend empty state.
 *
 * @public
 */
export const LINKING_ANNOTATIONS: string[] = [
  ANNOTATIONS.openlineageJob,
  ANNOTATIONS.airflowDagId,
  ANNOTATIONS.dbtUniqueId,
  ANNOTATIONS.glueJobName,
  ANNOTATIONS.dagsterJob,
  ANNOTATIONS.openlineageDataset,
];

/** @public */
export const PIPELINE_COMPONENT_TYPE = 'data-pipeline';
/** @public */
export const TABLE_RESOURCE_TYPE = 'table';
/** @public */
export const CONTRACT_API_TYPE = 'datacontract';
