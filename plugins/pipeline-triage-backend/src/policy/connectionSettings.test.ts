import { verdictOfLog } from '../__testUtils__/verdictOfLog';
import { deterministicSignOf } from '../__testUtils__/deterministicSignOf';

/**
 * Round traps7: connection-level errors whose cause is a setting (a broker advertising
 * localhost, the database's connection slots used up by the deployment's own pools, a write
 * sent to a read-only server, a firewall or pg_hba rule, a client on the wrong protocol's port,
 * a proxy refusing the tunnel). Each sign is checked directly; the verdict must not be "safe",
 * and the passing outages beside them (start-up, recovery, admin shutdown, a remote refusal)
 * stay retryable.
 */
const triage = (logExcerpt: string) =>
  verdictOfLog(logExcerpt, { signals: { rowsWritten: 0 } });
const sign = deterministicSignOf;

describe('connection errors caused by a setting', () => {
  it.each([
    [
      'a Kafka broker that advertises localhost',
      '[AdminClient clientId=inv] Connection to node 1 (localhost/127.0.0.1:9092) could not be established. Broker may not be available.\norg.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: listTopics',
      /loopback/,
      'config_error',
    ],
    [
      "Postgres max_connections used up by the deployment's pools",
      'psycopg2.OperationalError: FATAL:  sorry, too many clients already',
      /connection slots/,
      'resource_exhaustion',
    ],
    [
      "a role's connection limit reached",
      'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) FATAL:  too many connections for role "etl_user"',
      /connection slots/,
      'resource_exhaustion',
    ],
    [
      'an UPDATE sent to a Postgres replica',
      'org.postgresql.util.PSQLException: ERROR: cannot execute UPDATE in a read-only transaction',
      /read-only server/,
      'config_error',
    ],
    [
      'an INSERT sent to a read-only MySQL server',
      'java.sql.SQLException: The MySQL server is running with the --read-only option so it cannot execute this statement',
      /read-only server/,
      'config_error',
    ],
    [
      "an Azure SQL firewall without the client's address",
      "com.microsoft.sqlserver.jdbc.SQLServerException: Cannot open server 'erp' requested by the login. Client with IP address '34.1.2.3' is not allowed to access the server.  To enable access, use the Windows Azure Management Portal or run sp_set_firewall_rule on the master database to create a firewall rule for this IP address or address range.",
      /access rules/,
      'permission',
    ],
    [
      'a pg_hba.conf with no entry for a plaintext connection',
      'org.postgresql.util.PSQLException: FATAL: no pg_hba.conf entry for host "10.2.3.4", user "gis", database "parcels", SSL off',
      /access rules/,
      'config_error',
    ],
    [
      'a native ClickHouse client on the HTTP port',
      'clickhouse_driver.errors.UnexpectedPacketFromServerError: Code: 102. Unexpected packet from server ch.internal:8123 (expected Hello or Exception, got Unknown packet)',
      /another protocol/,
      'config_error',
    ],
    [
      'a proxy asking for credentials',
      "requests.exceptions.ProxyError: HTTPSConnectionPool(host='tm1.corp', port=8010): Max retries exceeded with url: /api/v1 (Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 407 Proxy Authentication Required')))",
      /proxy refused/,
      'config_error',
    ],
    [
      'a proxy refusing the destination',
      "requests.exceptions.ProxyError: HTTPSConnectionPool(host='cal.example', port=443): Max retries exceeded with url: /x.ics (Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 403 Forbidden')))",
      /proxy refused/,
      'config_error',
    ],
  ])('refuses a retry of %s', (_name, log, reason, category) => {
    expect(sign(log)).toMatch(reason);
    const v = triage(log);
    expect(v.retry.safeToRetry).toBe(false);
    expect(v.classification.category).toBe(category);
  });
});

describe('passing connection outages stay retryable', () => {
  it.each([
    [
      'a Postgres still starting up',
      'psycopg2.OperationalError: connection to server at "db" (172.19.0.3), port 5432 failed: FATAL:  the database system is starting up',
    ],
    [
      'a Postgres in crash recovery',
      'django.db.utils.OperationalError: connection to server at "pg" (172.27.0.2), port 5432 failed: FATAL:  the database system is in recovery mode',
    ],
    [
      'a session closed by a database restart (57P01)',
      'LOG:  received fast shutdown request\npsycopg2.errors.AdminShutdown: terminating connection due to administrator command\nserver closed the connection unexpectedly',
    ],
    [
      'a Kafka broker at a remote address that is down',
      '[Producer clientId=p] Connection to node 2 (kafka-2.data.svc/10.4.1.22:9092) could not be established. Broker may not be available.',
    ],
    [
      'a proxy that is itself unavailable',
      "requests.exceptions.ProxyError: HTTPSConnectionPool(host='api.example', port=443): Max retries exceeded with url: / (Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 503 Service Unavailable')))",
    ],
    [
      'a write refused by the old writer during a failover',
      'Started cross AZ failover to DB instance: orders-db-2\nError 1290: The MySQL server is running with the --read-only option so it cannot execute this statement',
    ],
  ])('keeps no deterministic sign on %s', (_name, log) => {
    expect(sign(log)).toBeUndefined();
  });

  it('still retries a database that is starting up', () => {
    const v = triage(
      'psycopg2.OperationalError: connection to server at "db" (172.19.0.3), port 5432 failed: FATAL:  the database system is starting up',
    );
    expect(v.retry.safeToRetry).toBe(true);
  });
});

describe('a MongoDB replica set whose configured members are not the seed hosts', () => {
  const log = (member: string) =>
    `INFO - Connecting to mongodb://sync:***@10.1.0.11:27017,10.1.0.12:27017/admin?replicaSet=rs0\npymongo.errors.ServerSelectionTimeoutError: ${member}:27017: [Errno 110] Connection timed out, Timeout: 30s, Topology Description: <TopologyDescription id: 1, topology_type: ReplicaSetNoPrimary, servers: [<ServerDescription ('${member}', 27017) server_type: Unknown, rtt: None, error=AutoReconnect('${member}:27017: [Errno 110] Connection timed out')>]>`;

  it('refuses a retry when the topology lists only members outside the seed list', () => {
    expect(sign(log('10.9.9.80'))).toMatch(/replica set's configuration/);
    expect(triage(log('10.9.9.80')).retry.safeToRetry).toBe(false);
  });

  it('keeps a timeout on the seed hosts themselves to the usual policy', () => {
    expect(sign(log('10.1.0.11'))).toBeUndefined();
  });
});
