import { verdictOfLog } from '../__testUtils__/verdictOfLog';
import { deterministicSignOf } from '../__testUtils__/deterministicSignOf';

/**
 * Failures that read like an outage (connection dropped, handshake failed, 403 from storage)
 * but fail the same way on every attempt. Even for an idempotent job that wrote nothing, the
 * verdict must not say "safe to retry", and the category must not be the default-safe one.
 */
const triage = (logExcerpt: string) =>
  verdictOfLog(logExcerpt, { signals: { rowsWritten: 0 } });

describe('failures that look transient but are deterministic', () => {
  it.each([
    [
      'botocore.exceptions.ClientError: An error occurred (RequestTimeTooSkewed) when calling the PutObject operation: The difference between the request time and the current time is too large.',
      'infrastructure',
    ],
    [
      'javax.ws.rs.ProcessingException: javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?',
      'config_error',
    ],
    [
      'WARN Unexpected error from /10.0.0.7; closing connection\norg.apache.kafka.common.network.InvalidReceiveException: Invalid receive (size = 369295616 larger than 104857600)',
      'config_error',
    ],
    [
      "ERROR 2013 (HY000) at line 88: Lost connection to MySQL server during query\n[Note] Aborted connection 6 to db: 'dw' (Got a packet bigger than 'max_allowed_packet' bytes)",
      'config_error',
    ],
    [
      "com.google.api.gax.rpc.ResourceExhaustedException: io.grpc.StatusRuntimeException: RESOURCE_EXHAUSTED: Quota exceeded for quota metric 'All requests' and limit 'All requests per day' of service 'photoslibrary.googleapis.com'",
      'resource_exhaustion',
    ],
  ])('refuses a retry of %s', (log, category) => {
    const v = triage(log);
    expect(v.classification.category).toBe(category);
    expect(v.retry.safeToRetry).toBe(false);
  });

  it('still retries a plain lost connection of an idempotent job', () => {
    const v = triage(
      'java.net.SocketException: Connection reset\n\tat java.net.SocketInputStream.read(SocketInputStream.java:210)',
    );
    expect(v.retry.safeToRetry).toBe(true);
  });

  // Spark counts a lost executor against a task only when it blames the task, so a task that
  // used up its retries on executor losses keeps taking its executors down.
  const taskRetriesLostExecutors = (extra: string) =>
    [
      'WARN HeartbeatReceiver: Removing executor 3 with no recent heartbeats: 171002 ms exceeds timeout 120000 ms',
      'ERROR TaskSchedulerImpl: Lost executor 3 on 10.1.4.22: Executor heartbeat timed out after 171002 ms',
      extra,
      'org.apache.spark.SparkException: Job aborted due to stage failure: Task 7 in stage 2.0 failed 4 times, most recent failure: Lost task 7.3 in stage 2.0 (TID 88) (10.1.4.22 executor 3): ExecutorLostFailure (executor 3 exited caused by one of the running tasks) Reason: Executor heartbeat timed out after 171002 ms',
    ].join('\n');

  it('refuses a retry when every attempt of a task lost its executor', () => {
    const v = triage(taskRetriesLostExecutors(''));
    expect(v.classification.category).toBe('infrastructure');
    expect(v.retry.safeToRetry).toBe(false);
    expect(v.retry.reason).toMatch(
      /every retry of the same task lost its executor/,
    );
  });

  it('still retries task losses on executors a pre-emption took', () => {
    const v = triage(
      taskRetriesLostExecutors(
        'WARN YarnAllocator: Container container_1_0002_01_000004 on host 10.1.4.22 was preempted.',
      ),
    );
    expect(v.retry.safeToRetry).toBe(true);
  });

  it('does not read connection errors to a worker killed on request as a network fault', () => {
    const killed = [
      'WARN akka.remote.ReliableDeliverySupervisor - Association with remote system [akka.tcp://flink@worker-7:40111] has failed, address is now gated for [50] ms. Caused by: [java.net.ConnectException: Connection refused: worker-7/10.2.0.7:40111]',
      'INFO YarnResourceManagerDriver - Container container_e02_0001_01_000004 on worker-7 completed with exit code 143, diagnostics: Container killed on request. Exit code is 143',
      'org.apache.flink.runtime.jobmaster.JobMasterException: TaskManager with id container_e02_0001_01_000004(worker-7:40111) is no longer reachable.',
    ];
    expect(triage(killed.join('\n')).retry.safeToRetry).toBe(false);
    // The same loss with the pre-emption named stays retryable.
    expect(
      triage(
        [
          ...killed,
          'INFO YarnResourceManagerDriver - Container container_e02_0001_01_000004 was preempted by the scheduler.',
        ].join('\n'),
      ).retry.safeToRetry,
    ).toBe(true);
  });

  it("does not call a service's exhausted connection pool a passing outage", () => {
    const v = triage(
      [
        'ERROR prefect.server - Encountered exception in request: sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00',
        "prefect.exceptions.PrefectHTTPStatusError: Server error '503 Service Unavailable' for url 'http://orchestrator:4200/api/flow_runs/filter'",
      ].join('\n'),
    );
    expect(v.retry.safeToRetry).toBe(false);
    expect(v.retry.reason).toMatch(/connection pool is exhausted/);
    // A 503 alone is still the vendor-declared retryable status.
    expect(
      triage(
        "prefect.exceptions.PrefectHTTPStatusError: Server error '503 Service Unavailable' for url 'http://orchestrator:4200/api/flow_runs/filter'",
      ).retry.safeToRetry,
    ).toBe(true);
  });
});

