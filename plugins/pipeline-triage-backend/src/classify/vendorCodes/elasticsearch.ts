import type { VendorCodeTable } from './types';

const ERRORS =
  'Elasticsearch "Common error types" / exception types (https://www.elastic.co/guide/en/elasticsearch/reference/current/fix-common-cluster-issues.html); OpenSearch keeps the same type names';
const REJECTED =
  'Elasticsearch "Rejected requests" (https://www.elastic.co/guide/en/elasticsearch/reference/current/rejected-requests.html) and Bulk API: a 429 rejection is back-pressure; retry with exponential backoff';
const WATERMARK =
  'Elasticsearch "Fix watermark errors" (https://www.elastic.co/guide/en/elasticsearch/reference/current/fix-watermark-errors.html): past the flood-stage watermark every index on the node gets index.blocks.read_only_allow_delete (block id 12)';

/**
 * Elasticsearch and OpenSearch error types (`"type":"es_rejected_execution_exception"`), and
 * the id of a cluster block (`blocked by: [TOO_MANY_REQUESTS/12/...]`, code `TOO_MANY_REQUESTS/12`), which
 * says why a write was refused when the HTTP status (429, 403) does not.
 */
export const elasticsearchTable: VendorCodeTable = {
  name: 'elasticsearch',
  system: 'elasticsearch',
  entries: [
    {
      key: 'rejected-execution',
      codes: [
        'es_rejected_execution_exception',
        'rejected_execution_exception',
      ],
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description:
        'Elasticsearch es_rejected_execution_exception (thread-pool queue or indexing pressure full, HTTP 429)',
      source: REJECTED,
      explains: ['resource_exhaustion'],
    },
    {
      key: 'block-12',
      suffix: '/12',
      category: 'resource_exhaustion',
      weight: 0.9,
      description:
        'Elasticsearch cluster block 12 (index read-only-allow-delete: the node passed the flood-stage disk watermark)',
      source: WATERMARK,
      explains: ['dependency_unavailable', 'infrastructure'],
    },
    {
      key: 'no-master',
      codes: [
        'SERVICE_UNAVAILABLE/1',
        'SERVICE_UNAVAILABLE/2',
        'master_not_discovered_exception',
      ],
      category: 'infrastructure',
      weight: 0.7,
      transient: true,
      description:
        'Elasticsearch cluster blocks 1/2 (state not recovered, no master) and master_not_discovered_exception: the cluster is electing a master',
      source: ERRORS,
    },
    {
      key: 'cluster-block',
      code: 'cluster_block_exception',
      category: 'infrastructure',
      weight: 0.45,
      description:
        'Elasticsearch cluster_block_exception (a block refused the operation)',
      source: ERRORS,
    },
    {
      key: 'circuit-breaking',
      code: 'circuit_breaking_exception',
      category: 'resource_exhaustion',
      weight: 0.8,
      description:
        'Elasticsearch circuit_breaking_exception (the request would use more heap than a breaker allows)',
      // It travels with HTTP 429, which here is a symptom of heap, not throttling.
      explains: ['dependency_unavailable'],
      source:
        'Elasticsearch "Circuit breaker errors" (https://www.elastic.co/guide/en/elasticsearch/reference/current/circuit-breaker-errors.html)',
    },
    {
      key: 'too-many-buckets',
      code: 'too_many_buckets_exception',
      category: 'resource_exhaustion',
      weight: 0.7,
      description:
        'Elasticsearch too_many_buckets_exception (an aggregation over search.max_buckets)',
      source: ERRORS,
    },
    {
      key: 'index-not-found',
      codes: ['index_not_found_exception', 'index_closed_exception'],
      category: 'config_error',
      weight: 0.7,
      description:
        'Elasticsearch index_not_found_exception / index_closed_exception',
      source: ERRORS,
    },
    {
      key: 'mapper-parsing',
      codes: ['mapper_parsing_exception', 'document_parsing_exception'],
      category: 'data_quality',
      weight: 0.7,
      description:
        'Elasticsearch mapper_parsing_exception / document_parsing_exception (a document value the mapping cannot take)',
      source: ERRORS,
      explains: ['code_error'],
    },
    {
      key: 'strict-mapping',
      code: 'strict_dynamic_mapping_exception',
      category: 'schema_drift',
      weight: 0.75,
      description:
        'Elasticsearch strict_dynamic_mapping_exception (a field the strict mapping does not define)',
      source: ERRORS,
    },
    {
      key: 'version-conflict',
      code: 'version_conflict_engine_exception',
      category: 'dependency_unavailable',
      weight: 0.5,
      description:
        'Elasticsearch version_conflict_engine_exception (a concurrent write changed the document; safe only with retry_on_conflict or a create that tolerates it)',
      source: ERRORS,
    },
    {
      key: 'security',
      code: 'security_exception',
      category: 'permission',
      weight: 0.8,
      description:
        'Elasticsearch security_exception (authentication or authorisation refused)',
      source: ERRORS,
    },
    {
      key: 'query-parsing',
      codes: ['parsing_exception', 'x_content_parse_exception'],
      category: 'code_error',
      weight: 0.6,
      description:
        'Elasticsearch parsing_exception (a malformed query or request body)',
      source: ERRORS,
    },
  ],
};
