import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/** How Kafka clients and Connect, Flink, Kinesis and schema registries report failures. */
export const kafkaStreamingPack: RulePack = {
  name: 'kafka-streaming',
  origin: 'built-in',
  rules: [
    {
      id: 'kafka-broker-unavailable',
      category: 'dependency_unavailable',
      description: 'Kafka brokers unreachable',
      patterns: [
        'Broker may not be available|Timeout of \\d+ms expired before the position for partition|expired before (?:the position for partition|the last committed offset for partitions?|successfully committing offsets)|Connection to node -?\\d+ .{0,120}could not be established|LEADER_NOT_AVAILABLE|NOT_LEADER_(?:FOR_PARTITION|OR_FOLLOWER)|NotLeader(?:OrFollower|ForPartition)Exception|Timeout expired while fetching topic metadata|Failed to update metadata after|not present in metadata after|DisconnectException|Bootstrap broker .{0,80} disconnected|Expiring \\d+ record\\(s\\) for|NoBrokersAvailable|KafkaTimeoutError|Node -?\\d+ disconnected',
      ],
      weight: 0.8,
    },
    {
      id: 'kafka-authorization',
      category: 'permission',
      description: 'Kafka ACL or SASL denial',
      patterns: [
        'TopicAuthorizationException|GroupAuthorizationException|ClusterAuthorizationException|TransactionalIdAuthorizationException|SaslAuthenticationException|Not authorized to access (?:topics|group)|TOPIC_AUTHORIZATION_FAILED|GROUP_AUTHORIZATION_FAILED|Authentication failed during authentication due to invalid credentials',
      ],
      weight: 0.92,
    },
    // The client offers a SASL mechanism the broker's listener does not enable (or speaks SASL
    // to a plaintext listener): the two security configs disagree, not the credentials.
    {
      id: 'kafka-sasl-mechanism-mismatch',
      category: 'config_error',
      description: "client SASL mechanism not enabled on the broker's listener",
      patterns: [
        'IllegalSaslStateException|UnsupportedSaslMechanismException|Unexpected handshake request with client mechanism',
      ],
      weight: 0.9,
      where: 'chain',
      explains: ['dependency_unavailable', 'permission'],
    },
    {
      id: 'kafka-config',
      category: 'config_error',
      description: 'invalid client configuration',
      patterns: [
        'ConfigException|Invalid value .{0,80} for configuration|Missing required configuration "[^"]+" which has no default value|No resolvable bootstrap urls given in bootstrap\\.servers|Unknown configuration [\'"]',
      ],
      weight: 0.85,
    },
    {
      id: 'kafka-record-too-large',
      category: 'config_error',
      description: 'message larger than the configured maximum',
      patterns: [
        'RecordTooLargeException|when serialized which is larger than|MESSAGE_TOO_LARGE|The request included a message larger than the max message size',
      ],
      weight: 0.55,
    },
    {
      id: 'kafka-record-too-large-data',
      category: 'data_quality',
      description: 'an oversized record',
      patterns: ['RecordTooLargeException|MESSAGE_TOO_LARGE'],
      weight: 0.4,
    },
    {
      id: 'kafka-deserialization',
      category: 'data_quality',
      description: 'a record does not deserialize',
      patterns: [
        'SerializationException|Error deserializing|Unknown magic byte|DeserializationException|Failed to deserialize|Could not deserialize|Error (?:de)?serializing Avro message|Error converting (?:message|data)',
      ],
      weight: 0.6,
    },
    {
      id: 'kafka-deserialization-schema',
      category: 'schema_drift',
      description: 'the record schema changed',
      patterns: [
        'Error deserializing Avro message|AvroTypeException|Could not find field|Schema mismatch for|expecting .{0,60}, found',
      ],
      weight: 0.5,
    },
    {
      id: 'schema-registry-incompatible',
      category: 'schema_drift',
      description: 'schema change rejected by the registry',
      patterns: [
        'Schema being registered is incompatible with an earlier schema|incompatible with (?:an )?earlier schema|error code: 409\\d\\d|IncompatibleSchemaException|Schema is incompatible',
      ],
      weight: 0.88,
    },
    // Registry serdes that validate each record against the registered schema (Apicurio's
    // ProtobufDifference list, "fields removed without reservation").
    {
      id: 'serde-schema-validation-failed',
      category: 'schema_drift',
      description: 'the record does not match the registered schema',
      patterns: [
        ci(
          'data to send is not compatible with the schema|ProtobufDifference\\(|fields? (?:were )?removed without reserv|reserved fields were removed',
        ),
      ],
      where: 'chain',
      weight: 0.85,
      explains: ['code_error'],
    },
    {
      id: 'schema-registry-subject-missing',
      category: 'config_error',
      description: 'schema subject not registered',
      patterns: [
        'Subject [\'"][^\'"]+[\'"] not found|Subject not found|error code: 40401',
      ],
      weight: 0.6,
    },
    {
      id: 'kafka-offset-out-of-range',
      category: 'config_error',
      description: 'offsets expired before they were read',
      patterns: [
        'OffsetOutOfRangeException|Offsets out of range with no configured reset policy|not available in Kafka any more|failOnDataLoss',
      ],
      weight: 0.5,
    },
    {
      id: 'kafka-rebalance',
      category: 'infrastructure',
      description: 'consumer group rebalanced under the job',
      patterns: [
        'Commit cannot be completed since the group has already rebalanced|RebalanceInProgressException|consumer poll timeout has expired|max\\.poll\\.interval\\.ms',
      ],
      weight: 0.5,
    },
    {
      id: 'kafka-fenced',
      category: 'infrastructure',
      description: 'producer fenced by another instance',
      patterns: [
        'ProducerFencedException|InvalidProducerEpochException|OutOfOrderSequenceException',
      ],
      weight: 0.6,
    },
    {
      id: 'kafka-buffer-exhausted',
      category: 'resource_exhaustion',
      description: 'producer buffer exhausted',
      patterns: [
        'BufferExhaustedException|Failed to allocate memory within the configured max blocking time',
      ],
      weight: 0.7,
    },
    {
      id: 'flink-taskmanager-lost',
      category: 'infrastructure',
      description: 'Flink TaskManager or JobManager lost',
      patterns: [
        'TaskManager .{0,120}(?:lost|disconnected|terminated|no longer reachable)|Heartbeat of TaskManager with id .{0,80} timed out|The TaskExecutor is shutting down|Connection unexpectedly closed by remote task manager|lost leadership|Lost leadership|Heartbeat of JobManager',
      ],
      weight: 0.85,
    },
    {
      id: 'flink-no-slots',
      category: 'infrastructure',
      description: 'no task slots available',
      patterns: [
        'NoResourceAvailableException|Could not acquire the minimum required resources|Slot request bulk is not fulfillable|Could not allocate the required slot',
      ],
      weight: 0.6,
    },
    {
      id: 'flink-network-buffers',
      category: 'resource_exhaustion',
      description: 'network buffers exhausted',
      patterns: [
        'Insufficient number of network buffers|Too little (?:memory|network) buffers',
      ],
      weight: 0.8,
    },
    {
      id: 'flink-checkpoint-failure',
      category: 'infrastructure',
      description: 'checkpoints failing',
      patterns: [
        'Exceeded checkpoint tolerable failure threshold|Checkpoint .{0,80}(?:expired|declined) before completing|CheckpointException',
      ],
      weight: 0.45,
    },
    {
      id: 'flink-state-incompatible',
      category: 'schema_drift',
      description: 'state not compatible with the new program',
      patterns: [
        'StateMigrationException|must not be incompatible with the old state serializer|incompatible with the previous state|cannot be mapped to the new program',
      ],
      weight: 0.55,
    },
    {
      id: 'kinesis-throughput',
      category: 'dependency_unavailable',
      description: 'stream throughput limit hit',
      patterns: [
        'ProvisionedThroughputExceededException|Rate exceeded for shard|(?:Read|Write)ProvisionedThroughputExceeded|\\bLimitExceededException',
      ],
      weight: 0.8,
    },
    // elasticsearch-hadoop gives up on a bulk request whose entries the cluster keeps
    // rejecting after es.batch.write.retry.count retries (bulk queue full, HTTP 429): the
    // search cluster cannot keep up with the write rate.
    {
      id: 'es-hadoop-bulk-rejected',
      category: 'dependency_unavailable',
      description: 'the search cluster kept rejecting bulk writes',
      patterns: [
        'Could not write all entries(?: for bulk operation)? \\[\\d+/\\d+\\]|\\(maybe ES was overloaded\\?\\)|es_rejected_execution_exception',
      ],
      weight: 0.8,
    },
    // Issue 17, partial-write corpus: errors that stop a write part-way, in the vendor's wording.
    // Kafka's InvalidTxnTimeoutException: transaction.timeout.ms above the broker's
    // transaction.max.timeout.ms, refused at InitProducerId.
    {
      id: 'kafka-transaction-timeout-above-broker-max',
      category: 'config_error',
      description:
        "the producer's transaction timeout exceeds the broker's transaction.max.timeout.ms",
      patterns: [
        'The transaction timeout is larger than the maximum value allowed by the broker',
      ],
      where: 'any',
      weight: 0.95,
      explains: ['code_error'],
    },
    // Issue 17, exception-name words: a SchemaProjectorException that is a setting, not drift.
    // Confluent's storage sinks (kafka-connect-storage-common, StorageSchemaCompatibility) need
    // versioned schemas for schema.compatibility BACKWARD/FORWARD/FULL; JsonConverter sends none.
    {
      id: 'connect-storage-schema-version-required',
      category: 'config_error',
      description:
        'schema.compatibility needs schema versions that the converter does not send',
      patterns: [
        'Schema version required for (?:BACKWARD|FORWARD|FULL) compatibility',
      ],
      weight: 0.85,
      explains: ['schema_drift'],
    },
    // Flink (up to 1.x's legacy scheduler and the FAQ) words a dead TaskManager from the slot's
    // side: "The slot in which the task was executed has been released. Probably loss of
    // TaskManager ..." (Flink FAQ, apache/flink-web#4). The node is gone; the log does not say
    // why, so this names no transient cause on its own.
    {
      id: 'flink-slot-released-taskmanager-loss',
      category: 'infrastructure',
      description: 'a task slot was released because its TaskManager was lost',
      patterns: [
        'slot in which the task was executed has been released|Probably loss of TaskManager',
      ],
      weight: 0.8,
    },
    // Connector settings that Debezium and Kafka Connect reject while the task starts. Debezium
    // builds JMX names from the logical server name / topic prefix, so ':' '/' '=' ',' in it
    // fail as "Invalid metric name" (Debezium connector docs: topic.prefix / database.server.name
    // must use alphanumerics, '-', '.', '_'); Connect's validate endpoint reports "Connector
    // configuration is invalid and contains the following N error(s)" (Kafka Connect REST API).
    {
      id: 'connect-connector-config-rejected',
      category: 'config_error',
      description: 'the connector rejected its own configuration at start-up',
      patterns: [
        "Invalid metric name '[^']*'|Connector configuration is invalid and contains the following \\d+ error|The '(?:database\\.server\\.name|topic\\.prefix)' value is invalid",
      ],
      weight: 0.85,
    },
  ],
};
