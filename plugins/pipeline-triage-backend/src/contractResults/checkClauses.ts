import type { ContractProperty } from '../contracts';

/** Which key of a contract property a check tests, for the clause's line. */
type PropertyKey = keyof ContractProperty['keyLocations'];

export interface CheckClause {
  kind: 'schema' | 'quality' | 'freshness';
  clause: string;
  /** The property key the check was generated from. */
  key?: PropertyKey;
}

/**
 * datacontract-cli check types as contract clauses, the same clauses the plugin's own detection
 * uses where one fits. Source: datacontract-cli, datacontract/engines/checks/create_checks.py
 * (the `type=`/`check_type` of each generated check) and datacontract/engines/checks/
 * dimensions.py (DEFAULT_DIMENSIONS, which lists them).
 */
export const CHECK_CLAUSES: Record<string, CheckClause> = {
  field_is_present: { kind: 'schema', clause: 'missing_required_column' },
  field_type: { kind: 'schema', clause: 'type_changed', key: 'logicalType' },
  field_physical_type: {
    kind: 'schema',
    clause: 'type_changed',
    key: 'physicalType',
  },
  field_nested_type: { kind: 'schema', clause: 'type_changed' },
  field_nested_physical_type: { kind: 'schema', clause: 'type_changed' },
  // The JSON Schema engine's checks (fastjsonschema/check_jsonschema.py) share the type `schema`.
  schema: { kind: 'schema', clause: 'schema_validation' },
  field_required: { kind: 'quality', clause: 'null_values', key: 'required' },
  field_primary_key_required: {
    kind: 'quality',
    clause: 'null_values',
    key: 'primaryKey',
  },
  field_unique: { kind: 'quality', clause: 'duplicate_values', key: 'unique' },
  field_primary_key_unique: {
    kind: 'quality',
    clause: 'duplicate_values',
    key: 'primaryKey',
  },
  primary_key_unique: { kind: 'quality', clause: 'duplicate_values' },
  model_duplicate_values: { kind: 'quality', clause: 'duplicate_values' },
  field_regex: { kind: 'quality', clause: 'invalid_values' },
  field_enum: { kind: 'quality', clause: 'invalid_values' },
  field_min_length: { kind: 'quality', clause: 'invalid_values' },
  field_max_length: { kind: 'quality', clause: 'invalid_values' },
  field_minimum: { kind: 'quality', clause: 'invalid_values' },
  field_maximum: { kind: 'quality', clause: 'invalid_values' },
  field_not_equal: { kind: 'quality', clause: 'invalid_values' },
  row_count: { kind: 'quality', clause: 'row_count' },
  model_quality_sql: { kind: 'quality', clause: 'quality_rule' },
  field_quality_sql: { kind: 'quality', clause: 'quality_rule' },
  quality_custom_soda: { kind: 'quality', clause: 'quality_rule' },
  servicelevel_freshness: { kind: 'freshness', clause: 'latency' },
  servicelevel_retention: { kind: 'freshness', clause: 'retention' },
};

/**
 * The clause of a check: by its type, else by its category (`schema`, `quality`,
 * `servicelevel`). Connection, server and lint checks test the set-up, not the data: none.
 */
export function checkClause(
  type: string | undefined,
  category: string | undefined,
): CheckClause | undefined {
  const known = type ? CHECK_CLAUSES[type] : undefined;
  if (known) return known;
  if (category === 'quality')
    return { kind: 'quality', clause: 'quality_rule' };
  if (category === 'schema' && type?.startsWith('field_'))
    return { kind: 'schema', clause: 'schema_validation' };
  if (category === 'servicelevel')
    return { kind: 'freshness', clause: 'latency' };
  return undefined;
}
