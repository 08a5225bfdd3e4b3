import { verdictOfLog } from '../../__testUtils__/verdictOfLog';

/** Outage-like wording over a cause that repeats: the real cause's category, and no retry. */
describe('repeating causes behind transient wording', () => {
  it.each([
    [
      'com.zaxxer.hikari.pool.HikariPool$PoolInitializationException: Failed to initialize pool: Incoming request with IP/Token 34.1.2.3 is not allowed to access Snowflake. Contact your account administrator.',
      'permission',
      'snowflake-network-policy-blocks-ip',
    ],
    [
      'io.trino.spi.TrinoException: Failed connecting to Hive metastore: [meta-2:9083]\nCaused by: org.apache.thrift.transport.TTransportException: Peer indicated failure: GSS initiate failed',
      'permission',
      'kerberos-sasl-handshake-refused',
    ],
    [
      'Could not launch On-Demand Instances. Unsupported - Your requested instance type (g4dn.xlarge) is not supported in your requested Availability Zone (ap-south-1c). Please retry your request by not specifying an Availability Zone or choosing ap-south-1a, ap-south-1b. Launching EC2 instance failed.',
      'config_error',
      'instance-type-not-offered-in-zone',
    ],
    [
      'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "warehouse" (10.0.0.5), port 5432 failed: FATAL:  sorry, too many clients already',
      'resource_exhaustion',
      'postgres-connection-slots-exhausted',
    ],
    [
      'org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException: Could not acquire the minimum required resources.\nINFO  org.apache.flink.runtime.jobmaster.JobMaster - Current slot service status: registered TMs: 2, registered slots: 4 free slots: 0',
      'resource_exhaustion',
      'flink-registered-slots-short-of-demand',
    ],
    [
      'org.postgresql.util.PSQLException: ERROR: replication slot "orders_slot" is active for PID 812\norg.apache.kafka.connect.errors.ConnectException: Failed to start replication stream',
      'config_error',
      'replication-slot-in-use',
    ],
  ])('%s -> %s, not safe', (log, category, rule) => {
    const v = verdictOfLog(log, { signals: { rowsWritten: 0 } });
    expect(v.classification.category).toBe(category);
    expect(v.classification.rules).toContain(rule);
    expect(v.retry.safeToRetry).toBe(false);
  });

  it('leaves a Flink cluster with no TaskManager registered to the platform rule', () => {
    const v = verdictOfLog(
      'org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException: Could not acquire the minimum required resources.\nCurrent slot service status: registered TMs: 0, registered slots: 0 free slots: 0',
    );
    expect(v.classification.rules).not.toContain(
      'flink-registered-slots-short-of-demand',
    );
    expect(v.classification.category).toBe('infrastructure');
  });

  it('names a Compute Engine zonal stockout as the platform, not a rejected request', () => {
    const v = verdictOfLog(
      "Workflow failed. Causes: Startup of the worker pool in zone us-east1-b failed to bring up any of the desired 2 workers. ZONE_RESOURCE_POOL_EXHAUSTED: Instance creation failed: The zone 'projects/p/zones/us-east1-b' does not have enough resources available to fulfill the request.  Try a different zone, or try again later.",
      { signals: { rowsWritten: 0 } },
    );
    expect(v.classification.category).toBe('infrastructure');
    expect(v.classification.rules).toContain('gce-zonal-stockout');
    expect(v.retry.safeToRetry).toBe(true);
  });
});
