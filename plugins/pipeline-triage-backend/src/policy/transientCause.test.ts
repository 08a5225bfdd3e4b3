import { extractEvidence } from '../evidence';
import { RETRYABLE_CLASSES } from './retryableClasses';
import { findTransientCause } from './transientCause';
import { nonTransientReason } from './transience';

const evidence = (logExcerpt: string, signals?: Record<string, unknown>) =>
  extractEvidence({ logExcerpt, signals: signals as never });

describe('findTransientCause', () => {
  it.each([
    [
      'requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://api.example.com/x',
      'http-throttled-or-unavailable',
    ],
    [
      'botocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling the GetJobRun operation: Rate exceeded',
      'aws-throttling-or-transient',
    ],
    [
      'psycopg2.OperationalError: could not connect to server: Connection refused\n\tIs the server running on host "db-1" (10.0.0.5) and accepting TCP/IP connections on port 5432?',
      'sql-connection-or-serialization',
    ],
    [
      'ERROR: could not serialize access due to concurrent update (SQLSTATE 40001)',
      'sql-connection-or-serialization',
    ],
    [
      "redshift_connector.error.ProgrammingError: {'S': 'ERROR', 'C': 'XX000', 'M': '1023', 'D': 'Serializable isolation violation on table - 1, transactions forming the cycle are: 2, 3 (pid:4)'}",
      'sql-connection-or-serialization',
    ],
    [
      '  1023\n  DETAIL:  Serializable isolation violation on table - 2384112, transactions forming the cycle are: 90117731, 90117802 (pid:31270)',
      'sql-connection-or-serialization',
    ],
    [
      'google.api_core.exceptions.ServiceUnavailable: 503 failed to connect to all addresses; last error: UNAVAILABLE: ipv4:10.1.2.3:443',
      'http-throttled-or-unavailable',
    ],
    [
      'grpc._channel._InactiveRpcError: status = StatusCode.UNAVAILABLE details = "Socket closed"',
      'grpc-unavailable-or-quota',
    ],
    [
      'Cluster terminated. Reason: SPOT_INSTANCE_TERMINATION (CLOUD_FAILURE)',
      'node-preempted-or-lost',
    ],
    [
      'ERROR - Detected zombie job: {"DAG Id": "x", "Task Id": "y"} (See https://airflow.apache.org/docs)',
      'worker-heartbeat-lost',
    ],
    [
      'PodLaunchFailedException: Pod docker image cannot be pulled, unable to start: ErrImagePull\npull QPS exceeded',
      'image-pull-throttled',
    ],
    [
      'Warning FailedScheduling pod/x 0/4 nodes are available: 4 Insufficient memory.\nNormal TriggeredScaleUp pod/x pod triggered scale-up: [{pool-highmem 2->3 (max: 6)}]',
      'capacity-temporarily-unavailable',
    ],
    [
      "Pod event 'FailedScheduling': 0/9 nodes are available: 9 Insufficient memory.\nPod event 'Nominated': Pod should schedule on: nodeclaim/general-4hq7t",
      'capacity-temporarily-unavailable',
    ],
  ])('names the class of %s', (log, id) => {
    expect(
      findTransientCause(evidence(log), 'dependency_unavailable')?.classId,
    ).toBe(id);
  });

  it('finds nothing in a failure that names no transient cause', () => {
    expect(
      findTransientCause(
        evidence('ValueError: invalid literal for int() with base 10'),
        'dependency_unavailable',
      ),
    ).toBeUndefined();
  });

  it('takes a measured delay as named late data, for a source delay only', () => {
    const ev = evidence(
      'FileNotFoundError: [Errno 2] No such file: /in/partner/manifest.json',
      { delaySeconds: 3600 },
    );
    expect(findTransientCause(ev, 'source_delay')?.classId).toBe(
      'upstream-not-landed',
    );
    expect(findTransientCause(ev, 'dependency_unavailable')).toBeUndefined();
  });

  it('does not take a stale source alone as late data: only a measured age or delay', () => {
    const stale =
      '06:00:12  3 of 5 ERROR STALE freshness of crm.accounts ........ [ERROR STALE in 1.2s]';
    expect(findTransientCause(evidence(stale), 'source_delay')).toBeUndefined();
    expect(
      findTransientCause(
        evidence(stale, { delaySeconds: 30600 }),
        'source_delay',
      )?.classId,
    ).toBe('upstream-not-landed');
    expect(
      findTransientCause(
        evidence(
          '06:00:12  Warned [ 0.3s] source crm.accounts (last updated 9 hours ago)\n06:00:12  ERROR STALE freshness of crm.accounts',
        ),
        'source_delay',
      )?.classId,
    ).toBe('upstream-not-landed');
  });

  it('reads a date inside a missing name as late data, but not the timestamp of a log line', () => {
    const dated = evidence(
      '[2024-12-02, 06:00:06 UTC] ERROR - FileNotFoundError: No such file: /outgoing/STMT_ACME_20241201.csv',
    );
    expect(findTransientCause(dated, 'source_delay')?.classId).toBe(
      'upstream-not-landed',
    );
    const undated = evidence(
      '[2024-12-02, 06:00:06 UTC] ERROR - FileNotFoundError: No such file: /outgoing/statements.csv',
    );
    expect(findTransientCause(undated, 'source_delay')).toBeUndefined();
  });

  it('names the vendor source of every class', () => {
    for (const c of RETRYABLE_CLASSES)
      expect(c.source).toMatch(/https?:\/\/|Javadoc|client/);
  });
});

