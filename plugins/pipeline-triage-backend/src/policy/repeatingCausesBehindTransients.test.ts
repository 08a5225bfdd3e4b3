import { verdictOfLog } from '../__testUtils__/verdictOfLog';
import { deterministicSignOf } from '../__testUtils__/deterministicSignOf';

/**
 * Outage wording (a refused connection, a transport exception, a rebalance, "please retry")
 * over a cause every attempt meets again (issue 17, round traps5): even for a job that wrote
 * nothing the verdict is "no", and the category is the real cause's. And the other way round:
 * vendor-declared transients wrapped in a 400 still get their "yes".
 */
const triage = (logExcerpt: string) =>
  verdictOfLog(logExcerpt, { signals: { rowsWritten: 0 } });

const signOf = deterministicSignOf;

describe('repeating causes behind transient wording', () => {
  it.each([
    [
      'net.snowflake.client.jdbc.SnowflakeSQLException: Incoming request with IP/Token 52.14.7.201 is not allowed to access Snowflake. Contact your account administrator.\nConnection could not be established. Retrying attempt 2 of 3',
      'permission',
      'network-policy-blocks-address',
    ],
    [
      'open snowflake connection: 390422 (08004): Incoming request with IP/Token 10.2.3.4 is not allowed to access Snowflake.',
      'permission',
      'network-policy-blocks-address',
    ],
    [
      'org.apache.hadoop.hive.metastore.api.MetaException: Could not connect to meta store using any of the URIs provided. Most recent failure: org.apache.thrift.transport.TTransportException: GSS initiate failed',
      'permission',
      'kerberos-credentials-refused',
    ],
    [
      'ERROR transport.TSaslTransport: SASL negotiation failure\njavax.security.sasl.SaslException: GSS initiate failed [Caused by GSSException: No valid credentials provided (Mechanism level: Failed to find any Kerberos tgt)]',
      'permission',
      'kerberos-credentials-refused',
    ],
    [
      'botocore.exceptions.ClientError: An error occurred (Unsupported) when calling the RunInstances operation: Your requested instance type (c6i.4xlarge) is not supported in your requested Availability Zone (us-east-1e). Please retry your request by not specifying an Availability Zone or choosing us-east-1a, us-east-1b.',
      'config_error',
      'instance-type-not-offered-in-zone',
    ],
    [
      'org.postgresql.util.PSQLException: ERROR: replication slot "cdc_slot" is active for PID 4411\nConnectException: Failed to start replication stream',
      'config_error',
      'replication-slot-held-by-another-session',
    ],
    [
      'Caused by: org.apache.hadoop.ipc.RemoteException(org.apache.hadoop.hdfs.protocol.DSQuotaExceededException): The DiskSpace quota of /user/etl is exceeded: quota = 1099511627776 B = 1 TB but diskspace consumed = 1099645845504 B = 1.00 TB',
      'resource_exhaustion',
      'storage-quota-exceeded',
    ],
  ])('refuses a retry of %s', (log, category, sign) => {
    const v = triage(log);
    expect(v.classification.category).toBe(category);
    expect(v.retry.safeToRetry).toBe(false);
    expect(signOf(log)).toContain(
      {
        'network-policy-blocks-address': 'network policy',
        'kerberos-credentials-refused': 'Kerberos handshake',
        'instance-type-not-offered-in-zone': 'not offered',
        'replication-slot-held-by-another-session': 'replication slot',
        'storage-quota-exceeded': 'quota',
      }[sign]!,
    );
  });

  it('refuses a retry of a commit refused because the poll loop outran max.poll.interval.ms', () => {
    const log =
      'org.apache.kafka.clients.consumer.CommitFailedException: Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member. This means that the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time message processing.';
    const v = triage(log);
    expect(v.retry.safeToRetry).toBe(false);
    expect(signOf(log)).toContain('max.poll.interval.ms');
  });

  it("still retries AWS throttling reported with HTTP 400 ('Rate exceeded')", () => {
    const v = triage(
      'io.trino.spi.TrinoException: Failed to get partitions\nCaused by: software.amazon.awssdk.services.glue.model.GlueException: Rate exceeded (Service: Glue, Status Code: 400, Request ID: 1f2e3d4c) (SDK Attempt Count: 3)',
    );
    expect(v.classification.category).toBe('dependency_unavailable');
    expect(v.retry.safeToRetry).toBe(true);
  });

  it('still retries a Compute Engine zonal stockout wrapped in a 400, and still refuses a plain 400', () => {
    const stockout = triage(
      'com.google.api.client.googleapis.json.GoogleJsonResponseException: 400 Bad Request\n  "message" : "The zone \'projects/p1/zones/europe-west4-b\' does not have enough resources available to fulfill the request.  \'(resource type:compute)\'.",\n  "status" : "INVALID_ARGUMENT"',
    );
    expect(stockout.classification.category).toBe('infrastructure');
    expect(stockout.retry.safeToRetry).toBe(true);
    expect(
      triage(
        'com.google.api.client.googleapis.json.GoogleJsonResponseException: 400 Bad Request\n  "message" : "Invalid value for field \'resource.machineType\'",\n  "status" : "INVALID_ARGUMENT"',
      ).retry.safeToRetry,
    ).toBe(false);
  });
});
