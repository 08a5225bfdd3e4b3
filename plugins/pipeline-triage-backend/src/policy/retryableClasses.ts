import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { ErrorCode } from '../evidence';
import {
  VENDOR_CODE_TABLES,
  transientOperationalDbCodes,
} from '../classify/vendorCodes';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Failure classes that their vendors declare transient (retry, with backoff where said), as
 * data. A "safe to retry" needs one of these named in the evidence: the category's default
 * alone never makes a yes. Each entry names the vendor's own retry guidance it follows.
 */
export interface RetryableClass {
  id: string;
  /** What the evidence shows, for the verdict's reason ("... (HTTP 503)"). */
  label: string;
  /** Codes as evidence/errorCodes.ts extracts them; `code` is matched whole. */
  codes?: Array<{ system: ErrorCode['system'] | string; code: RegExp }>;
  /** Matched on any line but stack frames. */
  patterns?: RegExp[];
  /** When given, the class only counts with this signal (e.g. no deploy since the last success). */
  requires?: (signals: {
    recentDeploy?: boolean;
    delaySeconds?: number;
  }) => boolean;
  /** A run signal that names the class by itself (e.g. the delay the run measured). */
  signal?: (signals: { delaySeconds?: number }) => string | undefined;
  /** When given, the class only counts for these categories. */
  categories?: Category[];
  /** The vendor's retry guidance this entry follows: document name and address. */
  source: string;
}

/** Systems whose retryable codes are read straight from their vendor table's `transient` flags. */
const TABLE_TRANSIENT_SYSTEMS = ['azure', 'azuresql', 'databricks'];

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The exact codes the vendor tables of these systems mark `transient`, one matcher per system,
 * so the table stays the single place where a cloud service's retryable codes are written down.
 */
function tableTransientCodes(): Array<{ system: string; code: RegExp }> {
  return VENDOR_CODE_TABLES.filter(t =>
    TABLE_TRANSIENT_SYSTEMS.includes(t.system),
  ).flatMap(t => {
    const codes = t.entries
      .filter(e => e.transient)
      .flatMap(e => (e.code !== undefined ? [e.code] : e.codes ?? []));
    return codes.length === 0
      ? []
      : [
          {
            system: t.system,
            code: new RegExp(`^(?:${codes.map(escapeRegex).join('|')})$`),
          },
        ];
  });
}

