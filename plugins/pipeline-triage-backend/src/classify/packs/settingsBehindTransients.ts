import type { RulePack } from '../ruleTypes';

/**
 * Failures worded like an outage whose cause is a setting or an account limit (issue 17, round
 * traps4). The retry policy already refuses them through its deterministic signs; these rules
 * give them their category, so they route to whoever can fix the setting instead of waiting on
 * a dependency that is up.
 *
 * Sources:
 * - Host names: RFC 1123 section 2.1 (letters, digits, hyphens, dots); a gRPC target is
 *   host:port with no URL scheme (grpc/grpc doc/naming.md), so "DNS resolution failed for
 *   https://..." or a name holding quotes or brackets is a malformed endpoint setting. Azure
 *   storage account names are 3-24 lowercase letters and digits (storage account overview): an
 *   account host with an underscore is a placeholder left in the configuration.
 * - AWS service endpoints (AWS General Reference, "Service endpoints"): every public endpoint
 *   `<service>.<region>.amazonaws.com` that exists resolves; "Name or service not known" for one
 *   names a service not offered in that region (the Price List API answers in three regions)
 *   or a misspelt region.
 * - Cloud account quotas: Azure Compute "Operation results in exceeding quota limits of Core"
 *   (OperationNotAllowed / QuotaExceeded, "Increase regional vCPU quotas"), Databricks
 *   termination codes AZURE_QUOTA_EXCEEDED_EXCEPTION and GCP_QUOTA_EXCEEDED (Clusters API,
 *   type CLIENT_ERROR), EC2 VcpuLimitExceeded.
 * - Kafka: the producer waits max.block.ms for metadata of a topic the brokers answer
 *   UNKNOWN_TOPIC_OR_PARTITION for, then "Topic x not present in metadata after N ms"
 *   (KAFKA-8862, KAFKA-16965): a topic that does not exist, with auto-creation off.
 * - Akka/Pekko remoting drops a message over `akka.framesize` ("Discarding oversized payload",
 *   OversizedPayloadException; FLINK-4383, FLINK-14618); the ask that waited for it then times
 *   out.
 */
export const settingsBehindTransientsPack: RulePack = {
  name: 'settings-behind-transients',
  origin: 'built-in',
  rules: [
    {
      id: 'endpoint-host-malformed',
      category: 'config_error',
      description:
        'the endpoint host name is malformed (a URL scheme, quotes or brackets, an account name the service never allows)',
      patterns: [
        '\\bDNS resolution failed for (?:[a-z][a-z0-9+.-]*://|\\S*[\'"(),])',
        "(?:\\/\\/|host=')[a-z0-9]*_[a-z0-9_]*\\.(?:blob|dfs|file|queue|table)\\.core\\.windows\\.net\\b",
      ],
      where: 'any',
      weight: 0.88,
      explains: ['dependency_unavailable', 'infrastructure'],
    },
    {
      id: 'aws-endpoint-does-not-resolve',
      category: 'config_error',
      description:
        'an AWS service endpoint that does not resolve: the service is not offered in that region, or the region is misspelt',
      patterns: [
        'Could not connect to the endpoint URL: "https?://[\\w.-]+\\.amazonaws\\.com',
      ],
      requires: [
        '\\bName or service not known\\b|\\bnodename nor servname provided\\b|\\bgetaddrinfo (?:ENOTFOUND|failed)\\b|\\[Errno -2\\]',
      ],
      weight: 0.8,
      explains: ['dependency_unavailable'],
    },
    {
      id: 'cloud-account-core-quota',
      category: 'resource_exhaustion',
      description:
        "the launch asks for more cores than the subscription's or account's quota allows",
      patterns: [
        '\\bexceeding (?:approved )?(?:quota limits of Cores?\\b|\\S+ (?:Family )?Cores quota\\b)|\\bAZURE_QUOTA_EXCEEDED_EXCEPTION\\b|\\bGCP_QUOTA_EXCEEDED\\b|\\bVcpuLimitExceeded\\b|\\bcurrent vCPU limit\\b',
      ],
      where: 'any',
      weight: 0.9,
      explains: ['infrastructure', 'dependency_unavailable'],
    },
    {
      id: 'kafka-topic-does-not-exist',
      category: 'config_error',
      description:
        'the producer names a topic the brokers say does not exist (auto-creation off)',
      patterns: ['\\bTopic \\S+ not present in metadata after \\d+ ?ms\\b'],
      requires: [
        '\\bUNKNOWN_TOPIC_OR_PARTITION\\b|\\bUnknownTopicOrPartitionException\\b',
      ],
      weight: 0.85,
      explains: ['dependency_unavailable'],
    },
    {
      id: 'akka-oversized-payload',
      category: 'resource_exhaustion',
      description:
        'an RPC message larger than the framesize limit was dropped, so the call waiting for it timed out',
      patterns: [
        '\\bOversizedPayloadException\\b|\\bDiscarding oversized payload\\b|\\bexceeds the maximum (?:akka|pekko) framesize\\b',
      ],
      where: 'any',
      weight: 0.85,
      explains: ['dependency_unavailable', 'infrastructure'],
    },
  ],
};
