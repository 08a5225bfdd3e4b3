import type { RulePack } from '../ruleTypes';

/**
 * Failures worded like an outage or a busy service (a transport exception, a rebalance, a slot
 * or connection shortage, "please retry") whose cause repeats on every attempt (issue 17, round
 * traps5). The retry policy refuses them through its deterministic signs
 * (policy/deterministicSigns.ts); these rules give them the category of their real cause.
 *
 * Sources:
 * - Snowflake error 390422 (SQLSTATE 08004) "Incoming request with IP/Token ... is not allowed
 *   to access Snowflake": the account or user network policy does not list the caller's
 *   address (Snowflake "Network policies", docs.snowflake.com/en/user-guide/network-policies).
 * - Kerberos over SASL: "GSS initiate failed" is the SASL GSSAPI handshake refused
 *   (org.apache.thrift.transport.TSaslTransport; javax.security.sasl.SaslException with
 *   GSSException "No valid credentials provided (Mechanism level: Failed to find any Kerberos
 *   tgt)"): a missing or expired ticket, a wrong principal or keytab.
 * - EC2 error code Unsupported (EC2 API "Error codes": "the requested instance type is not
 *   supported in the requested Availability Zone"); EMR reports the same as VALIDATION_ERROR
 *   "The requested instance type ... is not supported in the requested availability zone".
 *   Unlike InsufficientInstanceCapacity it never clears: the type is not offered there.
 * - PostgreSQL SQLSTATE 53300 too_many_connections ("sorry, too many clients already",
 *   "remaining connection slots are reserved for non-replication superuser connections"):
 *   max_connections is used up (PostgreSQL "Connections and Authentication").
 * - Flink's declarative slot manager: "Could not acquire the minimum required resources" while
 *   TaskManagers are registered means the registered slots are fewer than the job asks for
 *   (Flink "Elastic Scaling" / "Deployment: Session Mode"); with no TaskManager registered it is
 *   the platform missing, left to flink-no-slots.
 * - PostgreSQL logical replication: "replication slot x is active for PID n" (SQLSTATE 55006
 *   object_in_use): a slot serves one consumer at a time and another session holds it; CDC
 *   tools need a distinct slot per connector (Debezium PostgreSQL connector, slot.name).
 *
 * - Snowflake 250001 "Failed to connect to DB: <host>:<port>. <message>" (issue 17, random5):
 *   snowflake-connector-python raises ER_FAILED_TO_CONNECT_TO_DB with the login response's own
 *   message when the server answered the login request with success=false (auth.py,
 *   github.com/snowflakedb/snowflake-connector-python). The service was reached and refused what
 *   was sent (account identifier, payload, credentials). Network failures carry the connector's
 *   own text instead ("Could not connect to Snowflake backend after N attempt(s)"), left to the
 *   transient reading.
 *
 * And one the other way round, a transient worded like a rejected request:
 * - Compute Engine zonal stockout ("The zone ... does not have enough resources available to
 *   fulfill the request", ZONE_RESOURCE_POOL_EXHAUSTED, GCE_STOCKOUT; "Troubleshooting resource
 *   availability errors", cloud.google.com/compute/docs/resource-error: try again later or in
 *   another zone). Dataproc returns it as 400 INVALID_ARGUMENT, which is not the job's code.
 */
export const repeatingCausesBehindTransientsPack: RulePack = {
  name: 'repeating-causes-behind-transients',
  origin: 'built-in',
  rules: [
    {
      id: 'snowflake-network-policy-blocks-ip',
      category: 'permission',
      description:
        "the Snowflake network policy does not allow the caller's IP address",
      patterns: [
        '\\bis not allowed to access Snowflake\\b|\\b390422\\b.{0,40}\\bnot allowed\\b',
      ],
      where: 'any',
      weight: 0.92,
      explains: ['dependency_unavailable', 'infrastructure', 'config_error'],
    },
    {
      id: 'kerberos-sasl-handshake-refused',
      category: 'permission',
      description:
        'the Kerberos (SASL GSSAPI) handshake was refused: no valid ticket, or a wrong principal or keytab',
      patterns: [
        '\\bGSS initiate failed\\b|\\bFailed to find any Kerberos tgt\\b|\\bNo valid credentials provided \\(Mechanism level',
      ],
      unless: ['\\bClock skew too great\\b|\\bKRB_AP_ERR_SKEW\\b'],
      where: 'any',
      weight: 0.9,
      explains: ['infrastructure', 'dependency_unavailable'],
    },
    {
      id: 'instance-type-not-offered-in-zone',
      category: 'config_error',
      description:
        'the instance type is not offered in the requested Availability Zone, so no launch there can succeed',
      patterns: [
        '\\binstance type \\(?\\S+?\\)? is not supported in (?:your|the) requested Availability Zone\\b',
      ],
      where: 'any',
      weight: 0.9,
      explains: [
        'infrastructure',
        'dependency_unavailable',
        'resource_exhaustion',
      ],
    },
    {
      id: 'postgres-connection-slots-exhausted',
      category: 'resource_exhaustion',
      description: "the database's max_connections is used up (SQLSTATE 53300)",
      patterns: [
        '\\bsorry, too many clients already\\b|\\bremaining connection slots are reserved for\\b|\\btoo many connections for (?:role|database)\\b',
      ],
      weight: 0.85,
      explains: ['dependency_unavailable'],
    },
    {
      id: 'flink-registered-slots-short-of-demand',
      category: 'resource_exhaustion',
      description:
        'TaskManagers are registered but their slots are fewer than the job requires',
      patterns: ['\\bCould not acquire the minimum required resources\\b'],
      requires: [
        '\\bregistered TMs: [1-9]\\d*, registered slots: \\d+ free slots: 0\\b',
      ],
      where: 'any',
      weight: 0.8,
      explains: ['infrastructure'],
    },
    {
      id: 'replication-slot-in-use',
      category: 'config_error',
      description:
        'another session holds the logical replication slot (two consumers configured on one slot)',
      patterns: ['\\breplication slot "?[\\w.-]+"? is active for PID \\d+'],
      where: 'any',
      weight: 0.85,
      explains: ['dependency_unavailable', 'infrastructure'],
    },
    {
      id: 'snowflake-login-refused-by-service',
      category: 'config_error',
      description:
        'Snowflake answered the login request and refused it (250001 with the server message)',
      patterns: ['\\bFailed to connect to DB: [\\w.-]+:\\d+[.,] [A-Z]'],
      unless: [
        '\\bCould not connect to Snowflake backend\\b|\\bFailed to get the response\\b|\\btimed out\\b|\\bConnection (?:refused|reset|aborted)\\b|\\bHTTP 5\\d\\d\\b|\\b50[234] (?:Bad Gateway|Service Unavailable|Gateway Time)',
      ],
      where: 'any',
      weight: 0.8,
      explains: ['dependency_unavailable', 'infrastructure'],
    },
    {
      id: 'gce-zonal-stockout',
      category: 'infrastructure',
      description:
        'the zone had no capacity of that machine type at the moment (a stockout Google documents as temporary)',
      patterns: [
        '\\bZONE_RESOURCE_POOL_EXHAUSTED\\b|\\bdoes not have enough resources available to fulfill the request\\b|\\bGCE_STOCKOUT\\b',
      ],
      where: 'any',
      weight: 0.9,
      explains: ['code_error', 'config_error', 'resource_exhaustion'],
    },
  ],
};
