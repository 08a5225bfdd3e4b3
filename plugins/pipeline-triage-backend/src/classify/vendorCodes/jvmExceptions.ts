import type { VendorCodeTable } from './types';

const JDK = 'JDK API javadoc (docs.oracle.com/en/java/javase/21/docs/api)';
const HADOOP = 'Apache Hadoop javadoc';

/**
 * JVM exception classes (system `exception`, the class name as printed). Families are matched
 * by package and name ending so that a subclass the table has never seen (a vendor's
 * `FooTransientConnectionException`, a shaded `...gax.rpc.UnavailableException`, any
 * `*OutOfMemoryError`) classifies by its family. Exact names win over families.
 */
export const jvmExceptionTable: VendorCodeTable = {
  name: 'jvm',
  system: 'exception',
  entries: [
    // Configuration and command-line parsers: the job's settings or arguments are wrong.
    {
      key: 'commons-cli',
      prefix: 'org.apache.commons.cli.',
      category: 'config_error',
      weight: 0.85,
      description:
        'command-line parsing failed (Apache Commons CLI: MissingOptionException, UnrecognizedOptionException ...)',
      source:
        'Apache Commons CLI javadoc, org.apache.commons.cli.ParseException and subclasses',
    },
    {
      key: 'picocli',
      prefix: 'picocli.CommandLine$',
      suffix: 'Exception',
      category: 'config_error',
      weight: 0.8,
      description:
        'command-line parsing failed (picocli MissingParameterException, UnmatchedArgumentException ...)',
      source: 'picocli javadoc, picocli.CommandLine.ParameterException',
    },
    {
      key: 'typesafe-config',
      prefix: 'com.typesafe.config.ConfigException',
      category: 'config_error',
      weight: 0.88,
      description:
        'HOCON configuration missing, wrong type or unparseable (Typesafe Config ConfigException$*)',
      source: 'Lightbend Config javadoc, com.typesafe.config.ConfigException',
    },
    {
      key: 'flink-illegal-configuration',
      suffix: 'IllegalConfigurationException',
      category: 'config_error',
      weight: 0.9,
      description:
        'Flink rejected its configuration (memory components inconsistent, option value invalid); not an out-of-memory event',
      source:
        "Apache Flink javadoc, org.apache.flink.configuration.IllegalConfigurationException; Flink docs, Set up Flink's memory",
      explains: ['resource_exhaustion', 'infrastructure'],
    },
    {
      key: 'kafka-config',
      code: 'org.apache.kafka.common.config.ConfigException',
      category: 'config_error',
      weight: 0.88,
      description:
        'Kafka client or connector configuration rejected (ConfigDef)',
      source:
        'Apache Kafka javadoc, org.apache.kafka.common.config.ConfigException',
    },
    {
      key: 'flink-table-factory',
      suffix: 'NoMatchingTableFactoryException',
      category: 'config_error',
      weight: 0.88,
      description:
        'no table factory matches the connector properties (connector jar missing or wrong options)',
      source:
        'Apache Flink javadoc, org.apache.flink.table.api.NoMatchingTableFactoryException',
    },
    {
      key: 'kafka-invalid-configuration',
      suffix: 'InvalidConfigurationException',
      category: 'config_error',
      weight: 0.85,
      description:
        'the broker rejected a configuration (unknown or invalid topic/client config)',
      source:
        'Apache Kafka javadoc, org.apache.kafka.common.errors.InvalidConfigurationException',
    },
    // java.lang.VirtualMachineError family
    {
      key: 'out-of-memory',
      suffix: 'OutOfMemoryError',
      category: 'resource_exhaustion',
      weight: 0.85,
      description: 'the JVM ran out of memory (any OutOfMemoryError)',
      source: `${JDK}: java.lang.OutOfMemoryError`,
    },
    {
      key: 'stack-overflow',
      code: 'java.lang.StackOverflowError',
      category: 'code_error',
      weight: 0.55,
      description: 'stack overflow (deep recursion or a huge plan)',
      source: `${JDK}: java.lang.StackOverflowError`,
    },
    // java.net: network failures, except malformed addresses and local binding
    // Kafka Connect's general-purpose ConnectException wraps every connector failure, not only network ones.
    {
      key: 'connect',
      suffix: 'ConnectException',
      not: ['org.apache.kafka.connect.errors.ConnectException'],
      category: 'dependency_unavailable',
      weight: 0.7,
      transient: true,
      description: 'connection refused or failed (any ConnectException)',
      source: `${JDK}: java.net.ConnectException`,
    },
    {
      key: 'no-route',
      code: 'java.net.NoRouteToHostException',
      category: 'dependency_unavailable',
      weight: 0.65,
      description: 'no route to host',
      source: `${JDK}: java.net.NoRouteToHostException`,
    },
    {
      key: 'unknown-host',
      code: 'java.net.UnknownHostException',
      category: 'dependency_unavailable',
      weight: 0.55,
      description: 'host name does not resolve (DNS, or a wrong host)',
      source: `${JDK}: java.net.UnknownHostException`,
    },
    {
      key: 'socket-timeout',
      suffix: 'SocketTimeoutException',
      category: 'dependency_unavailable',
      weight: 0.6,
      transient: true,
      description: 'socket read or connect timed out',
      source: `${JDK}: java.net.SocketTimeoutException`,
    },
    {
      key: 'malformed-url',
      codes: ['java.net.MalformedURLException', 'java.net.URISyntaxException'],
      category: 'config_error',
      weight: 0.65,
      description: 'malformed URL or URI',
      source: `${JDK}: java.net.MalformedURLException, java.net.URISyntaxException`,
    },
    {
      key: 'bind',
      code: 'java.net.BindException',
      category: 'config_error',
      weight: 0.5,
      description: 'cannot bind a local port',
      source: `${JDK}: java.net.BindException`,
    },
    {
      key: 'java-net',
      prefix: 'java.net.',
      suffix: 'Exception',
      category: 'dependency_unavailable',
      weight: 0.5,
      description: 'network failure (java.net exception)',
      source: `${JDK}: package java.net`,
    },
    {
      key: 'ssl-handshake',
      suffix: 'SSLHandshakeException',
      category: 'config_error',
      weight: 0.7,
      explains: ['dependency_unavailable'],
      description:
        'TLS handshake failed (protocol, cipher or certificate mismatch: repeats until fixed)',
      source: `${JDK}: javax.net.ssl.SSLHandshakeException`,
    },
    // java.sql.SQLException subclasses (JDBC 4): transient vs non-transient
    {
      key: 'sql-transient-connection',
      suffix: 'TransientConnectionException',
      category: 'dependency_unavailable',
      weight: 0.65,
      transient: true,
      description:
        'database connection failed (SQLTransientConnectionException family)',
      source: `${JDK}: java.sql.SQLTransientConnectionException`,
    },
    {
      key: 'sql-non-transient-connection',
      suffix: 'NonTransientConnectionException',
      category: 'dependency_unavailable',
      weight: 0.6,
      description:
        'database connection failed and the driver gave up (SQLNonTransientConnectionException family)',
      source: `${JDK}: java.sql.SQLNonTransientConnectionException`,
    },
    {
      key: 'sql-recoverable',
      suffix: 'SQLRecoverableException',
      category: 'dependency_unavailable',
      weight: 0.6,
      transient: true,
      description: 'database connection lost (SQLRecoverableException)',
      source: `${JDK}: java.sql.SQLRecoverableException`,
    },
    {
      key: 'sql-timeout',
      suffix: 'SQLTimeoutException',
      category: 'dependency_unavailable',
      weight: 0.5,
      transient: true,
      description: 'database statement timed out',
      source: `${JDK}: java.sql.SQLTimeoutException`,
    },
    {
      key: 'sql-rollback',
      suffix: 'TransactionRollbackException',
      category: 'dependency_unavailable',
      weight: 0.55,
      transient: true,
      description:
        'transaction rolled back (deadlock or serialization failure)',
      source: `${JDK}: java.sql.SQLTransactionRollbackException`,
    },
    {
      key: 'sql-transient',
      suffix: 'SQLTransientException',
      category: 'dependency_unavailable',
      weight: 0.5,
      transient: true,
      description: 'transient database failure (SQLTransientException)',
      source: `${JDK}: java.sql.SQLTransientException`,
    },
    {
      key: 'sql-syntax',
      suffix: 'SQLSyntaxErrorException',
      category: 'code_error',
      weight: 0.6,
      description: 'SQL syntax or access rule violation',
      source: `${JDK}: java.sql.SQLSyntaxErrorException`,
    },
    {
      key: 'sql-integrity',
      suffix: 'IntegrityConstraintViolationException',
      category: 'data_quality',
      weight: 0.75,
      description: 'integrity constraint violated',
      source: `${JDK}: java.sql.SQLIntegrityConstraintViolationException`,
    },
    // java.sql.DataTruncation and drivers' subclasses (MySQL Connector/J's MysqlDataTruncation:
    // "Data too long for column", error 1406): a value longer than its column.
    {
      key: 'sql-data-truncation',
      suffix: 'DataTruncation',
      category: 'data_quality',
      weight: 0.7,
      description: 'a value was truncated to fit its column (DataTruncation)',
      source: `${JDK}: java.sql.DataTruncation; MySQL Connector/J com.mysql.cj.jdbc.exceptions.MysqlDataTruncation`,
    },
    {
      key: 'sql-data',
      suffix: 'SQLDataException',
      category: 'data_quality',
      weight: 0.6,
      description: 'invalid data value (SQLDataException)',
      source: `${JDK}: java.sql.SQLDataException`,
    },
    {
      key: 'sql-auth',
      suffix: 'InvalidAuthorizationSpecException',
      category: 'permission',
      weight: 0.75,
      description: 'database authorization failed',
      source: `${JDK}: java.sql.SQLInvalidAuthorizationSpecException`,
    },
    {
      key: 'sql-not-supported',
      suffix: 'SQLFeatureNotSupportedException',
      category: 'code_error',
      weight: 0.5,
      description: 'JDBC feature not supported by the driver',
      source: `${JDK}: java.sql.SQLFeatureNotSupportedException`,
    },
    // Table formats: commit conflicts are the formats' retryable optimistic concurrency
    {
      key: 'iceberg-commit-failed',
      code: 'org.apache.iceberg.exceptions.CommitFailedException',
      category: 'infrastructure',
      weight: 0.7,
      transient: true,
      description:
        'Iceberg commit lost to a concurrent writer (the snapshot was not published)',
      source:
        'Apache Iceberg javadoc: org.apache.iceberg.exceptions.CommitFailedException; "Reliability" (iceberg.apache.org/docs/latest/reliability)',
    },
    {
      key: 'iceberg-commit-state-unknown',
      code: 'org.apache.iceberg.exceptions.CommitStateUnknownException',
      category: 'infrastructure',
      weight: 0.65,
      description:
        'Iceberg cannot tell whether the commit happened (never retried blindly)',
      source:
        'Apache Iceberg javadoc: org.apache.iceberg.exceptions.CommitStateUnknownException',
    },
    {
      key: 'iceberg-no-such',
      prefix: 'org.apache.iceberg.exceptions.NoSuch',
      suffix: 'Exception',
      category: 'config_error',
      weight: 0.6,
      description: 'Iceberg table, namespace or view not found',
      source:
        'Apache Iceberg javadoc: NoSuchTableException, NoSuchNamespaceException, NoSuchViewException',
    },
    {
      key: 'hudi-write-conflict',
      code: 'org.apache.hudi.exception.HoodieWriteConflictException',
      category: 'infrastructure',
      weight: 0.7,
      transient: true,
      description: 'Hudi commit conflicted with a concurrent writer',
      source:
        'Apache Hudi "Concurrency control" (hudi.apache.org/docs/concurrency_control): HoodieWriteConflictException',
    },
    // Hadoop / Spark
    {
      key: 'fetch-failed',
      suffix: 'FetchFailedException',
      category: 'infrastructure',
      weight: 0.55,
      description:
        'shuffle output could not be fetched (lost with its executor)',
      source:
        'Apache Spark: org.apache.spark.shuffle.FetchFailedException, MetadataFetchFailedException',
    },
    {
      key: 'hadoop-access-control',
      suffix: 'security.AccessControlException',
      category: 'permission',
      weight: 0.85,
      description: 'HDFS / Hadoop permission denied',
      source: `${HADOOP}: org.apache.hadoop.security.AccessControlException`,
    },
    {
      key: 'hdfs-ds-quota',
      suffix: 'DSQuotaExceededException',
      category: 'resource_exhaustion',
      weight: 0.85,
      description: 'HDFS disk space quota exceeded',
      source: `${HADOOP}: org.apache.hadoop.hdfs.protocol.DSQuotaExceededException`,
    },
    {
      key: 'hdfs-ns-quota',
      codes: [
        'org.apache.hadoop.hdfs.protocol.NSQuotaExceededException',
        'org.apache.hadoop.hdfs.protocol.FSLimitException$MaxDirectoryItemsExceededException',
        'org.apache.hadoop.hdfs.protocol.FSLimitException.MaxDirectoryItemsExceededException',
      ],
      category: 'small_file_pressure',
      weight: 0.85,
      description: 'HDFS namespace (file count) limit reached',
      source: `${HADOOP}: NSQuotaExceededException, FSLimitException.MaxDirectoryItemsExceededException`,
    },
    {
      key: 'hdfs-safe-mode',
      suffix: 'SafeModeException',
      category: 'infrastructure',
      weight: 0.8,
      transient: true,
      description: 'NameNode in safe mode',
      source: `${HADOOP}: org.apache.hadoop.hdfs.server.namenode.SafeModeException`,
    },
    {
      key: 'hdfs-standby',
      suffix: 'ipc.StandbyException',
      category: 'infrastructure',
      weight: 0.7,
      transient: true,
      description: 'request reached a standby NameNode',
      source: `${HADOOP}: org.apache.hadoop.ipc.StandbyException`,
    },
    // Cloud SDKs
    {
      key: 'aws-throttling',
      suffix: 'ThrottlingException',
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description: 'AWS throttling (any *ThrottlingException)',
      source:
        'AWS SDK for Java: service ThrottlingException classes; AWS error retries guide',
    },
    {
      key: 'aws-too-many-requests',
      suffix: 'TooManyRequestsException',
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description: 'request rate too high (any *TooManyRequestsException)',
      source: 'AWS SDK for Java: service TooManyRequestsException classes',
    },
    {
      key: 'aws-provisioned-throughput',
      suffix: 'ProvisionedThroughputExceededException',
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description: 'provisioned throughput exceeded (DynamoDB, Kinesis)',
      source: 'AWS SDK for Java: ProvisionedThroughputExceededException',
    },
    {
      key: 'access-denied',
      suffix: 'AccessDeniedException',
      category: 'permission',
      weight: 0.8,
      description: 'access denied (any *AccessDeniedException)',
      source: `AWS SDK, ${JDK}: java.nio.file.AccessDeniedException`,
    },
    {
      key: 'gax-unavailable',
      suffix: 'gax.rpc.UnavailableException',
      category: 'dependency_unavailable',
      weight: 0.65,
      transient: true,
      description: 'Google API UNAVAILABLE (gax)',
      source:
        'Google API Client (gax-java): com.google.api.gax.rpc.UnavailableException',
    },
    {
      key: 'gax-deadline',
      suffix: 'gax.rpc.DeadlineExceededException',
      category: 'dependency_unavailable',
      weight: 0.55,
      transient: true,
      description: 'Google API deadline exceeded (gax)',
      source: 'gax-java: com.google.api.gax.rpc.DeadlineExceededException',
    },
    {
      key: 'gax-permission',
      suffix: 'gax.rpc.PermissionDeniedException',
      category: 'permission',
      weight: 0.8,
      description: 'Google API permission denied (gax)',
      source: 'gax-java: com.google.api.gax.rpc.PermissionDeniedException',
    },
    {
      key: 'gax-unauthenticated',
      suffix: 'gax.rpc.UnauthenticatedException',
      category: 'permission',
      weight: 0.8,
      description: 'Google API unauthenticated (gax)',
      source: 'gax-java: com.google.api.gax.rpc.UnauthenticatedException',
    },
    // Kafka Streams: a thread that missed a rebalance is fenced; Streams closes its tasks as
    // zombies and rejoins the group, nothing of the aborted transaction is visible.
    {
      key: 'kafka-streams-task-migrated',
      code: 'org.apache.kafka.streams.errors.TaskMigratedException',
      category: 'infrastructure',
      weight: 0.75,
      transient: true,
      description:
        'Kafka Streams tasks migrated to another thread (the thread was fenced)',
      source:
        'Apache Kafka Streams javadoc: org.apache.kafka.streams.errors.TaskMigratedException ("the task can be cleaned up and closed as zombie", the thread rejoins the group)',
    },
    // Kafka clients: the RetriableException subclasses the client documents as transient
    // (a broker or coordinator moving, not enough in-sync replicas for the moment).
    {
      key: 'kafka-retriable-broker-state',
      codes: [
        'org.apache.kafka.common.errors.NotEnoughReplicasException',
        'org.apache.kafka.common.errors.NotEnoughReplicasAfterAppendException',
        'org.apache.kafka.common.errors.NetworkException',
        'org.apache.kafka.common.errors.LeaderNotAvailableException',
        'org.apache.kafka.common.errors.NotLeaderOrFollowerException',
        'org.apache.kafka.common.errors.NotLeaderForPartitionException',
        'org.apache.kafka.common.errors.CoordinatorNotAvailableException',
        'org.apache.kafka.common.errors.CoordinatorLoadInProgressException',
        'org.apache.kafka.common.errors.NotCoordinatorException',
      ],
      category: 'dependency_unavailable',
      weight: 0.7,
      transient: true,
      description:
        'a Kafka broker or coordinator is moving (a RetriableException subclass)',
      source:
        'Apache Kafka javadoc: org.apache.kafka.common.errors.RetriableException and its subclasses listed here',
    },
    // Kafka producer errors the client declares fatal for the producer instance.
    {
      key: 'kafka-record-too-large',
      code: 'org.apache.kafka.common.errors.RecordTooLargeException',
      category: 'config_error',
      weight: 0.6,
      description:
        "a record over max.request.size or the broker's max.message.bytes (not retriable)",
      source:
        'Apache Kafka javadoc: RecordTooLargeException (an ApiException, not a RetriableException); producer configs max.request.size',
    },
    // Flink: the resource manager says the requested slot profile can never be served.
    {
      key: 'flink-unfulfillable-slot',
      code: 'org.apache.flink.runtime.resourcemanager.exceptions.UnfulfillableSlotRequestException',
      category: 'infrastructure',
      weight: 0.75,
      description:
        'Flink slot request no TaskManager of the cluster can ever serve',
      source:
        'Apache Flink (FLINK-13555): UnfulfillableSlotRequestException fails slot requests that no registered or pending slot can fulfil',
    },
    // Flink: restored state was written by a serializer the new program cannot read or migrate.
    {
      key: 'flink-state-migration',
      code: 'org.apache.flink.util.StateMigrationException',
      category: 'schema_drift',
      weight: 0.7,
      description:
        "restored state's serializer is incompatible with the new program's",
      source:
        'Apache Flink docs, "State Schema Evolution" and "Custom State Serialization": an incompatible new serializer fails the restore with StateMigrationException',
    },
    // Kafka clients
    {
      key: 'kafka-authorization',
      suffix: 'AuthorizationException',
      category: 'permission',
      weight: 0.7,
      description:
        'not authorized (any *AuthorizationException, e.g. Kafka TopicAuthorizationException)',
      source:
        'Apache Kafka javadoc: org.apache.kafka.common.errors.AuthorizationException',
    },
    {
      key: 'authentication',
      suffix: 'AuthenticationException',
      category: 'permission',
      weight: 0.65,
      description: 'authentication failed (any *AuthenticationException)',
      source:
        'Apache Kafka javadoc: AuthenticationException; Spring/Hadoop equivalents',
    },
    {
      key: 'kafka-retriable',
      prefix: 'org.apache.kafka.common.errors.',
      suffix: 'TimeoutException',
      category: 'dependency_unavailable',
      weight: 0.5,
      transient: true,
      description: 'Kafka client timed out (a RetriableException)',
      source:
        'Apache Kafka javadoc: org.apache.kafka.common.errors.TimeoutException extends RetriableException',
    },
    // Issue 17, exception-name words: vendors whose classes the fallback would read only weakly.
    {
      key: 'airlift-configuration',
      code: 'io.airlift.bootstrap.ApplicationConfigurationException',
      category: 'config_error',
      weight: 0.88,
      description:
        'Trino/Airlift refused its configuration (unused, replaced or invalid properties)',
      source:
        'Airlift Bootstrap (github.com/airlift/airlift, bootstrap: ApplicationConfigurationException); Trino docs, Properties reference',
    },
    {
      key: 'cassandra-unauthorized',
      prefix: 'com.datastax.',
      suffix: 'UnauthorizedException',
      category: 'permission',
      weight: 0.85,
      description:
        'Cassandra refused the statement: the role lacks a permission',
      source:
        'DataStax Java driver javadoc: com.datastax.driver.core.exceptions.UnauthorizedException, com.datastax.oss.driver.api.core.servererrors.UnauthorizedException',
    },
    {
      key: 'janino-compile',
      code: 'org.codehaus.commons.compiler.CompileException',
      category: 'code_error',
      weight: 0.75,
      description:
        'generated Java code did not compile (Janino, as used by Spark whole-stage codegen)',
      source:
        'Janino javadoc: org.codehaus.commons.compiler.CompileException; Spark CodeGenerator',
    },
  ],
};