export const RETRYABLE_CLASSES: RetryableClass[] = [
  {
    id: 'http-throttled-or-unavailable',
    label:
      'an HTTP status the vendor declares retryable (408, 429, 500, 502, 503, 504)',
    codes: [{ system: 'http', code: /^(?:408|429|500|502|503|504)$/ }],
    patterns: [
      /\b(?:Too Many Requests|Service Unavailable|Bad Gateway|Gateway Time-?out|Request Timeout)\b/i,
      /\bRetry-After\b/i,
      /\btoo many (?:5\d\d )?error responses\b/i,
    ],
    source:
      'Google Cloud Storage "Retry strategy" (https://cloud.google.com/storage/docs/retry-strategy): 408, 429 and 5xx are retryable; ' +
      'curl manual, --retry (https://curl.se/docs/manpage.html#--retry): 408, 429, 500, 502, 503, 504 are transient',
  },
  {
    id: 'aws-throttling-or-transient',
    label: 'an AWS throttling or transient service error',
    codes: [
      {
        system: 'aws',
        code: /^(?:ThrottlingException|Throttling|ThrottledException|SlowDown|RequestLimitExceeded|ProvisionedThroughputExceededException|TooManyRequestsException|RequestThrottled(?:Exception)?|InternalError|InternalServiceException|InternalFailure|ServiceUnavailable(?:Exception)?|RequestTimeout(?:Exception)?|TransactionInProgressException|InsufficientInstanceCapacity|KMS\.ThrottlingException|IDPCommunicationError)$/,
      },
    ],
    patterns: [
      /\b(?:ThrottlingException|SlowDown|RequestLimitExceeded|ProvisionedThroughputExceededException|InternalServiceException|InsufficientInstanceCapacity|Rate exceeded|Please reduce your request rate)\b/,
      /\bAn error occurred \((?:InternalError|ServiceUnavailable|InternalFailure)\)/,
    ],
    source:
      'AWS SDKs and Tools Reference Guide, "Retry behavior" (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html): ' +
      'throttling and transient errors are retried; EC2 "Insufficient instance capacity" (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/troubleshooting-launch.html#troubleshooting-launch-capacity): wait and retry',
  },
  {
    id: 'rate-limited',
    label: 'a rate limit or throttling the service reports',
    patterns: [
      /\brate[- ]?limit(?:ed|s)?\b|\brequests? per (?:second|minute|hour)\b.*\b(?:exceeded|reached|limit)\b|\b(?:exceeded|reached)\b.*\brequests? per (?:second|minute|hour)\b/i,
      /\bthrottl(?:ed|ing)\b/i,
    ],
    source:
      'IETF RFC 6585 section 4 (429 Too Many Requests) and the AWS SDKs "Retry behavior" (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html): ' +
      'a request refused for its rate succeeds later, with backoff',
  },
  {
    id: 'cloud-data-service-transient-code',
    label:
      'a code its cloud data service declares transient (Azure Storage ServerBusy or OperationTimedOut, Azure SQL 40501/40613/49918, Databricks spot termination or request limit)',
    codes: tableTransientCodes(),
    source:
      'The vendor tables in classify/vendorCodes (azure.ts, azureSql.ts, databricks.ts), each entry naming its document: ' +
      'Azure Storage "Performance checklist: timeout and server busy errors" (https://learn.microsoft.com/en-us/azure/storage/blobs/storage-performance-checklist#timeout-and-server-busy-errors), ' +
      'Azure SQL "Transient fault error messages" (https://learn.microsoft.com/en-us/azure/azure-sql/database/troubleshoot-common-errors-issues), ' +
      'Databricks Clusters API termination reasons (https://docs.databricks.com/api/workspace/clusters/get)',
  },
  {
    id: 'google-api-retryable-reason',
    label:
      'a Google API error reason the vendor declares retryable (backendError, internalError, rateLimitExceeded)',
    codes: [
      {
        system: 'bigquery',
        code: /^(?:backendError|internalError|rateLimitExceeded|userRateLimitExceeded|jobBackendError|jobInternalError)$/,
      },
    ],
    patterns: [
      /\b(?:backendError|internalError|rateLimitExceeded|jobInternalError)\b|\bencountered an internal error\b/,
      // BigQuery's own words for a job that failed on an internal error ("Troubleshoot errors").
      /\bThe job encountered an error during execution\. Retrying the job may solve the problem\b/,
    ],
    source:
      'BigQuery "Troubleshoot errors" (https://cloud.google.com/bigquery/docs/error-messages): backendError, internalError and rateLimitExceeded are retried with backoff',
  },
  {
    id: 'grpc-unavailable-or-quota',
    label: 'gRPC UNAVAILABLE, or RESOURCE_EXHAUSTED for a rate quota',
    codes: [{ system: 'grpc', code: /^(?:UNAVAILABLE|14)$/ }],
    patterns: [
      /\bStatusCode\.UNAVAILABLE\b|\bstatus(?: code)?[:=]? ?UNAVAILABLE\b|\bUNAVAILABLE: /,
      /\bRESOURCE_EXHAUSTED\b.*\b(?:quota|rate|too many requests|per minute)\b/i,
    ],
    source:
      'gRPC "Status codes and their use in gRPC" (https://grpc.github.io/grpc/core/md_doc_statuscodes.html): UNAVAILABLE is most likely transient and may be retried with backoff',
  },
  {
    id: 'sql-connection-or-serialization',
    label:
      'a SQLSTATE the database declares transient (class 08 connection exception, 40001, 40P01, 57P03), or Redshift 1023 (serializable isolation violation)',
    codes: [
      {
        system: 'sqlstate',
        code: /^(?:08[0-9A-Z]{3}|40001|40P01|57P03|57P01)$/,
      },
      // Redshift's serialization failure has its own number, under the catch-all XX000.
      { system: 'redshift', code: /^1023$/ },
    ],
    patterns: [
      /\bcould not connect to server\b/i,
      /\bthe database system is (?:starting up|in recovery mode|shutting down)\b/i,
      /\bserver closed the connection unexpectedly\b/i,
      /\bdeadlock detected\b|\bcould not serialize access\b|\bSerialization failure\b|\bSerializable isolation violation\b/i,
      /\bCommunications link failure\b/,
    ],
    source:
      'PostgreSQL "Appendix A. Error Codes" and "Serialization Failure Handling" (https://www.postgresql.org/docs/current/mvcc-serialization-failure-handling.html): ' +
      '40001 and 40P01 are retried; class 08 is a connection exception; ' +
      'Amazon Redshift "Serializable isolation" (https://docs.aws.amazon.com/redshift/latest/dg/c_serial_isolation.html): error 1023 aborts and rolls back one of the conflicting transactions, which is retried',
  },
  {
    id: 'operational-db-transient',
    label:
      'an error its database declares transient (a deadlock victim or lock timeout, a failover, throttling or back-pressure: MySQL 1213/1205/1040, SQL Server 1205, Azure SQL 40613/40501, ORA-00060, MongoDB retryable codes, Elasticsearch 429 rejections)',
    // The codes are the entries marked `transient` in the tables of classify/vendorCodes.
    codes: transientOperationalDbCodes()
      .filter(t => t.codes.length > 0)
      .map(t => ({
        system: t.system,
        code: new RegExp(`^(?:${t.codes.map(escapeRe).join('|')})$`),
      })),
    patterns: [
      /\bDeadlock found when trying to get lock\b|\bLock wait timeout exceeded; try restarting transaction\b/,
      /\bchosen as the deadlock victim\. Rerun the transaction\b/,
      /\bis not currently available\.\s+Please retry the connection later\b|\bThe service is currently busy\. Retry the request\b/,
      /\bes_rejected_execution_exception\b/,
    ],
    source:
      'MySQL "How to Minimize and Handle Deadlocks" (https://dev.mysql.com/doc/refman/8.0/en/innodb-deadlocks-handling.html); ' +
      'SQL Server "Deadlocks guide" (https://learn.microsoft.com/en-us/sql/relational-databases/sql-server-deadlocks-guide): 1205, rerun the transaction; ' +
      'Azure SQL "Transient fault error messages" (https://learn.microsoft.com/en-us/azure/azure-sql/database/troubleshoot-common-errors-issues#transient-fault-error-messages-40197-40613-and-others); ' +
      'MongoDB "Retryable Writes" (https://github.com/mongodb/specifications/blob/master/source/retryable-writes/retryable-writes.md); ' +
      'Elasticsearch "Rejected requests" (https://www.elastic.co/guide/en/elasticsearch/reference/current/rejected-requests.html); ' +
      'the source of each code is beside its entry in classify/vendorCodes',
  },
  {
    id: 'snowflake-connection',
    label: 'a Snowflake connector connection failure (250001/250003)',
    codes: [{ system: 'snowflake', code: /^(?:250001|250003)$/ }],
    patterns: [
      /\b25000[13]\b.*\b(?:Could not connect|Failed to (?:connect|execute request))/i,
    ],
    source:
      'Snowflake Connector for Python, error codes (https://docs.snowflake.com/en/developer-guide/python-connector/python-connector-api): 250001/250003 are connection failures',
  },
  {
    id: 'network-connection',
    label:
      'a network connection error (refused, reset, timed out, unreachable)',
    patterns: [
      /\bConnection refused\b|\bECONNREFUSED\b|\bconnection was refused\b/i,
      /\bConnection reset(?: by peer)?\b|\bECONNRESET\b|\bBroken pipe\b/i,
      /\b(?:Connect(?:ion)?|Read|Socket) timed? ?out\b|\bETIMEDOUT\b|\bSocketTimeoutException\b|\bConnectTimeout(?:Error|Exception)?\b|\bReadTimeout(?:Error)?\b|\bRead timeout on endpoint\b/i,
      /\b(?:No route to host|Network is unreachable|EHOSTUNREACH|ENETUNREACH)\b/i,
      /\bTemporary failure in name resolution\b|\bEAI_AGAIN\b/i,
      /\bError reading SSH protocol banner\b/i,
      /\bFailed to connect to\b|\bcurl: \((?:6|7|28|52|56)\)/i,
      /\ball nodes failed\b|\bNo nodes? (?:left|available)\b/i,
    ],
    source:
      'Google Cloud "Retry strategy" (https://cloud.google.com/storage/docs/retry-strategy): connection errors, resets and socket timeouts are retryable; ' +
      'AWS SDKs "Retry behavior" (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html): transient connection errors are retried',
  },
  {
    id: 'dns-unresolved-without-change',
    label:
      'a host name that did not resolve, with no deploy since it last worked',
    patterns: [
      /\bName or service not known\b|\bnodename nor servname\b|\bgetaddrinfo failed\b|\bUnknownHostException\b/i,
    ],
    requires: s => s.recentDeploy === false,
    source:
      'curl manual, exit codes (https://curl.se/docs/manpage.html): 6 "Couldn\'t resolve host"; a name that resolved before and was not changed is a resolver outage',
  },
  {
    id: 'kafka-retriable',
    label: 'a Kafka error the client declares retriable',
    patterns: [
      /\b(?:NotEnoughReplicas(?:AfterAppend)?Exception|NetworkException|LeaderNotAvailableException|NotLeaderOrFollowerException|NotLeaderForPartitionException|CoordinatorNotAvailableException)\b/,
      /\bTimeout of \d+ms expired before\b/,
      /\b_?ALL_BROKERS_DOWN\b|\b_TRANSPORT\b|\bAll broker connections are down\b/,
    ],
    source:
      'Apache Kafka Javadoc, org.apache.kafka.common.errors.RetriableException and its subclasses (https://kafka.apache.org/documentation/); librdkafka error codes (_ALL_BROKERS_DOWN, _TRANSPORT) are retriable',
  },
  {
    id: 'kafka-streams-task-migrated',
    label:
      'a Kafka Streams thread fenced after a rebalance (TaskMigratedException)',
    // Only the Streams wrapper: a plain producer's ProducerFencedException is fatal for it.
    patterns: [
      /\bTaskMigratedException\b/,
      /\bDetected that the thread is being fenced\b/,
    ],
    categories: ['infrastructure'],
    source:
      'Apache Kafka Streams Javadoc, org.apache.kafka.streams.errors.TaskMigratedException (https://kafka.apache.org/documentation/streams/developer-guide/; the task is closed as a zombie and the thread rejoins the group); KAFKA-9231: a fenced producer under exactly-once is recovered as task migration',
  },
  {
    id: 'dlt-transient-load-job',
    label: 'a dlt load job the destination declared transient',
    patterns: [/\bDestinationTransientException\b|\bLoadClientJobRetry\b/],
    source:
      'dlt docs, "Running in production: retries" (https://dlthub.com/docs/running-in-production/running): DestinationTransientException and LoadClientJobRetry mark load jobs that may succeed when retried; terminal exceptions do not',
  },
  {
    id: 'node-preempted-or-lost',
    label: 'a spot or pre-emption notice, or a node that is gone',
    patterns: [
      /\bspot (?:instance )?(?:interruption|termination|reclaim)|SPOT_INSTANCE_TERMINATION|\bpre-?empt(?:ed|ion)\b(?! victims)(?!: \d+\/\d+ nodes)(?! is not helpful)/i,
      /\bContainer (?:released on a \*lost\* node|killed on request\. Exit code is -100)\b|\bexit code -100\b/i,
      /\bExecutorLostFailure\b|\bexecutor \d+ (?:lost|exited)\b|\bLost executor\b|\bSlave lost\b|\bworker lost\b|\bRemote RPC client disassociated\b/i,
      /\bnode(?: \S+)? (?:was |is )?(?:terminated|shutting down|not ready|lost|decommissioned)\b|\bDecommission(?:ing)? executors?\b|\bexecutors? \d+ (?:is |was )?decommission(?:ed|ing)\b|\bcompute\.instances\.preempted\b|\bNodeShutdown\b|\b(?:imminent )?node shutdown\b|\bDeleted by (?:framework|the cluster)\b|\bdeleted by scheduler\b/i,
      /\bCould not communicate with the remote task\b|\bREMOTE_(?:TASK_ERROR|HOST_GONE)\b/,
      /\bCould not obtain block\b|\bBlockMissingException\b/,
      /\bdriver (?:was )?(?:lost|unreachable)\b|\bDRIVER_UNREACHABLE\b/i,
    ],
    source:
      'AWS EC2 "Spot Instance interruptions" (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-interruptions.html); Google Cloud "Preemptible VM instances" (https://cloud.google.com/compute/docs/instances/preemptible); ' +
      'Hadoop YARN ContainerExitStatus.ABORTED (-100: container released by a lost node); Spark re-runs tasks of lost executors, and of executors the cluster manager decommissions (Spark "Graceful decommission", spark.decommission.enabled); Compute Engine\'s compute.instances.preempted audit event; Trino "Fault-tolerant execution" (https://trino.io/docs/current/admin/fault-tolerant-execution.html)',
  },
  {
    id: 'batch-host-terminated',
    label: 'an AWS Batch host instance that was terminated under the job',
    patterns: [
      /\bHost EC2 \(instance \S+\) terminated\b/,
      /\bspot instance \S+ marked for termination\b/i,
    ],
    source:
      'AWS Batch "Automated job retries" (https://docs.aws.amazon.com/batch/latest/userguide/job_retries.html): the documented evaluateOnExit example retries onStatusReason "Host EC2*", the host terminated under the job',
  },
  {
    id: 'trino-page-transport',
    label:
      'a Trino worker that stopped answering the exchange (PAGE_TRANSPORT_TIMEOUT)',
    codes: [
      {
        system: 'trino',
        code: /^(?:PAGE_TRANSPORT_TIMEOUT|PAGE_TRANSPORT_ERROR|REMOTE_HOST_GONE|REMOTE_TASK_ERROR)$/,
      },
    ],
    patterns: [
      /\bPageTransportTimeoutException\b|\bThis is probably a transient issue, so please retry\b/,
    ],
    source:
      'Trino StandardErrorCode (https://github.com/trinodb/trino/blob/master/core/trino-spi/src/main/java/io/trino/spi/StandardErrorCode.java): PAGE_TRANSPORT_TIMEOUT is EXTERNAL, and its message says "This is probably a transient issue, so please retry your query"',
  },
  {
    id: 'worker-heartbeat-lost',
    label:
      'a worker whose heartbeat was lost or that was shut down under the task',
    patterns: [
      /\bzombie\b|\bheartbeat\b.*\b(?:lost|missed|not received|timed out)\b|\bmissed heartbeats?\b/i,
      /\bkilled externally\b/i,
      // A bare SIGTERM is not enough: execution timeouts and manual kills send it too.
      /\bscale[- ]?down\b|\bautoscal\w* (?:removed|terminated|scaled|drained)|\bdrain(?:ed|ing) (?:the )?node\b/i,
      /\bThe runner has received a shutdown signal\b/i,
      /\bworker (?:was )?terminated\b|\bpod (?:was )?evicted\b|\bEvicted\b/i,
    ],
    source:
      'Apache Airflow "Tasks: Zombie/Undead tasks" (https://airflow.apache.org/docs/apache-airflow/stable/core-concepts/tasks.html#zombie-undead-tasks): a task whose worker stopped heart-beating is failed and retried; Kubernetes "Disruptions" (https://kubernetes.io/docs/concepts/workloads/pods/disruptions/)',
  },
  {
    id: 'capacity-temporarily-unavailable',
    label: 'cluster or cloud capacity temporarily unavailable',
    patterns: [
      /\bInsufficient (?:instance capacity|capacity)\b|\bINSTANCE_POOL_CLUSTER_FAILURE\b|\bCLOUD_PROVIDER_LAUNCH_FAILURE\b/i,
      // A pod that does not fit is a shortage only while capacity is on its way: the autoscaler
      // adding a node. "Insufficient cpu" alone may never clear (requests larger than any node).
      /\bTriggeredScaleUp\b|\bpod triggered scale-up\b/i,
      // Karpenter's Nominated event: a node claim (machine, before v1) is launching for this pod.
      /\bPod should schedule on:? (?:nodeclaim|machine)\/\S+/i,
      /\bImagePullBackOff\b.*\b(?:503|timeout|unavailable)\b/i,
      // Compute Engine zonal stockout: "try a different zone, or try again later"
      // (cloud.google.com/compute/docs/resource-error).
      /\bZONE_RESOURCE_POOL_EXHAUSTED\b|\bdoes not have enough resources available to fulfill the request\b|\bGCE_STOCKOUT\b/,
    ],
    source:
      'Kubernetes Cluster Autoscaler FAQ (https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/FAQ.md): a TriggeredScaleUp event means a node is being added for the pending pod; the Karpenter Nominated event "Pod should schedule on: nodeclaim/<name>" (kubernetes-sigs/karpenter pkg/controllers/provisioning, NominatePodEvent) names the node being launched for it; Databricks "Cluster termination reasons" (CLOUD_PROVIDER_LAUNCH_FAILURE, INSUFFICIENT_INSTANCE_CAPACITY: retry later); Compute Engine "Troubleshooting resource availability errors" (https://cloud.google.com/compute/docs/resource-error): ZONE_RESOURCE_POOL_EXHAUSTED, try again later or in another zone',
  },
  {
    id: 'image-pull-throttled',
    label:
      'an image pull refused for its rate (kubelet pull QPS, registry pull limit)',
    patterns: [
      /\bpull QPS exceeded\b|\btoomanyrequests\b|\breached your pull rate limit\b/i,
    ],
    source:
      'Kubernetes kubelet configuration, registryPullQPS and registryBurst (https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/): pulls over the rate are refused and retried; ' +
      'Docker Hub "Usage and limits" (https://docs.docker.com/docker-hub/usage/): toomanyrequests until the pull window resets',
  },
  {
    id: 'concurrent-write-conflict',
    label: 'an optimistic concurrency conflict with another writer',
    patterns: [
      /\bConcurrent(?:Append|DeleteRead|DeleteDelete|Transaction)Exception\b|\bConcurrentModificationException\b.*\b(?:delta|commit)\b|\bCommitFailedException\b.*\bconcurrent/i,
      // Iceberg's optimistic concurrency: another writer moved the table's metadata pointer.
      /\bCommitFailedException\b.*\b(?:is not same as the current table metadata location|metadata location \S+ has changed from)\b/,
      /\bHoodieWriteConflictException\b/,
      // Project Nessie: the branch moved under the commit (its own conflict exception, or
      // Trino's wording of it); Nessie documents the commit as retryable on the new head.
      /\bNessie(?:Reference)?ConflictException\b|\bCannot commit: ref hash is out of date\b/,
    ],
    source:
      'Delta Lake "Concurrency control" (https://docs.delta.io/latest/concurrency-control.html): write conflicts from concurrent transactions can be retried; ' +
      'Apache Iceberg "Reliability" (https://iceberg.apache.org/docs/latest/reliability/): a commit that loses the metadata swap is retried against the new version; ' +
      'Apache Hudi "Concurrency control" (https://hudi.apache.org/docs/concurrency_control): HoodieWriteConflictException is a conflicting concurrent commit, retried; ' +
      'Project Nessie "Commit conflicts" (projectnessie.org): NessieReferenceConflictException means the reference moved, retry against the new hash',
  },
  {
    id: 'metastore-or-service-timeout',
    label: 'a metastore or service call that timed out',
    // Not a bare "InternalError": database engines use it for deterministic query failures too.
    patterns: [
      /\bTTransportException\b|\bMetaException\b.*\btimed? ?out\b|\bfailed to connect to (?:the )?metastore\b/i,
    ],
    source:
      'Apache Hive metastore client (hive.metastore.failure.retries): transport failures are retried by the client',
  },
  {
    id: 'upstream-not-landed',
    label:
      'upstream data that has not landed yet (a delay or age the run measured, a sensor timeout, or a dated input not there yet)',
    categories: ['source_delay'],
    signal: s =>
      s.delaySeconds !== undefined && s.delaySeconds > 0
        ? `delaySeconds=${s.delaySeconds}`
        : undefined,
    patterns: [
      /\bAirflowSensorTimeout\b|\bSensor has timed out\b|\bSnap\. Time is OUT\b|\bTrigger timed? ?out\b/i,
      // A deferred sensor's trigger timeout (apache/airflow#33718), before or instead of the re-raise.
      /\bTaskDeferralTimeout\b|\bTrigger cancelled due to timeout\b/,
      // A freshness failure alone ("ERROR STALE") says the data is old, not that it is coming (a
      // stopped or retired loader is stale too); an age the check measured in hours is a delay.
      /\blast updated \d+ (?:seconds?|minutes?|hours?) ago\b|\bmax_loaded_at_time_ago_in_s"?:? ?\d{1,5}(?:\.\d+)?(?!\d)/i,
      // A date inside a name (file, table, partition), not a log line's timestamp.
      /[/_.=-](?:19|20)\d\d-?[01]\d-?[0-3]\d(?![\d:T])|\/(?:19|20)\d\d\/[01]\d\/[0-3]\d\b|\b(?:ds|dt|date|day|partition)=\S/i,
      /\bnot (?:yet )?(?:visible|available|arrived|landed|present|ready)(?: yet)?\b|\bnot there yet\b|\beventual(?:ly)? consisten/i,
      // Not Spark's "Unable to infer schema" alone: it is as often a wrong path or format; an
      // empty dated input still counts through the dated-name pattern above.
      /\bno (?:new )?(?:files?|rows?|records?|data)\b|\bempty (?:input|source|file|extract)\b/i,
    ],
    source:
      'Apache Airflow "Sensors" (https://airflow.apache.org/docs/apache-airflow/stable/core-concepts/sensors.html) and dbt "source freshness" (https://docs.getdbt.com/reference/commands/source): late input is waited for and the run re-tried once it lands',
  },
];
