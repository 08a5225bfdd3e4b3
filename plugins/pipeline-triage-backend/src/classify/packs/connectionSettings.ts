import type { RulePack } from '../ruleTypes';

/**
 * Connection-level failures whose cause is a setting, not a passing outage (issue 17, round
 * traps7): the server answered, or the address dialled is one the configuration chose, and it
 * answers the same on every attempt. The retry policy refuses them through its deterministic
 * signs (policy/deterministicSigns.ts, same families); these rules give them their category.
 *
 * Sources:
 * - Kafka "Broker Configs", advertised.listeners: clients connect to the address the broker
 *   advertises, so a broker advertising localhost sends remote clients to their own loopback
 *   (the Java client logs "Connection to node <id> (localhost/127.0.0.1:9092) could not be
 *   established").
 * - PostgreSQL SQLSTATE 25006 read_only_sql_transaction ("cannot execute X in a read-only
 *   transaction", a standby or read-only endpoint); MySQL error 1290 ER_OPTION_PREVENTS_STATEMENT
 *   with --read-only.
 * - Azure SQL error 40615 ("Client with IP address ... is not allowed to access the server",
 *   "Troubleshoot connectivity issues": add a server firewall rule).
 * - PostgreSQL "The pg_hba.conf File": "no pg_hba.conf entry for host ... SSL off" is the
 *   host-based authentication refusing the client's address or SSL mode (SQLSTATE 28000).
 * - ClickHouse error 102 UNEXPECTED_PACKET_FROM_SERVER ("expected Hello or Exception, got Unknown
 *   packet") and "Port 9000 is for clickhouse-client program" (ClickHouse "Network ports": 8123
 *   HTTP, 9000 native, 9440 native TLS).
 * - RFC 9110 section 15.5.8, 407 Proxy Authentication Required; a proxy's 403 to CONNECT is its
 *   policy refusing the destination (Python http.client "Tunnel connection failed: <code>").
 */
export const connectionSettingsPack: RulePack = {
  name: 'connection-settings',
  origin: 'built-in',
  rules: [
    {
      id: 'kafka-broker-advertised-on-loopback',
      category: 'config_error',
      description:
        'the Kafka client dials a broker on the loopback address: the broker advertises localhost (advertised.listeners) or the job is configured with it',
      patterns: [
        '\\bConnection to node -?\\d+ \\([\\w.-]*\\/(?:127\\.\\d+\\.\\d+\\.\\d+|0:0:0:0:0:0:0:1|::1):\\d+\\) could not be established\\b',
      ],
      where: 'any',
      weight: 0.82,
      explains: ['dependency_unavailable'],
    },
    {
      id: 'write-sent-to-read-only-server',
      category: 'config_error',
      description:
        'a write sent to a read-only server (a replica or read-only endpoint in the connection URL)',
      patterns: [
        '\\bcannot execute [A-Z][A-Z ]*?(?:\\(\\))? in a read-only transaction\\b',
        '\\bThe MySQL server is running with the --(?:super-)?read-only option so it cannot execute this statement\\b',
      ],
      unless: [
        { source: '\\bfail(?:ed)? ?over\\b|\\bfailover\\b', flags: 'i' },
      ],
      where: 'any',
      weight: 0.85,
      explains: ['dependency_unavailable', 'code_error'],
    },
    {
      id: 'azure-sql-firewall-refuses-client',
      category: 'permission',
      description:
        "Azure SQL's server firewall does not admit the client's address (error 40615)",
      patterns: [
        "\\bClient with IP address '[^']+' is not allowed to access the server\\b",
      ],
      where: 'any',
      weight: 0.88,
      explains: ['dependency_unavailable', 'infrastructure'],
    },
    {
      id: 'postgres-host-based-auth-refuses-client',
      category: 'config_error',
      description:
        "PostgreSQL's pg_hba.conf admits no connection from this address with this SSL mode",
      patterns: [
        '\\bno pg_hba\\.conf entry for (?:replication connection from )?host\\b|\\bpg_hba\\.conf rejects (?:replication )?connection for host\\b',
      ],
      where: 'any',
      weight: 0.85,
      explains: ['dependency_unavailable', 'permission'],
    },
    {
      id: 'clickhouse-client-on-other-protocol-port',
      category: 'config_error',
      description:
        'a ClickHouse client speaks another protocol than the port it was given (native vs HTTP, plaintext vs TLS)',
      patterns: [
        '\\bUnexpected packet from server \\S+ \\(expected Hello or Exception, got Unknown packet\\)',
        '\\bPort \\d+ is for clickhouse-client program\\b',
      ],
      where: 'any',
      weight: 0.86,
      explains: ['dependency_unavailable', 'code_error'],
    },
    {
      id: 'proxy-refuses-tunnel',
      category: 'config_error',
      description:
        'the HTTP proxy refused the CONNECT tunnel (407 proxy credentials, 403 destination not allowed)',
      patterns: [
        {
          source:
            '\\bTunnel connection failed: 40[37]\\b|\\btunneling socket could not be established,? statusCode=40[37]\\b',
          flags: 'i',
        },
      ],
      where: 'any',
      weight: 0.84,
      explains: ['dependency_unavailable', 'permission'],
    },
  ],
};
