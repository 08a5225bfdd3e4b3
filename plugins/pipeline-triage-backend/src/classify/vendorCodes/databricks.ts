import type { VendorCodeTable } from './types';

const TERMINATION =
  'Databricks Clusters API, TerminationReason codes (https://docs.databricks.com/api/workspace/clusters/get): termination_reason.code and .type (SERVICE_FAULT and CLOUD_FAILURE may be retried, CLIENT_ERROR must be fixed first)';
const REST =
  'Databricks REST API "Error handling" (https://docs.databricks.com/api/workspace/introduction): error_code values; the Databricks SDKs retry 429 REQUEST_LIMIT_EXCEEDED and 503 TEMPORARILY_UNAVAILABLE';
const JOBS =
  'Databricks Jobs API, runs/get RunLifeCycleState (https://docs.databricks.com/api/workspace/jobs/getrun)';

/**
 * Databricks cluster termination reasons and REST `error_code`s, as the Jobs and Clusters APIs
 * report them (`Termination info: code: X`, `"termination_reason": {"code": "X"}`,
 * `{"error_code":"X"}`, `state Terminated: X`).
 */
export const databricksTable: VendorCodeTable = {
  name: 'databricks',
  system: 'databricks',
  entries: [
    // Cluster termination reasons
    {
      key: 'SPOT_INSTANCE_TERMINATION',
      codes: ['SPOT_INSTANCE_TERMINATION', 'CLOUD_PROVIDER_SHUTDOWN'],
      category: 'infrastructure',
      weight: 0.85,
      transient: true,
      description:
        'Databricks SPOT_INSTANCE_TERMINATION / CLOUD_PROVIDER_SHUTDOWN (the cloud provider reclaimed or shut down the instance)',
      source: TERMINATION,
    },
    {
      key: 'capacity',
      codes: [
        'AWS_INSUFFICIENT_INSTANCE_CAPACITY_FAILURE',
        'CLOUD_PROVIDER_RESOURCE_STOCKOUT',
        'AWS_REQUEST_LIMIT_EXCEEDED',
        'AZURE_RESOURCE_PROVIDER_THROTTLING',
      ],
      category: 'infrastructure',
      explains: ['dependency_unavailable'],
      weight: 0.8,
      transient: true,
      description:
        'Databricks cloud capacity or API throttling at launch (insufficient instance capacity, stock-out, provider request limit)',
      source: TERMINATION,
    },
    {
      // Its message says "Please try again later": a launch-time service fault.
      key: 'SELF_BOOTSTRAP_FAILURE',
      code: 'SELF_BOOTSTRAP_FAILURE',
      category: 'infrastructure',
      explains: ['dependency_unavailable'],
      weight: 0.8,
      transient: true,
      description:
        'Databricks SELF_BOOTSTRAP_FAILURE (the node daemon failed during launch; the service asks to try again later)',
      source: TERMINATION,
    },
    {
      key: 'launch-or-node-failure',
      codes: [
        'CLOUD_PROVIDER_LAUNCH_FAILURE',
        'UNEXPECTED_LAUNCH_FAILURE',
        'INSTANCE_POOL_CLUSTER_FAILURE',
        'DRIVER_UNREACHABLE',
        'INSTANCE_UNREACHABLE',
        'COMMUNICATION_LOST',
        'SPARK_STARTUP_FAILURE',
        'METASTORE_COMPONENT_UNHEALTHY',
        'DBFS_COMPONENT_UNHEALTHY',
      ],
      category: 'infrastructure',
      explains: ['dependency_unavailable'],
      weight: 0.75,
      description:
        'Databricks launch or node failure (cloud launch failure, pool failure, driver or instance unreachable, Spark or metastore unhealthy): a platform failure that names no transient cause by itself',
      source: TERMINATION,
    },
    {
      key: 'DRIVER_UNRESPONSIVE',
      code: 'DRIVER_UNRESPONSIVE',
      category: 'infrastructure',
      weight: 0.55,
      explains: ['resource_exhaustion'],
      description:
        'Databricks DRIVER_UNRESPONSIVE (the driver stopped answering, often under GC or memory pressure)',
      source: TERMINATION,
    },
    {
      key: 'quota',
      codes: [
        'AZURE_QUOTA_EXCEEDED_EXCEPTION',
        'INSTANCE_POOL_MAX_CAPACITY_REACHED',
        'SUBNET_EXHAUSTED_FAILURE',
        'GCP_QUOTA_EXCEEDED',
      ],
      category: 'resource_exhaustion',
      weight: 0.8,
      description:
        'Databricks quota or capacity limit of the account (cloud vCPU quota, pool maximum, subnet out of addresses): holds until raised or released',
      source: TERMINATION,
    },
    {
      key: 'INIT_SCRIPT_FAILURE',
      codes: ['INIT_SCRIPT_FAILURE', 'INVALID_ARGUMENT', 'INVALID_SPARK_IMAGE'],
      category: 'config_error',
      weight: 0.8,
      description:
        'Databricks INIT_SCRIPT_FAILURE / INVALID_ARGUMENT / INVALID_SPARK_IMAGE (the cluster specification or its init script is wrong: a client error)',
      source: TERMINATION,
    },
    // REST error_code values (Jobs, Clusters, Unity Catalog)
    {
      key: 'PERMISSION_DENIED',
      codes: [
        'PERMISSION_DENIED',
        'UNAUTHENTICATED',
        'INSUFFICIENT_PERMISSIONS',
      ],
      category: 'permission',
      weight: 0.85,
      description:
        'Databricks PERMISSION_DENIED / UNAUTHENTICATED (the principal lacks a privilege, e.g. a Unity Catalog grant, or its token is invalid)',
      source: REST,
    },
    {
      key: 'RESOURCE_DOES_NOT_EXIST',
      codes: ['RESOURCE_DOES_NOT_EXIST', 'INVALID_PARAMETER_VALUE'],
      category: 'config_error',
      weight: 0.7,
      description:
        'Databricks RESOURCE_DOES_NOT_EXIST / INVALID_PARAMETER_VALUE (a job, cluster, path or parameter named in the request is wrong)',
      source: REST,
    },
    {
      key: 'QUOTA_EXCEEDED',
      code: 'QUOTA_EXCEEDED',
      category: 'resource_exhaustion',
      weight: 0.8,
      description:
        'Databricks QUOTA_EXCEEDED (a workspace quota, e.g. concurrent runs or clusters, is used up)',
      source: REST,
    },
    {
      key: 'REQUEST_LIMIT_EXCEEDED',
      codes: ['REQUEST_LIMIT_EXCEEDED', 'TEMPORARILY_UNAVAILABLE'],
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description:
        'Databricks REQUEST_LIMIT_EXCEEDED (429) / TEMPORARILY_UNAVAILABLE (503): the API refuses for rate or availability',
      source: REST,
    },
    {
      // Also the Jobs run state for a failure in the Jobs service; a user error inside it is not one.
      key: 'INTERNAL_ERROR',
      code: 'INTERNAL_ERROR',
      category: 'infrastructure',
      weight: 0.45,
      unless: [{ source: 'due to user error|permission', flags: 'i' }],
      description:
        'Databricks INTERNAL_ERROR (a failure in the Jobs or REST service itself)',
      source: JOBS,
    },
  ],
};
