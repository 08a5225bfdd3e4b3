import { verdictOfLog } from '../../__testUtils__/verdictOfLog';

/** Outage-like wording over a setting or an account limit: the category and no retry. */
describe('settings behind transient wording', () => {
  it.each([
    [
      'grpc._channel._MultiThreadedRendezvous: <_MultiThreadedRendezvous of RPC that terminated with:\n\tstatus = StatusCode.UNAVAILABLE\n\tdetails = "DNS resolution failed for https://bigtable.example-endpoint.com:443: C-ares status is not ARES_SUCCESS qtype=A name=https is_balancer=0: Domain name not found"',
      'config_error',
      'endpoint-host-malformed',
    ],
    [
      "azure.core.exceptions.ServiceRequestError: <urllib3.connection.HTTPSConnection object at 0x7f>: Failed to resolve 'my_storage_acct.blob.core.windows.net' ([Errno -2] Name or service not known)\nRequest URL: 'https://my_storage_acct.blob.core.windows.net/landing?restype=container'",
      'config_error',
      'endpoint-host-malformed',
    ],
    [
      'socket.gaierror: [Errno -2] Name or service not known\nbotocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: "https://glue.us-east-7.amazonaws.com/"',
      'config_error',
      'aws-endpoint-does-not-resolve',
    ],
    [
      'Cluster terminated. Reason: GCP_QUOTA_EXCEEDED (CLIENT_ERROR): Quota CPUS_ALL_REGIONS exceeded. Limit: 24.0 globally.',
      'resource_exhaustion',
      'cloud-account-core-quota',
    ],
    [
      'WARN [Producer clientId=loader-1] Error while fetching metadata with correlation id 12 : {clicks=UNKNOWN_TOPIC_OR_PARTITION}\norg.apache.kafka.common.errors.TimeoutException: Topic clicks not present in metadata after 120000 ms.',
      'config_error',
      'kafka-topic-does-not-exist',
    ],
    [
      'ERROR org.apache.pekko.remote.EndpointWriter - Transient association error\norg.apache.pekko.remote.OversizedPayloadException: Discarding oversized payload sent to Actor[pekko.tcp://flink@tm-3:6122/user/rpc/taskmanager_0#1]: max allowed size 10485760 bytes',
      'resource_exhaustion',
      'akka-oversized-payload',
    ],
  ])('%s -> %s, not safe', (log, category, rule) => {
    const v = verdictOfLog(log);
    expect(v.classification.category).toBe(category);
    expect(v.classification.rules).toContain(rule);
    expect(v.retry.safeToRetry).toBe(false);
  });

  it('leaves a well-formed host that fails to resolve, or an existing topic, to the other rules', () => {
    expect(
      verdictOfLog(
        'grpc._channel._InactiveRpcError: status = StatusCode.UNAVAILABLE details = "DNS resolution failed for bigquerystorage.googleapis.com:443: C-ares status is not ARES_SUCCESS: Timeout while contacting DNS servers"',
      ).classification.rules,
    ).not.toContain('endpoint-host-malformed');
    expect(
      verdictOfLog(
        'org.apache.kafka.common.errors.TimeoutException: Topic clicks not present in metadata after 60000 ms.',
      ).classification.rules,
    ).not.toContain('kafka-topic-does-not-exist');
  });
});
