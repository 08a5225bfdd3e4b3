import type { ContractFormat, LogicalType } from './types';

/**
 * Physical and engine type names (after lower-casing, dropping `(…)` arguments and a Spark
 * `…Type` suffix) mapped to ODCS logical types. What is not here is unknown, and an unknown
 * type never produces a type mismatch.
 */
const BASE_TYPES: Record<string, LogicalType> = {
  // text
  string: 'string',
  str: 'string',
  utf8: 'string',
  text: 'string',
  varchar: 'string',
  char: 'string',
  character: 'string',
  'character varying': 'string',
  nvarchar: 'string',
  nchar: 'string',
  ntext: 'string',
  bpchar: 'string',
  citext: 'string',
  clob: 'string',
  uuid: 'string',
  // integers
  int: 'integer',
  integer: 'integer',
  bigint: 'integer',
  smallint: 'integer',
  tinyint: 'integer',
  byteint: 'integer',
  long: 'integer',
  short: 'integer',
  byte: 'integer',
  int2: 'integer',
  int4: 'integer',
  int8: 'integer',
  int16: 'integer',
  int32: 'integer',
  int64: 'integer',
  uint8: 'integer',
  uint16: 'integer',
  uint32: 'integer',
  uint64: 'integer',
  serial: 'integer',
  smallserial: 'integer',
  bigserial: 'integer',
  // numbers with a fraction
  double: 'number',
  'double precision': 'number',
  float: 'number',
  float4: 'number',
  float8: 'number',
  float32: 'number',
  float64: 'number',
  real: 'number',
  money: 'number',
  bignumeric: 'number',
  bigdecimal: 'number',
  // booleans
  boolean: 'boolean',
  bool: 'boolean',
  // dates and times
  date: 'date',
  date32: 'date',
  timestamp: 'timestamp',
  timestamptz: 'timestamp',
  timestamp_tz: 'timestamp',
  timestamp_ntz: 'timestamp',
  timestamp_ltz: 'timestamp',
  timestampntz: 'timestamp',
  'timestamp with time zone': 'timestamp',
  'timestamp without time zone': 'timestamp',
  'timestamp with local time zone': 'timestamp',
  datetime: 'timestamp',
  datetime2: 'timestamp',
  smalldatetime: 'timestamp',
  datetimeoffset: 'timestamp',
  time: 'time',
  timetz: 'time',
  'time with time zone': 'time',
  'time without time zone': 'time',
  // semi-structured
  json: 'object',
  jsonb: 'object',
  variant: 'object',
  object: 'object',
  struct: 'object',
  record: 'object',
  map: 'object',
  super: 'object',
  array: 'array',
  list: 'array',
};

/** decimal / numeric / number: an integer when the scale is 0 (Snowflake NUMBER defaults to 0). */
const DECIMAL_TYPES = new Set(['decimal', 'dec', 'numeric', 'number']);

/**
 * The ODCS logical type of a physical or engine type (Spark, Snowflake, BigQuery, PostgreSQL and
 * the common Arrow/Avro names); undefined when the type is not known.
 *
 *     logicalTypeOf('DecimalType(12,2)') === 'number'
 *     logicalTypeOf('NUMBER(38,0)') === 'integer'
 *     logicalTypeOf('timestamp with time zone') === 'timestamp'
 *     logicalTypeOf('ARRAY<STRING>') === 'array'
 */
export function logicalTypeOf(
  physicalOrEngineType: string | undefined,
): LogicalType | undefined {
  if (!physicalOrEngineType) return undefined;
  let text = physicalOrEngineType.trim();
  if (!text) return undefined;

  // Spark's class names: StringType, DecimalType(10,2), ArrayType(StringType,true).
  const sparkClass = /^([A-Z][A-Za-z]*?)Type\b/.exec(text);
  if (sparkClass) text = sparkClass[1] + text.slice(sparkClass[0].length);

  let lower = text.toLowerCase().replace(/\s+/g, ' ');
  lower = lower.replace(/\s+not null$/, '').replace(/\s+null$/, '');

  // Collections and records, whatever they hold.
  if (
    /^(array|list)\s*[<(]/.test(lower) ||
    /\[\]$/.test(lower) ||
    /^_[a-z]/.test(lower)
  ) {
    return 'array';
  }
  if (/^(struct|map|row|record|object)\s*[<(]/.test(lower)) return 'object';
  if (/^timestamp\[/.test(lower)) return 'timestamp'; // Arrow: timestamp[us, tz=UTC]

  const args = /\(([^)]*)\)/.exec(lower)?.[1];
  const base = lower
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();

  if (DECIMAL_TYPES.has(base)) {
    const parts = args?.split(',').map(s => s.trim());
    const scale = parts && parts.length > 1 ? Number(parts[1]) : undefined;
    if (scale === 0) return 'integer';
    if (scale === undefined && base === 'number') return 'integer';
    return 'number';
  }
  return BASE_TYPES[base];
}

const TEMPORAL = new Set<LogicalType>(['date', 'timestamp', 'time']);

/**
 * Whether data of logical type `observed` still satisfies a contract column of logical type
 * `expected`. Integers satisfy `number`; in ODCS v3.0 (no `timestamp` type) `date` covers every
 * temporal type, and any temporal type is accepted where the contract's physical type says so.
 */
export function logicalTypesCompatible(
  expected: LogicalType,
  observed: LogicalType,
  format?: ContractFormat,
): boolean {
  if (expected === observed) return true;
  if (expected === 'number' && observed === 'integer') return true;
  if (format !== 'odcs-3.1' && expected === 'date' && TEMPORAL.has(observed))
    return true;
  return false;
}
