import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/**
 * How ingestion connectors report failures of their own set-up: change-data-capture sources
 * (Debezium, Airbyte and Flink CDC on PostgreSQL logical replication) and Singer taps run by
 * Meltano. These are configuration and state of the connector, not of the data.
 */
export const ingestionConnectorsPack: RulePack = {
  name: 'ingestion-connectors',
  origin: 'built-in',
  rules: [
    // PostgreSQL logical replication (https://www.postgresql.org/docs/current/logicaldecoding-explanation.html):
    // a slot is named in the connector's config and persists on the server. A slot that is
    // missing, left behind under the same name, or whose confirmed LSN has passed the saved
    // offset fails every start the same way until the slot or the config changes.
    {
      id: 'cdc-replication-slot-state',
      category: 'config_error',
      description:
        "the connector's replication slot is missing, taken, or past its saved offset",
      patterns: [
        ci(
          'replication slot "[^"]+" (?:already exists|does not exist)|Slot name "[^"]+" already exists|Saved offset is before (?:the )?replication slot\'?s confirmed[ _](?:flush[ _])?lsn',
        ),
      ],
      weight: 0.88,
      where: 'any',
      explains: ['infrastructure', 'resource_exhaustion', 'code_error'],
    },
    // The change log position the connector saved (a binlog file and offset, a WAL LSN) has
    // been purged by the server's retention: resuming from it fails on every restart until the
    // retention or the snapshot mode changes, or the source is re-snapshotted.
    {
      id: 'cdc-log-position-purged',
      category: 'config_error',
      description:
        'the change-log position the connector resumes from was purged',
      patterns: [
        ci(
          'trying to read binlog starting at .{0,400}but this is no longer available on the server|binlog (?:file )?.{0,120}(?:has been|was) purged|Reconfigure the connector to use a snapshot when needed',
        ),
      ],
      weight: 0.88,
      where: 'any',
      explains: ['infrastructure', 'code_error'],
    },
    // singer-python's check_config and the taps' stream metadata: a setting the tap needs is
    // absent from its config or catalog (Singer spec, https://github.com/singer-io/getting-started).
    {
      id: 'singer-tap-config',
      category: 'config_error',
      description:
        'a Singer tap is missing a setting or stream metadata it needs',
      patterns: [
        ci(
          'Unrecognized replication[_ -]method|Config is missing required (?:keys|fields|settings?)',
        ),
      ],
      weight: 0.85,
      where: 'any',
      explains: ['code_error'],
    },
    // Issue 17, partial-write corpus: errors that stop a write part-way, in the vendor's wording.
    // Salesforce API StatusCode values for rows the org rejected (SOAP/REST/Bulk API reference):
    // duplicate rules, filter and validation rules, missing required fields, restricted picklists.
    {
      id: 'salesforce-record-rejected-status',
      category: 'data_quality',
      description: 'Salesforce rejected records for their values',
      patterns: [
        '\\b(?:DUPLICATES_DETECTED|DUPLICATE_VALUE|FIELD_FILTER_VALIDATION_EXCEPTION|FIELD_CUSTOM_VALIDATION_EXCEPTION|REQUIRED_FIELD_MISSING|INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST|STRING_TOO_LONG|INVALID_EMAIL_ADDRESS)\\b',
      ],
      where: 'any',
      weight: 0.85,
    },
    // SFDX Data Move Utility: a batch finished with rejected records, listed in the target CSV.
    {
      id: 'sfdmu-records-failed',
      category: 'data_quality',
      description: 'the Salesforce load finished with records rejected',
      patterns: [
        '\\[Batch# [^\\]]+\\] \\{\\w+\\} (?:Incompleted|Completed with issues)\\. \\d+ records (?:succeeded|processed), [1-9]\\d* records failed',
      ],
      where: 'any',
      weight: 0.75,
    },
    // Elasticsearch refuses writes to a closed index (index_closed_exception) until it is
    // reopened: the routing sends records where they cannot go, a retry meets the same index.
    {
      id: 'elasticsearch-index-closed',
      category: 'config_error',
      description: 'records are routed to a closed Elasticsearch index',
      patterns: ['"type"\\s*:\\s*"index_closed_exception"'],
      where: 'any',
      weight: 0.85,
      explains: ['dependency_unavailable'],
    },
    // Elasticsearch mapping conflict: a field arrives with a shape its mapping cannot change to.
    {
      id: 'elasticsearch-object-mapping-cannot-change',
      category: 'schema_drift',
      description:
        'a document field no longer matches its Elasticsearch mapping',
      patterns: [
        "object mapping \\[[^\\]]+\\] can't be changed from (?:nested|non-nested) to (?:nested|non-nested)",
      ],
      where: 'any',
      weight: 0.85,
      explains: ['data_quality'],
    },
  ],
};