describe('deterministic signs', () => {
  const sign = (log: string) =>
    nonTransientReason(evidence(log), 'source_delay')?.reason;

  it.each([
    [
      'INFO - Poking for key : s3://drop/pricing/{{ ds_nodash }}/_SUCCESS\nAirflowSensorTimeout: Sensor has timed out',
      /unrendered template/,
    ],
    [
      'INFO - Poking for up.load on 2021-01-14T17:33:14.178268+00:00 ...\nAirflowSensorTimeout: Snap. Time is OUT.',
      /can never match/,
    ],
    [
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='gw', port=8500): Max retries exceeded (Caused by SSLError(SSLError(1, '[SSL: WRONG_VERSION_NUMBER] wrong version number')))",
      /TLS/,
    ],
    [
      'javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target',
      /TLS/,
    ],
    [
      'org.apache.spark.shuffle.FetchFailedException: Too large frame: 2624680416',
      /larger than a hard limit/,
    ],
    ['airflow.exceptions.AirflowException: 400:Bad Request', /HTTP 400/],
    [
      'Cluster terminated. Reason: Cloud Provider Launch Failure\nA cloud provider error was encountered while setting up the cluster. azure_error_code: SubnetIsFull, azure_error_message: Subnet /subscriptions/x/subnets/private does not have enough free addresses to launch 8 nodes.',
      /no free IP addresses/,
    ],
    [
      'An error occurred (InsufficientFreeAddressesInSubnet) when calling the RunInstances operation: There are not enough free addresses in subnet subnet-0a1b2c to satisfy the requested number of instances.',
      /no free IP addresses/,
    ],
    [
      'INFO - Poking for key : s3://drops/orders/dt=None/_SUCCESS\nAirflowSensorTimeout: Sensor has timed out',
      /empty value/,
    ],
    [
      'INFO - Poking for gs://lake/events/1970/01/01/part-0.json\nAirflowSensorTimeout: Sensor has timed out',
      /empty value/,
    ],
    [
      'INFO - Poking for file /landing/vcf/2022-11-24/a.vcf.gz\nINFO - upstream writer calls.variant_call for 2022-11-24 is in state failed\nAirflowSensorTimeout: Sensor has timed out',
      /has failed rather than being late/,
    ],
    [
      "Warning FailedScheduling pod/airflow-worker-0 0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..",
      /placement rule/,
    ],
    [
      'Warning FailedScheduling pod/x 0/3 nodes are available: 3 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.',
      /placement rule/,
    ],
    [
      "Normal NotTriggerScaleUp pod/x pod didn't trigger scale-up: 2 Insufficient memory",
      /autoscaler found no node group/,
    ],
    [
      'org.apache.kafka.common.errors.IllegalSaslStateException: Unexpected handshake request with client mechanism PLAIN, enabled mechanisms are []',
      /SASL mechanism/,
    ],
    [
      'javax.net.ssl.SSLHandshakeException: Received fatal alert: unknown_ca',
      /TLS/,
    ],
    [
      'PodUnschedulable  Cannot schedule pods: Insufficient cpu.\n[W proxy] 503 GET /hub/api/users: Service Unavailable (hub pod not running)',
      /cannot place its own pod/,
    ],
    [
      'botocore.exceptions.ClientError: An error occurred (RequestTimeTooSkewed) when calling the GetObject operation: The difference between the request time and the current time is too large.',
      /clock is off/,
    ],
    [
      'org.apache.hadoop.security.authentication.client.AuthenticationException: GSSException: Clock skew too great (37)',
      /clock is off/,
    ],
    [
      'Caused by: java.security.cert.CertificateException: No subject alternative names matching IP address 10.1.2.3 found',
      /does not name the host/,
    ],
    [
      "Error: Hostname/IP does not match certificate's altnames: Host: api.internal. is not in the cert's altnames: DNS:*.example.com",
      /does not name the host/,
    ],
    [
      'Caused by: javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?',
      /TLS and the other plaintext/,
    ],
    [
      'org.apache.kafka.common.network.InvalidReceiveException: Invalid receive (size = 369296128 larger than 104857600)',
      /TLS and the other plaintext/,
    ],
    [
      'Get "https://registry.internal:5000/v2/": http: server gave HTTP response to HTTPS client',
      /TLS and the other plaintext/,
    ],
    [
      "ERROR 2013 (HY000): Lost connection to MySQL server during query\n[Note] Aborted connection 9 to db: 'dw' (Got a packet bigger than 'max_allowed_packet' bytes)",
      /larger than a size limit/,
    ],
    [
      '%3|1704941148.962|FAIL|rdkafka#consumer-1| [thrd:b1:9092/1]: b1:9092/1: Receive failed: Invalid response size 100000039 (0..100000000): increase receive.message.max.bytes',
      /larger than a size limit/,
    ],
    [
      "RESOURCE_EXHAUSTED: Quota exceeded for quota metric 'All requests' and limit 'All requests per day' of service 'photoslibrary.googleapis.com'",
      /quota for the whole period/,
    ],
    [
      "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota'}}",
      /quota for the whole period/,
    ],
  ])('refuses %s', (log, why) => {
    expect(sign(log)).toMatch(why);
  });

  it('takes a 4xx that names a rate limit as throttling, not as a rejected request', () => {
    const log =
      'google.api_core.exceptions.BadRequest: 400 Exceeded rate limits: too many table update operations for this table.';
    expect(
      nonTransientReason(evidence(log), 'dependency_unavailable'),
    ).toBeUndefined();
    expect(
      findTransientCause(evidence(log), 'dependency_unavailable')?.classId,
    ).toBe('rate-limited');
  });

  it('leaves an ordinary Kafka frame over the limit and a plain connection reset alone', () => {
    // Only the ~369 MB length a TLS ClientHello reads as marks a protocol mismatch.
    expect(
      sign(
        'org.apache.kafka.common.network.InvalidReceiveException: Invalid receive (size = 104857700 larger than 104857600)',
      ),
    ).toBeUndefined();
    expect(
      sign('ConnectionResetError: [Errno 104] Connection reset by peer'),
    ).toBeUndefined();
  });

  it('keeps a lost connection retryable unless the server says the packet was too big', () => {
    const lost =
      'ERROR 2013 (HY000): Lost connection to MySQL server during query';
    expect(nonTransientReason(evidence(lost))).toBeUndefined();
    expect(
      nonTransientReason(
        evidence(
          `${lost}\n[Note] Aborted connection 6 (Got a packet bigger than 'max_allowed_packet' bytes)`,
        ),
      )?.reason,
    ).toMatch(/larger than a size limit/);
  });

  it('keeps a per-minute quota a rate, not a spent allowance', () => {
    const log =
      "google.api_core.exceptions.ResourceExhausted: 429 Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'";
    expect(sign(log)).toBeUndefined();
    expect(
      findTransientCause(evidence(log), 'dependency_unavailable'),
    ).toBeDefined();
  });

  it('leaves a late dated file alone', () => {
    expect(
      sign(
        'INFO - Downloading /outgoing/STMT_20241201.csv\nFileNotFoundError: [Errno 2] No such file',
      ),
    ).toBeUndefined();
  });
});