describe('first-seen look-alikes: an outage word over a failure that cannot pass', () => {
  it.each([
    [
      'a gRPC 503 for a host name built from a tuple',
      "google.api_core.exceptions.ServiceUnavailable: 503 DNS resolution failed for ('us',)-documentai.googleapis.com:443: UNAVAILABLE: WSA Error",
      /endpoint host is malformed/,
    ],
    [
      'a gRPC 503 for an endpoint given with a URL scheme',
      'google.api_core.exceptions.ServiceUnavailable: 503 DNS resolution failed for https://eu-discoveryengine.googleapis.com: C-ares status is not ARES_SUCCESS qtype=SRV name=_grpclb._tcp.https: Domain name not found',
      /endpoint host is malformed/,
    ],
    [
      'an Azure storage host whose account name no account can have',
      "HTTPSConnectionPool(host='storage_account_name.blob.core.windows.net', port=443): Max retries exceeded with url: /landing?restype=container (Caused by NewConnectionError('<urllib3.connection.VerifiedHTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno -2] Name or service not known'))",
      /endpoint host is malformed/,
    ],
    [
      'a Databricks launch failure that is the subscription core quota',
      'Cloud Provider Launch Failure: A cloud provider error was encountered while setting up the cluster.\nAzure error code: OperationNotAllowed\nAzure error message: Operation results in exceeding quota limits of Core. Maximum allowed: 8, Current in use: 8, Additional requested: 4.\nTermination reason: CLOUD_PROVIDER_LAUNCH_FAILURE (CLOUD_FAILURE)',
      /quota/,
    ],
    [
      'a Databricks termination on the Azure family quota',
      'Cluster 0101-000000-abc is in unexpected state Terminated: AZURE_QUOTA_EXCEEDED_EXCEPTION(CLIENT_ERROR): azure_error_code:QuotaExceeded,azure_error_message:Operation could not be completed as it results in exceeding approved standardDSv2Family Cores quota.',
      // Read as resource exhaustion (a category never retried) or refused by the quota sign.
      /quota|same limit/,
    ],
    [
      'a producer timeout on a topic the brokers say does not exist',
      '[Producer clientId=p1] The metadata response from the cluster reported a recoverable issue with correlation id 9 : {orders=UNKNOWN_TOPIC_OR_PARTITION}\norg.apache.kafka.common.errors.TimeoutException: Topic orders not present in metadata after 60000 ms.',
      /topic does not exist/,
    ],
    [
      'an ask timeout after Akka discarded an oversized payload',
      'ERROR akka.remote.EndpointWriter - Transient association error (association remains live)\nakka.remote.OversizedPayloadException: Discarding oversized payload sent to Actor[akka.tcp://flink@tm-1:6122/user/rpc/taskmanager_0#1]: max allowed size 10485760 bytes, actual size of encoded class org.apache.flink.runtime.rpc.messages.RemoteRpcInvocation was 48211950 bytes.\nakka.pattern.AskTimeoutException: Ask timed out on [Actor[akka.tcp://flink@tm-1:6122/user/rpc/taskmanager_0#1]] after [10000 ms].',
      /larger than a hard limit/,
    ],
  ])('refuses a retry of %s', (_name, log, reason) => {
    const v = triage(log);
    expect(v.retry.safeToRetry).toBe(false);
    // The sign itself names it, whatever category the rules give it (a category that is never
    // retried, such as a configuration error, refuses before the signs are read).
    expect(deterministicSignOf(log, 'infrastructure')).toMatch(reason);
  });

  it("still retries Databricks' 429 REQUEST_LIMIT_EXCEEDED, a rate limit and not a daily quota", () => {
    const v = triage(
      'airflow.exceptions.AirflowException: Response: b\'{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"Your request was rejected due to API rate limiting. Please retry your request later, or choose a larger tier."}\', Status Code: 429',
    );
    expect(v.retry.safeToRetry).toBe(true);
  });

  it("still refuses Salesforce's TotalRequests limit, the day's allowance", () => {
    const v = triage(
      '[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]',
    );
    expect(v.retry.safeToRetry).toBe(false);
  });

  it('still retries a gRPC 503 on a well-formed host and a capacity launch failure', () => {
    expect(
      triage(
        'google.api_core.exceptions.ServiceUnavailable: 503 failed to connect to all addresses; last error: UNAVAILABLE: ipv4:142.250.1.95:443: Socket closed',
      ).retry.safeToRetry,
    ).toBe(true);
    expect(
      triage(
        'Cluster terminated. Reason: Cloud Provider Launch Failure\nTermination reason: CLOUD_PROVIDER_LAUNCH_FAILURE (CLOUD_FAILURE): InsufficientInstanceCapacity: We currently do not have sufficient r5d.4xlarge capacity in the Availability Zone you requested.',
      ).retry.safeToRetry,
    ).toBe(true);
  });
});
