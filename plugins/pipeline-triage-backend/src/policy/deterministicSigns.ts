/**
 * Signs that a failure is deterministic: the same input, path, setting or version fails the
 * same way on every attempt, whatever the category's default says. Any one of them makes the
 * retry verdict "no". Data, so a new kind is one entry; each says why a rerun cannot help.
 */
import { UNFILLED_PATH_PLACEHOLDER } from '../classify';

export interface DeterministicSign {
  id: string;
  /** Matched on any line but stack frames. */
  patterns: RegExp[];
  /** When set, the sign holds only if one of these also matches some other line of the log. */
  alongside?: RegExp[];
  /** When set, the sign does not hold if one of these matches any line (a transient reading wins). */
  unlessAnywhere?: RegExp[];
  /** The verdict's reason, completed with the line id. */
  why: string;
}

export const DETERMINISTIC_SIGNS: DeterministicSign[] = [
  {
    id: 'unrendered-template',
    patterns: [
      // Amazon MWAA prints Airflow's log source in double braces ("{{taskinstance.py:1280}}"),
      // which is a file and line, not a template.
      /\{\{(?![\w.-]+\.py:\d+\}\})[^{}\n]{1,80}\}\}/,
      /(?:s3a?|gs|abfss?|wasbs?|hdfs|file):\/\/\S*\$\{[A-Za-z_][\w.]*\}/,
    ],
    why: 'the path or key still holds an unrendered template, so it names an object that will never appear',
  },
  {
    id: 'unfilled-path-placeholder',
    // Named single-brace tokens ({year}), strftime directives (%Y), Firehose !{timestamp:...}
    // and spelled-out date patterns (yyyy-MM-dd) left in a storage path: the reader never
    // fills them, so the object it names never appears (see the classify rule of the same
    // family, wait-on-unfilled-path).
    patterns: [new RegExp(UNFILLED_PATH_PLACEHOLDER)],
    why: 'the path still holds a date placeholder nothing filled ({year}, %Y, yyyy-MM-dd or a template), so it names an object that will never appear',
  },
  {
    id: 'path-built-from-empty-value',
    // An empty XCom, variable or timestamp rendered into the path: Python's None, JSON null,
    // JavaScript undefined, pandas NaN/NaT, or the epoch date a null timestamp becomes.
    patterns: [
      /(?:s3a?|gs|abfss?|wasbs?|hdfs|file|dbfs):\/\/\S*?(?:\/|=)(?:None|null|undefined|NaN|NaT)(?=[/'"\s,)]|$)/,
      /(?:s3a?|gs|abfss?|wasbs?|hdfs|file|dbfs):\/\/\S*?(?:=1970-01-01|\/1970\/01\/01|=19700101)(?=[/'"\s,)]|$)/,
    ],
    why: 'the path was built from an empty value (None, null, or the epoch date of a null timestamp), so it names an object no producer writes',
  },
  {
    id: 'subnet-out-of-addresses',
    // A launch refused because the subnet has no free IP addresses (EC2 error code
    // InsufficientFreeAddressesInSubnet; Databricks and EMR repeat it inside their own launch
    // failure) is a sizing problem of the network, not the cloud's momentary capacity.
    patterns: [
      /\bInsufficientFreeAddressesInSubnet\b/,
      /\bsubnet\b.{0,80}\b(?:does not have|has no|not enough|insufficient)\b.{0,30}\b(?:free|available) (?:IP )?addresses\b/i,
    ],
    why: 'the subnet has no free IP addresses for the new nodes, so every launch into it fails until the network is resized or the cluster made smaller',
  },
  {
    id: 'sensor-on-manual-instant',
    // Scheduled runs land on whole seconds; a fractional instant is a manual trigger's own time.
    patterns: [/\bPoking for \S+ on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3,}/],
    why: "the sensor waits for an upstream run at a manual trigger's exact instant, which a scheduled upstream never has, so it can never match",
  },
  {
    id: 'upstream-failed',
    patterns: [
      /\bThe external (?:task|DAG) \S+ (?:in DAG \S+ )?failed\b|\bexternal task \S+ (?:is )?in (?:a )?failed state\b|\bupstream_failed\b/i,
      // A sensor or freshness check that reports the producer's own state (Airflow HdfsSensor
      // wrappers, Dagster/Prefect upstream checks): "upstream writer x ... is in state failed".
      /\bupstream\b.{0,160}\b(?:is )?in (?:the |a )?(?:state:? )?(?:failed|error(?:ed)?)\b|\bupstream\b.{0,160}\bstate[:=] ?['"]?(?:failed|error(?:ed)?)\b/i,
    ],
    why: 'the upstream it waits for has failed rather than being late, so it will not arrive without someone fixing it',
  },
  {
    id: 'tls-mismatch',
    patterns: [
      /\bWRONG_VERSION_NUMBER\b|\bwrong version number\b/i,
      /\bPKIX path (?:building|validation) failed\b|\bunable to find valid certification path\b/i,
      /\bCERTIFICATE_VERIFY_FAILED\b|\bcertificate verify failed\b|\bcertificate (?:has )?expired\b/i,
      /\bUNSUPPORTED_PROTOCOL\b|\bunsupported protocol\b|\bno protocols available\b|\bprotocol_version\b|\bTLSV1_ALERT_PROTOCOL_VERSION\b|\bno appropriate protocol\b|\bhandshake_failure\b/i,
      // The peer's fatal alerts that name a mismatch (RFC 8446 section 6.2, AlertDescription).
      /\bReceived fatal alert: (?:insufficient_security|bad_certificate|unsupported_certificate|certificate_revoked|certificate_expired|certificate_unknown|unknown_ca|illegal_parameter|decrypt_error|no_application_protocol|certificate_required)\b/i,
    ],
    why: 'the TLS versions, protocols or certificate trust of the two ends do not match, which fails every handshake the same way until a setting changes',
  },
  {
    id: 'too-large-to-transfer',
    patterns: [
      /\bToo large frame\b|\bAdjusted frame length exceeds\b|\bSize exceeds Integer\.MAX_VALUE\b|\bCannot (?:grow|allocate) BufferHolder\b/i,
      /\bRecordTooLargeException\b|\bMESSAGE_TOO_LARGE\b|\bMessage size too large\b|\bRequested array size exceeds VM limit\b/i,
      /\bbigger than spark\.driver\.maxResultSize\b|\bKryo serialization failed: Buffer overflow\b/i,
      // Akka drops a message over akka.framesize ("Discarding oversized payload ... max allowed
      // size N bytes", logged as a "transient association error") and Flink names the limit
      // (FLINK-4383, FLINK-14618); the caller's ask then times out on every attempt.
      /\bOversizedPayloadException\b|\bDiscarding oversized payload\b|\bexceeds the maximum (?:akka|pekko) framesize\b/i,
    ],
    why: 'a block, record or result is larger than a hard limit, so it can never be transferred until the data layout or the limit changes',
  },
  {
    id: 'quota-exhausted-for-period',
    patterns: [
      // REQUEST_LIMIT_EXCEEDED is Salesforce's daily API allowance ("TotalRequests Limit
      // exceeded") and Databricks' 429 rate limit, which its SDKs retry (REST API "Error
      // handling"); a bare code stays a quota, but not when the message says it is a rate limit
      // ("rejected due to API rate limiting").
      /\bquotaExceeded\b|\bdaily (?:(?:API |request )?limit|quota|allowance)\b|\bper[- ]day (?:limit|quota)\b|\bTotalRequests Limit exceeded\b|\bREQUEST_LIMIT_EXCEEDED\b(?!.{0,160}\brate limit)/i,
      // Google APIs name the quota's period in the limit: "limit 'All requests per day'"
      // (https://cloud.google.com/docs/quotas/troubleshoot), so a RESOURCE_EXHAUSTED or 429 on
      // it is the day's or month's allowance, not a per-minute rate.
      /\blimit '[^']{0,80}\bper (?:day|month)'|\bmonthly (?:limit|quota|allowance)\b|\bper[- ]month (?:limit|quota)\b/i,
      // OpenAI 429 "insufficient_quota" (https://platform.openai.com/docs/guides/error-codes) and
      // the same wording from the Gemini API: the plan's credit is spent, not a rate.
      /\binsufficient_quota\b|\bYou exceeded your current quota, please check your plan and billing\b/i,
    ],
    why: 'a quota for the whole period is used up, so retries fail until it resets',
  },
  {
    id: 'cloud-account-quota-exceeded',
    // A launch refused because the subscription's or account's own quota is used up, not because
    // the cloud is short of machines: Azure Compute "exceeding quota limits of Core" /
    // "exceeding approved <family> Cores quota" (OperationNotAllowed, QuotaExceeded;
    // https://learn.microsoft.com/en-us/azure/quotas/regional-quota-requests), Databricks
    // termination codes AZURE_QUOTA_EXCEEDED_EXCEPTION and GCP_QUOTA_EXCEEDED (type CLIENT_ERROR,
    // Clusters API termination reasons), EC2 VcpuLimitExceeded ("your current vCPU limit").
    // Databricks wraps the Azure refusal in CLOUD_PROVIDER_LAUNCH_FAILURE, whose capacity reading
    // this sign overrides.
    patterns: [
      /\bexceeding (?:approved )?(?:quota limits of Cores?\b|\S+ (?:Family )?Cores quota\b)|\bAZURE_QUOTA_EXCEEDED_EXCEPTION\b|\bGCP_QUOTA_EXCEEDED\b|\bVcpuLimitExceeded\b|\bcurrent vCPU limit\b/i,
    ],
    why: "the launch asks for more cores than the subscription's or account's quota allows, which no wait frees: the quota must be raised, other usage stopped or the cluster made smaller",
  },
  {
    id: 'host-name-cannot-exist',
    // The resolver was asked for a name no host can have. A host name holds letters, digits,
    // hyphens and dots (RFC 1123 section 2.1); a gRPC target is host:port without a URL scheme
    // (gRPC "Name Resolution", https://github.com/grpc/grpc/blob/master/doc/naming.md), so
    // "https://..." or a name with quotes, parentheses or commas (a value rendered from a tuple
    // or list) is a malformed endpoint. Azure storage account names are 3-24 lowercase letters
    // and digits (https://learn.microsoft.com/en-us/azure/storage/common/storage-account-overview#storage-account-name),
    // so an account host with an underscore names no account (a placeholder left in the config).
    patterns: [
      /\bDNS resolution failed for (?:[a-z][a-z0-9+.-]*:\/\/|\S*['"(),])/i,
      /(?:\/\/|host=')[a-z0-9]*_[a-z0-9_]*\.(?:blob|dfs|file|queue|table)\.core\.windows\.net\b/i,
    ],
    why: 'the endpoint host is malformed (a URL scheme, quotes or brackets in the name, or an account name the service never allows), so it resolves on no attempt until the endpoint setting is fixed',
  },
  {
    id: 'topic-does-not-exist',
    // The Java producer waits max.block.ms for metadata of a topic the brokers keep answering
    // UNKNOWN_TOPIC_OR_PARTITION for, then throws "Topic x not present in metadata after N ms"
    // (KAFKA-8862; KAFKA-16965 attaches UnknownTopicOrPartitionException as the cause): with
    // automatic topic creation off, the topic appears only when someone creates it.
    patterns: [/\bTopic \S+ not present in metadata after \d+ ?ms\b/],
    alongside: [
      /\bUNKNOWN_TOPIC_OR_PARTITION\b|\bUnknownTopicOrPartitionException\b/,
    ],
    why: 'the brokers answer that the topic does not exist, and the producer timed out waiting for it; a retry waits for the same missing topic until it is created',
  },
  {
    id: 'limit-set-by-job',
    // BigQuery reports the job's own cap under whatever HTTP status (a 500 too): a setting.
    patterns: [
      /\bbytesBilledLimitExceeded\b|\bQuery exceeded limit for bytes billed\b|\bbillingTierLimitExceeded\b|\bexceeded resource limits for tier \d+\b/i,
    ],
    why: "the query needs more than the job's own cost cap (maximum bytes billed or billing tier) allows, so it fails on every attempt until the cap or the query changes",
  },
  {
    id: 'warehouse-suspended-or-unset',
    // Snowflake reports these with SQLSTATE 57P03, which PostgreSQL uses for "cannot connect now".
    patterns: [
      /\bWarehouse '[^']+' is suspended\b|\bNo active warehouse selected\b|\bcannot be resumed because resource monitor\b/i,
    ],
    why: 'the warehouse is suspended, not selected, or stopped by its resource monitor, which every attempt meets until someone resumes it, selects one or the quota resets',
  },
  {
    id: 'timeout-outlived-platform-retries',
    // The platform already retried the same unit of work; a deadline hit on every attempt is the
    // size of the work, not a passing slowness. Node losses are not timeouts, so spot and
    // pre-emption failures that exhaust task retries stay retryable.
    patterns: [/\b(?:has )?failed (?:[2-9]|\d{2,}) times\b/i],
    alongside: [
      /\bDEADLINE_EXCEEDED\b|\bDeadline ?Exceeded\b|\b504 Gateway Time-?out\b|\bquery (?:execution )?timed? ?out\b|\bstatement timeout\b/i,
    ],
    why: "the platform's own retries of the same work hit the same deadline every time, so an unchanged rerun will too",
  },
  {
    id: 'task-retries-lost-their-executors',
    // Spark counts a lost executor against the task's spark.task.maxFailures only when it
    // blames the application (TaskSetManager.executorLost: countTowardsTaskFailures =
    // exitCausedByApp; heartbeat timeouts and exits "caused by one of the running tasks"
    // count, decommissions and exits "unrelated to the running tasks" do not). A task that
    // failed its retries on executor losses kept taking its executors down (memory, GC).
    patterns: [/\bTask \S+ in stage \S+ failed (?:[2-9]|\d{2,}) times\b/],
    alongside: [
      /\bExecutorLostFailure\b|\bLost executor \S+\b.{0,80}\bheartbeat\b|\bexecutor \S+ exited caused by one of the running tasks\b/i,
    ],
    unlessAnywhere: [
      /\bunrelated to the running tasks\b|\bdecommission|\bspot (?:instance )?(?:interruption|termination|reclaim)|\bpre-?empt(?:ed|ion)\b|\bSPOT_INSTANCE_TERMINATION\b|\bnode (?:was |is )?(?:terminated|lost|shutting down)\b/i,
    ],
    why: 'every retry of the same task lost its executor and Spark blamed the task for it (it counts only such losses), so the task keeps taking executors down and an unchanged rerun will too',
  },
  {
    id: 'worker-killed-on-request',
    // YARN's "Container killed on request. Exit code is 143" is a SIGTERM someone asked for
    // (the application master, a cancel, the memory monitor's first step); a pre-emption says
    // so ("preempted", exit -102). Connection errors to that worker afterwards are the kill
    // seen from the other side, not a network fault, so they name no transient cause.
    patterns: [/\bContainer killed on request\. Exit code is 143\b/],
    alongside: [
      /\bno longer reachable\b|\bConnection refused\b|\bAssociation with remote system\b.{0,120}\bhas failed\b/i,
    ],
    unlessAnywhere: [
      /\bpre-?empt(?:ed|ion)\b|\bdecommission|\bspot (?:instance )?(?:interruption|termination|reclaim)|\bnode (?:was |is )?(?:terminated|lost|shutting down)\b|\bexit code -10[02]\b/i,
    ],
    why: 'the worker was killed on request (SIGTERM, exit 143) with no pre-emption named, and the connection errors are to that killed worker, so nothing shows a passing cause',
  },
  {
    id: 'service-connection-pool-exhausted',
    // SQLAlchemy's "QueuePool limit of size N overflow M reached" (error 3o7r): the service's
    // pool is too small for its load or leaks connections; its 503s and timeouts follow from
    // that and recur under the same load.
    patterns: [/\bQueuePool limit of size \d+ overflow -?\d+ reached\b/],
    why: "the service's own database connection pool is exhausted (SQLAlchemy QueuePool limit), which its answers keep hitting under the same load until the pool or the load changes",
  },
  {
    id: 'earlier-attempts-hold-capacity',
    // A placement failure while the job's own earlier attempts still run: the next attempt
    // competes with the same leftovers until someone stops them.
    patterns: [
      /\bPods still running for this connection\b|\b(?:earlier|previous) attempts?(?:'s?)? (?:pods?|containers?) (?:are |is )?still running\b/i,
    ],
    alongside: [
      /\bInsufficient (?:cpu|memory)\b|\bFailedScheduling\b|\bUnschedulable\b/i,
    ],
    why: "the job's own earlier attempts still hold the capacity this attempt could not get, so another attempt will not fit either until they are stopped",
  },
  {
    id: 'source-retired',
    // A stale source whose loads have stopped for good (a schema or feed retired, its loads
    // moved elsewhere): dbt reports it as ERROR STALE like a late one, but no wait makes it
    // fresh; the source definition must change (dbt "source freshness": a source that is no
    // longer loaded should drop its freshness block or be removed).
    patterns: [
      /\b(?:schema|source|table|feed|dataset)s? (?:(?:was|is|has been|were) )?(?:retired|decommissioned)\b|\bno longer (?:receives?|gets?|is|are) (?:loads|loaded|updated|populated|written)\b/i,
    ],
    alongside: [/\bSTALE\b|\bfreshness\b|\bSensor has timed out\b/i],
    why: 'the source is retired and no longer loaded, so no wait makes it fresh; its definition must change',
  },
  {
    id: 'sensor-target-missing',
    patterns: [
      /\bThe external (?:DAG|task group|task) \S+ (?:in DAG \S+ )?does not exist\b|\bDag id \S+ not found in DagModel\b/i,
    ],
    why: 'the sensor waits for a DAG or task that does not exist, so it can never be satisfied',
  },
  {
    id: 'output-already-exists',
    // Left by an earlier attempt or run: Hadoop's FileAlreadyExistsException, Spark's
    // PATH_ALREADY_EXISTS (save mode "error if exists"), a data file an earlier task attempt wrote.
    patterns: [
      /\bFileAlreadyExistsException\b|\bFile already exists\b|\[PATH_ALREADY_EXISTS\]|\b[Pp]ath \S+ already exists\b/,
    ],
    why: 'the output the run writes is already there (left by an earlier attempt or run), so every attempt collides with it until it is removed or the write mode changes',
  },
  {
    id: 'source-stale-for-days',
    patterns: [
      /\blast (?:updated|loaded|modified|refreshed) (?:[2-9]|\d{2,}) days ago\b|\bstale (?:for|since) (?:[2-9]|\d{2,}) days\b/i,
    ],
    why: "the source has not been loaded for days, far past a schedule's lateness, so its load has stopped rather than run late and waiting alone will not bring the data",
  },
  {
    id: 'preemptible-run-duration-limit',
    // Compute Engine stops pre-emptible VMs after 24 hours (Spot VMs have no such limit).
    patterns: [
      /\bmaximum run duration of \d+ hours\b|\bpre-?empted after (?:running 2[4-9]h|reaching the maximum run duration)\b/i,
    ],
    why: 'pre-emptible VMs are always stopped at their maximum run duration (24 hours), so a task that needs longer is pre-empted again on every pre-emptible attempt',
  },
  {
    id: 'placement-rules-unsatisfiable',
    // Every node refused the pod by a rule (selector, affinity, taint), none for resources;
    // the scheduler's own pre-emption check then says pre-emption cannot help.
    patterns: [
      /\b0\/\d+ nodes are available: (?:\d+ (?:node\(s\) )?(?:didn't match|didn't satisfy|had (?:untolerated )?taints?|had volume node affinity conflict)(?:[^,.{]|\{[^}]*\})*[,.] ?)+(?:$|preemption:)/i,
    ],
    why: 'every node rejects the pod by a placement rule (node selector or affinity, pod affinity, taints), not for lack of capacity, so no node will ever take it until the rules or the node labels change',
  },
  {
    id: 'autoscaler-cannot-fit',
    // Cluster Autoscaler's NotTriggerScaleUp: no node group could host the pod even if it grew
    // (too large for the machine type, a rule no group satisfies, or every group at its maximum).
    patterns: [/\bNotTriggerScaleUp\b|\bpod didn'?t trigger scale-up\b/i],
    why: 'the cluster autoscaler found no node group that would host the pod if it added a node, so waiting brings no capacity that fits',
  },
  {
    id: 'security-protocol-mismatch',
    // The client offers a SASL mechanism the listener does not enable (Kafka's
    // IllegalSaslStateException / UnsupportedSaslMechanismException): the two configs disagree.
    patterns: [
      /\bUnexpected handshake request with client mechanism \S+, enabled mechanisms are\b|\bUnsupportedSaslMechanismException\b|\bIllegalSaslStateException\b/,
    ],
    why: "the client's security protocol or SASL mechanism does not match what the broker's listener enables, which fails every connection the same way until one side's configuration changes",
  },
  {
    id: 'unavailable-because-unplaced',
    // A 503 from a service whose own pod the scheduler cannot place is that placement failure
    // seen from outside; it passes only when capacity is added, which the log does not show.
    patterns: [
      /\b503\b.{0,80}\bService Unavailable\b|\bService Unavailable\b.{0,80}\b503\b|\bpod not running\b/i,
    ],
    alongside: [
      /\bPodUnschedulable\b|\bCannot schedule pods\b|\bFailedScheduling\b|\b0\/\d+ nodes are available\b/i,
    ],
    why: 'the service is unavailable because the scheduler cannot place its own pod, and nothing shows capacity being added, so it will not come back on its own',
  },
  {
    id: 'clock-skew',
    // AWS S3 error code RequestTimeTooSkewed (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html,
    // 15-minute allowance), the same code on S3-compatible stores (MinIO, OSS, OBS), SigV4's
    // "Signature expired" and Kerberos KRB_AP_ERR_SKEW ("Clock skew too great", RFC 4120 5.9.1).
    patterns: [
      /\bRequestTimeTooSkewed\b|\bThe difference between the request time and the (?:current|server's) time is too large\b/,
      /\bSignature expired: \d{8}T\d{6}Z is now earlier than\b|\bClock skew too great\b|\bKRB_AP_ERR_SKEW\b/i,
    ],
    why: "the host's clock is off by more than the service allows, so every request signed on it is refused until the clock is synced",
  },
  {
    id: 'certificate-names-other-host',
    // Hostname verification failing: JDK HostnameChecker ("No subject alternative names matching
    // IP address", "No subject alternative DNS name matching"), Apache HttpClient's
    // SSLPeerUnverifiedException, Node's ERR_TLS_CERT_ALTNAME_INVALID.
    patterns: [
      /\bNo subject alternative (?:DNS )?names? matching\b|\bNo name matching \S+ found\b/i,
      /\bdoesn't match any of the subject alternative names\b|\bERR_TLS_CERT_ALTNAME_INVALID\b|\bdoes not match certificate's altnames\b|\bHostname mismatch, certificate is not valid for\b/i,
    ],
    why: 'the server certificate does not name the host or address the client dials, so hostname verification fails on every attempt until the address or the certificate changes',
  },
  {
    id: 'tls-against-plaintext-port',
    // One end speaks TLS and the other plaintext. JSSE: "Unrecognized SSL message, plaintext
    // connection?"; Go net/http: "server gave HTTP response to HTTPS client"; nginx: "The plain
    // HTTP request was sent to HTTPS port". Kafka's broker reads a TLS ClientHello (0x16 0x03 ...)
    // as a frame length of 0x160301xx-0x160303xx, about 369 million (InvalidReceiveException, KAFKA-4493).
    patterns: [
      /\bUnrecognized SSL message, plaintext connection\b|\bserver gave HTTP response to HTTPS client\b|\bplain HTTP request was sent to HTTPS port\b/i,
      /\bInvalid receive \(size = 3692(?:95|96)\d{3} larger than \d+\)/,
    ],
    why: 'one end speaks TLS and the other plaintext (a wrong port, scheme or security protocol in configuration), which fails every connection the same way',
  },
  {
    id: 'payload-over-server-limit',
    // MySQL ER_NET_PACKET_TOO_LARGE / Connector/J PacketTooBigException (max_allowed_packet,
    // https://dev.mysql.com/doc/refman/8.0/en/packet-too-large.html: the server may just close
    // the connection), librdkafka's receive.message.max.bytes, HTTP 413 from a proxy.
    patterns: [
      /\bPacket for query is too large\b|\bPacketTooBigException\b|\bGot a packet bigger than '?max_allowed_packet'?\b|\bER_NET_PACKET_TOO_LARGE\b|\bPackets larger than max_allowed_packet\b/i,
      /\bInvalid (?:response|message) size \d+ \(0\.\.\d+\): increase receive\.message\.max\.bytes\b/,
      /\b413 Request Entity Too Large\b|\bRequest Entity Too Large\b.{0,40}\b413\b/i,
    ],
    why: 'the statement, message or request is larger than a size limit set on the server or client, so the same payload is refused (often as a dropped connection) on every attempt until the limit or the payload changes',
  },
  {
    id: 'vendor-declared-terminal',
    // dlt splits destination failures into terminal and transient ones and says which; Flink's
    // resource manager says when no slot of the cluster can ever serve a request.
    patterns: [
      /\bfailed terminally\b|\bDestinationTerminalException\b|\bLoadClientJobFailed\b/,
      /\bUnfulfillableSlotRequestException\b|\bRequested resource profile \(.{0,200}\) is unfulfillable\b/,
    ],
    why: 'the tool itself classed the failure as terminal (not one it would retry), so a rerun meets the same refusal',
  },
  {
    id: 'code-location-load-failed',
    // Dagster loads a code location's definitions before any run can start; when that load
    // fails (DagsterUserCodeLoadError) a retried run meets the same broken location, which has
    // to be fixed and reloaded (Dagster "Code locations": reloading definitions).
    patterns: [
      /\bDagsterUserCodeLoadError\b|\bError occurred during the loading of Dagster definitions\b/,
    ],
    why: "the job's definitions failed to load, and retrying the run does not reload them: the code location must be fixed and reloaded first",
  },
  {
    id: 'network-policy-blocks-address',
    // Snowflake 390422 (SQLSTATE 08004): the account or user network policy does not list the
    // caller's IP (docs.snowflake.com/en/user-guide/network-policies). Drivers and loaders
    // retry the login and call it a connection failure, but the policy answers the same.
    patterns: [
      /\bis not allowed to access Snowflake\b|\b390422\b.{0,40}\bnot allowed\b/,
    ],
    why: "the service's network policy does not allow the caller's address, so every connection from it is refused until an administrator allows it",
  },
  {
    id: 'snowflake-login-refused-by-service',
    // snowflake-connector-python raises 250001 "Failed to connect to DB: <host>:<port>. <message>"
    // with the login response's message when the server answered success=false (auth.py,
    // github.com/snowflakedb/snowflake-connector-python): the service was reached and refused the
    // request. Its own network failures read "Could not connect to Snowflake backend after N
    // attempt(s)" instead, which stay transient.
    patterns: [/\bFailed to connect to DB: [\w.-]+:\d+[.,] [A-Z]/],
    unlessAnywhere: [
      /\bCould not connect to Snowflake backend\b|\bFailed to get the response\b|\btimed out\b|\bConnection (?:refused|reset|aborted)\b|\bHTTP 5\d\d\b|\b50[234] (?:Bad Gateway|Service Unavailable|Gateway Time)/i,
    ],
    why: 'Snowflake answered the login request and refused it (the message after the host is its own), so the same request is refused again until the account identifier, credentials or client changes',
  },
  {
    id: 'flink-taskmanager-registration-timed-out',
    // Flink TaskExecutor RegistrationTimeoutException "Could not register at the ResourceManager
    // within the specified maximum registration duration ... Terminating now." The TaskManager
    // gives up after taskmanager.registration.timeout (default 5 min) and exits (Flink
    // "Configuration": taskmanager.registration.timeout). Minutes of failed registration are not
    // a blip: the JobManager is down or at an address the TaskManager cannot reach.
    patterns: [
      /\bRegistrationTimeoutException\b|\bCould not register at the ResourceManager within the specified maximum registration duration\b/,
    ],
    why: 'the TaskManager could not register with the ResourceManager for its whole registration timeout and terminated itself, so the cluster has to be repaired or reconfigured before a run can have slots',
  },
  {
    id: 'kerberos-credentials-refused',
    // The SASL GSSAPI handshake refused (TSaslTransport "GSS initiate failed"; GSSException
    // "No valid credentials provided (Mechanism level: Failed to find any Kerberos tgt)"): no
    // valid ticket, or a principal/keytab the KDC or the service rejects. Clock skew has its
    // own sign (clock-skew).
    patterns: [
      /\bGSS initiate failed\b|\bFailed to find any Kerberos tgt\b|\bNo valid credentials provided \(Mechanism level/,
    ],
    why: 'the Kerberos handshake is refused (no valid ticket, or a wrong principal or keytab), which fails every connection the same way until the credentials are fixed',
  },
  {
    id: 'instance-type-not-offered-in-zone',
    // EC2 error code Unsupported ("Your requested instance type (x) is not supported in your
    // requested Availability Zone", EC2 API "Error codes"); EMR VALIDATION_ERROR with the same
    // wording. The message says "retry" but only without that zone: the type is not offered there.
    patterns: [
      /\binstance type \(?\S+?\)? is not supported in (?:your|the) requested Availability Zone\b/i,
    ],
    why: 'the instance type is not offered in the requested Availability Zone, so every launch there fails until the zone or the type changes',
  },
  {
    id: 'consumer-slower-than-poll-interval',
    // KafkaConsumer CommitFailedException / kafka-python CommitFailedError: processing one
    // batch took longer than max.poll.interval.ms, the group rebalanced and refused the commit
    // (KafkaConsumer javadoc, "Detecting consumer failures"). The same batch size and work repeat.
    patterns: [
      /\bCommit cannot be completed since the group has already\s+rebalanced\b/,
    ],
    why: 'processing one polled batch takes longer than max.poll.interval.ms, so the group rebalances and refuses the commit again until max.poll.records or the interval changes',
  },
  {
    id: 'replication-slot-held-by-another-session',
    // PostgreSQL SQLSTATE 55006 object_in_use "replication slot x is active for PID n": a
    // logical slot serves one consumer at a time (Debezium PostgreSQL connector: slot.name
    // must be unique per connector); the other session keeps it until it ends or is terminated.
    patterns: [/\breplication slot "?[\w.-]+"? is active for PID \d+/],
    why: 'another session holds the replication slot, and it keeps holding it until that session ends or the job uses its own slot',
  },
  {
    id: 'storage-quota-exceeded',
    // HDFS DSQuotaExceededException / NSQuotaExceededException ("The DiskSpace quota of /dir
    // is exceeded", "The NameSpace quota ... is exceeded"; HDFS "Quota Guide"): a limit set on
    // the directory, which the same write reaches again.
    patterns: [
      /\b(?:DS|NS)QuotaExceededException\b|\bThe (?:DiskSpace|NameSpace) quota of \S+ is exceeded\b/,
    ],
    why: 'the directory quota is used up, so the same write is refused again until space is freed or the quota raised',
  },
  {
    id: 'service-retries-exhausted',
    // Dataflow retries a failed work item itself (4 times in batch) before failing the job.
    patterns: [/\bA work item was attempted \d+ times without success\b/],
    why: 'the service already retried the same work item several times and each attempt failed the same way',
  },
  {
    id: 'job-own-concurrency-limit',
    // The refusal names the job's own concurrency setting, not the service's capacity: AWS Glue
    // ConcurrentRunsExceededException on StartJobRun (ExecutionProperty.MaxConcurrentRuns of
    // the job; Glue API "Jobs": "The maximum number of concurrent runs allowed for the job"),
    // Databricks' SKIPPED run "Skipping this run because the limit of N maximum concurrent runs
    // has been reached" (Jobs API max_concurrent_runs). Another submission meets the same limit
    // while the other runs last.
    patterns: [
      /\bConcurrentRunsExceededException\b|\bConcurrent runs exceeded for\b/,
      /\bSkipping this run because the limit of \d+ maximum concurrent runs has been reached\b/,
    ],
    why: "the job's own concurrency limit (MaxConcurrentRuns or max_concurrent_runs) is taken by other runs of it, so another submission is refused or skipped the same way until those runs end or the limit is raised",
  },
  {
    id: 'job-own-active-deadline',
    // Kubernetes fails a pod or Job at its own activeDeadlineSeconds (pod status reason
    // DeadlineExceeded, "Pod was active on the node longer than the specified deadline"; Job
    // condition "Job was active longer than specified deadline"; Kubernetes "Jobs": Job
    // termination and cleanup). It reads like a pod lost to the platform, but it is the job's
    // time limit, which the same work reaches again.
    patterns: [
      /\bPod was active on the node longer than the specified deadline\b|\bJob was active longer than specified deadline\b/,
    ],
    why: 'the pod or Job ran past its own activeDeadlineSeconds and Kubernetes stopped it, so the same work reaches the same deadline until the deadline or the work changes',
  },
  {
    id: 'no-network-route-to-storage',
    // The subnet has no route to the storage service: SageMaker "Please ensure that the
    // subnet's route table has a route to an S3 VPC endpoint or a NAT device", AWS Glue "VPC S3
    // endpoint validation failed for SubnetId ... Could not find S3 endpoint or NAT gateway"
    // (Glue "Amazon VPC endpoints for Amazon S3"). A network setup, not an S3 outage.
    patterns: [
      /\bhas a route to an S3 VPC endpoint or a NAT device\b|\bVPC S3 endpoint validation failed\b|\bCould not find S3 endpoint or NAT gateway\b/i,
    ],
    why: 'the subnet the job runs in has no route to S3 (no VPC endpoint or NAT), so every request to it fails the same way until the network is changed',
  },
  {
    id: 'connection-refused-on-own-loopback',
    // A connection refused on localhost/127.0.0.1/::1: in a container or pod that address is the
    // job's own container, where the database or daemon of the configuration does not run
    // (PgJDBC "Connection to localhost:5432 refused. Check that the hostname and port are
    // correct", libpq 'Is the server running on host "localhost"', urllib3
    // "HTTPConnectionPool(host='127.0.0.1', port=N) ... Connection refused"; Docker docs
    // "Networking": from a container, use host.docker.internal for the host). A sidecar proxy
    // on the loopback (Cloud SQL Auth Proxy, Istio/Envoy) can still be starting, so those stay
    // transient.
    patterns: [
      /\bConnection to (?:localhost|127\.0\.0\.1|\[?::1\]?):\d+ refused\b/,
      /\bIs the server running on host "localhost" \((?:127\.0\.0\.1|::1)\) and accepting\b/,
      /\bhost='(?:localhost|127\.0\.0\.1)', port=\d+\).{0,300}\bConnection refused\b/,
    ],
    unlessAnywhere: [
      /\bcloud[-_]sql[-_]proxy\b|\bcloud-sql-proxy\b|\bistio-proxy\b|\benvoy\b|\bsidecar\b/i,
    ],
    why: "the connection goes to the loopback address, which in the job's container is the container itself, where the configured service does not listen; it is refused on every attempt until the host setting points at the real server",
  },
  {
    id: 'status-poll-throttled-after-start',
    // Only the status poll of a run the task had already started was throttled (AWS
    // ThrottlingException "Rate exceeded" on GetCrawler/GetJobRun/DescribeCluster...; AWS SDK
    // "Retry behavior"). The started crawler or job keeps running, and an unchanged retry starts
    // it again, which Glue refuses while it runs (CrawlerRunningException,
    // ConcurrentRunsExceededException) or which duplicates the run: resume the poll instead.
    patterns: [
      /\(ThrottlingException\) when calling the (?:Get|Describe|List)\w+ operation\b/,
    ],
    alongside: [
      /\bTriggering AWS Glue Crawler\b|\bStarting (?:job|crawler)\b|\bStartJobRun\b|\bStartCrawler\b|\bWaiting for (?:crawler|job)\b/i,
    ],
    why: 'the run was already started and only its status poll was throttled; an unchanged retry starts the crawler or job again while it runs, so the poll must be resumed instead',
  },
  {
    id: 'kafka-broker-advertised-on-loopback',
    // The Java client names each broker as "node <id> (<host>/<ip>:<port>)"; a loopback address
    // there is either the bootstrap entry of the job's own config (node -1) or, after a
    // successful bootstrap, the address the broker advertises (advertised.listeners). Kafka
    // "Broker Configs" (https://kafka.apache.org/documentation/#brokerconfigs_advertised.listeners):
    // clients connect to the advertised address, so a broker advertising localhost sends every
    // client elsewhere to its own loopback (Confluent, "Kafka Listeners – Explained").
    patterns: [
      /\bConnection to node -?\d+ \([\w.-]*\/(?:127\.\d+\.\d+\.\d+|0:0:0:0:0:0:0:1|::1):\d+\) could not be established\b/,
    ],
    why: 'the client dials a broker on the loopback address (the broker advertises localhost, or the job is configured with it), which from the job is its own host where no broker listens; every attempt gets the same address until advertised.listeners or the bootstrap setting changes',
  },
  {
    id: 'database-connection-slots-used-up',
    // PostgreSQL SQLSTATE 53300 too_many_connections: "sorry, too many clients already"
    // (max_connections), "too many connections for role" (the role's CONNECTION LIMIT),
    // "remaining connection slots are reserved for ..." (superuser_reserved_connections;
    // PostgreSQL "Connections and Authentication", max_connections). The slots are held by the
    // deployment's own clients (its workers' and tasks' pools), which the retry adds to.
    patterns: [
      /\bsorry, too many clients already\b|\btoo many connections for (?:role|database) "?[\w.-]+"?|\bremaining connection slots are reserved for\b/,
    ],
    why: "the database's connection slots (max_connections or the role's connection limit) are used up by the deployment's own pools, so another attempt meets the same full server until the pools, the parallelism or the limit change",
  },
  {
    id: 'write-sent-to-read-only-server',
    // PostgreSQL SQLSTATE 25006 read_only_sql_transaction ("cannot execute INSERT in a read-only
    // transaction": a hot standby or a read-only endpoint) and MySQL error 1290
    // ER_OPTION_PREVENTS_STATEMENT with --read-only / --super-read-only (a replica). The
    // connection names a server that never accepts writes. Right after a failover the old
    // writer answers the same until clients reconnect (Aurora "Failover"), so a failover in the
    // log keeps the passing reading.
    patterns: [
      /\bcannot execute [A-Z][A-Z ]*?(?:\(\))? in a read-only transaction\b/,
      /\bThe MySQL server is running with the --(?:super-)?read-only option so it cannot execute this statement\b/,
    ],
    unlessAnywhere: [/\bfail(?:ed)? ?over\b|\bfailover\b/i],
    why: 'the write went to a read-only server (a replica or read-only endpoint in the connection URL), which refuses every write until the job connects to the primary',
  },
  {
    id: 'database-firewall-refuses-client',
    // Azure SQL error 40615 "Cannot open server ... Client with IP address 'x' is not allowed to
    // access the server" (Azure SQL "Troubleshoot connectivity issues", error 40615: add a
    // firewall rule) and PostgreSQL's host-based authentication (SQLSTATE 28000, "no
    // pg_hba.conf entry for host", "pg_hba.conf rejects connection"; PostgreSQL "The
    // pg_hba.conf File"). The server answers and refuses this client by rule.
    patterns: [
      /\bClient with IP address '[^']+' is not allowed to access the server\b/,
      /\bno pg_hba\.conf entry for (?:replication connection from )?host\b|\bpg_hba\.conf rejects (?:replication )?connection for host\b/,
    ],
    why: "the server is up and refuses this client by its access rules (a firewall rule or pg_hba.conf line that does not admit the client's address or SSL setting), which every attempt meets until the rule or the connection setting changes",
  },
  {
    id: 'client-speaks-other-protocol-than-port',
    // ClickHouse error 102 UNEXPECTED_PACKET_FROM_SERVER "(expected Hello or Exception, got
    // Unknown packet)": a native-protocol client on the HTTP port (8123) or a TLS port without
    // secure=True; the server's reverse "Port 9000 is for clickhouse-client program" (ClickHouse
    // "Network ports": 8123 HTTP, 9000 native, 9440 native over TLS).
    patterns: [
      /\bUnexpected packet from server \S+ \(expected Hello or Exception, got Unknown packet\)/,
      /\bPort \d+ is for clickhouse-client program\b/,
    ],
    why: 'the client speaks another protocol than the port it was given (native vs HTTP, or plaintext vs TLS), which fails every connection the same way until the port or the secure setting changes',
  },
  {
    id: 'proxy-refuses-tunnel',
    // An HTTP proxy answering CONNECT with 407 Proxy Authentication Required (RFC 9110 section
    // 15.5.8: the client must authenticate to the proxy) or 403 Forbidden (the proxy's policy
    // refuses the destination); Python's http.client reports "Tunnel connection failed: <code>",
    // Node's tunnel agents "tunneling socket could not be established, statusCode=<code>".
    patterns: [
      /\bTunnel connection failed: 40[37]\b|\btunneling socket could not be established,? statusCode=40[37]\b/i,
    ],
    why: 'the HTTP proxy refused to open the tunnel (407: proxy credentials missing or wrong; 403: the destination is not allowed), which it answers at once on every attempt until the proxy settings or its policy change',
  },
];