describe('signs that outweigh a transient cause', () => {
  it("does not read the scheduler's pre-emption diagnostics as a pre-emption", () => {
    const ev = evidence(
      'Warning FailedScheduling pod/x 0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    );
    expect(findTransientCause(ev, 'infrastructure')?.classId).not.toBe(
      'node-preempted-or-lost',
    );
  });

  it("holds a deadline that outlived the platform's own retries as deterministic, but not lost nodes that did", () => {
    const deadline = evidence(
      'google.api_core.exceptions.DeadlineExceeded: 504 Deadline Exceeded\nWorkflow failed. Causes: S04 failed., The job failed because a work item has failed 4 times.',
    );
    expect(nonTransientReason(deadline)?.reason).toMatch(
      /same deadline every time/,
    );
    const lost = evidence(
      'org.apache.spark.SparkException: Job aborted due to stage failure: Task 3 in stage 2.0 failed 4 times, most recent failure: ExecutorLostFailure (executor 7 exited caused by one of the running tasks) Reason: Container marked as failed: Spot instance interruption',
    );
    expect(nonTransientReason(lost)).toBeUndefined();
  });

  it('reads the scheduler saying pre-emption cannot help as no pre-emption', () => {
    const ev = evidence(
      "Warning FailedScheduling pod/x 0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..",
    );
    expect(findTransientCause(ev, 'infrastructure')).toBeUndefined();
  });

  it('takes a pod short of CPU as transient only once the autoscaler adds a node', () => {
    expect(
      findTransientCause(
        evidence(
          "Warning FailedScheduling pod/x 0/6 nodes are available: 3 Insufficient cpu, 3 node(s) had taints that the pod didn't tolerate.",
        ),
        'infrastructure',
      ),
    ).toBeUndefined();
    const mixed = evidence(
      "Warning FailedScheduling pod/x 0/6 nodes are available: 3 Insufficient cpu, 3 node(s) had taints that the pod didn't tolerate.",
    );
    expect(nonTransientReason(mixed)).toBeUndefined();
  });

  it('holds a placement failure while earlier attempts still run as deterministic', () => {
    const ev = evidence(
      'Pods still running for this connection: repl-job-50-attempt-0, repl-job-50-attempt-1\nWarning FailedScheduling pod/repl-job-50-attempt-2 0/3 nodes are available: 3 Insufficient cpu.',
    );
    expect(nonTransientReason(ev)?.reason).toMatch(
      /earlier attempts still hold the capacity/,
    );
    expect(
      nonTransientReason(
        evidence(
          'Warning FailedScheduling pod/x 0/3 nodes are available: 3 Insufficient cpu.',
        ),
      ),
    ).toBeUndefined();
  });
});
