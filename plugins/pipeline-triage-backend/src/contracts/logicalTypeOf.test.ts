import { logicalTypeOf, logicalTypesCompatible } from './logicalTypeOf';

describe('logicalTypeOf', () => {
  const table: Array<[string, string, string | undefined]> = [
    // Spark class names
    ['spark', 'StringType', 'string'],
    ['spark', 'LongType', 'integer'],
    ['spark', 'IntegerType', 'integer'],
    ['spark', 'ShortType', 'integer'],
    ['spark', 'DoubleType', 'number'],
    ['spark', 'FloatType', 'number'],
    ['spark', 'DecimalType(10,2)', 'number'],
    ['spark', 'DecimalType(38,0)', 'integer'],
    ['spark', 'TimestampType', 'timestamp'],
    ['spark', 'TimestampNTZType', 'timestamp'],
    ['spark', 'DateType', 'date'],
    ['spark', 'BooleanType', 'boolean'],
    ['spark', 'ArrayType(StringType,true)', 'array'],
    ['spark', 'StructType(StructField(a,StringType,true))', 'object'],
    ['spark', 'MapType(StringType,LongType,true)', 'object'],
    ['spark', 'BinaryType', undefined],
    // Spark SQL names
    ['spark sql', 'string', 'string'],
    ['spark sql', 'bigint', 'integer'],
    ['spark sql', 'int', 'integer'],
    ['spark sql', 'double', 'number'],
    ['spark sql', 'decimal(10,2)', 'number'],
    ['spark sql', 'decimal(12, 2)', 'number'],
    ['spark sql', 'timestamp', 'timestamp'],
    ['spark sql', 'date', 'date'],
    ['spark sql', 'boolean', 'boolean'],
    ['spark sql', 'array<string>', 'array'],
    ['spark sql', 'struct<a:int,b:string>', 'object'],
    ['spark sql', 'map<string,int>', 'object'],
    // Snowflake
    ['snowflake', 'VARCHAR', 'string'],
    ['snowflake', 'VARCHAR(16777216)', 'string'],
    ['snowflake', 'TEXT', 'string'],
    ['snowflake', 'NUMBER(38,0)', 'integer'],
    ['snowflake', 'NUMBER(12,2)', 'number'],
    ['snowflake', 'NUMBER', 'integer'],
    ['snowflake', 'FLOAT', 'number'],
    ['snowflake', 'TIMESTAMP_NTZ', 'timestamp'],
    ['snowflake', 'TIMESTAMP_LTZ(9)', 'timestamp'],
    ['snowflake', 'TIMESTAMP_TZ', 'timestamp'],
    ['snowflake', 'DATE', 'date'],
    ['snowflake', 'BOOLEAN', 'boolean'],
    ['snowflake', 'VARIANT', 'object'],
    ['snowflake', 'VARCHAR(2) NOT NULL', 'string'],
    // BigQuery
    ['bigquery', 'STRING', 'string'],
    ['bigquery', 'INT64', 'integer'],
    ['bigquery', 'NUMERIC', 'number'],
    ['bigquery', 'BIGNUMERIC', 'number'],
    ['bigquery', 'FLOAT64', 'number'],
    ['bigquery', 'TIMESTAMP', 'timestamp'],
    ['bigquery', 'DATETIME', 'timestamp'],
    ['bigquery', 'DATE', 'date'],
    ['bigquery', 'BOOL', 'boolean'],
    ['bigquery', 'JSON', 'object'],
    ['bigquery', 'ARRAY<STRING>', 'array'],
    ['bigquery', 'STRUCT<a INT64, b STRING>', 'object'],
    ['bigquery', 'GEOGRAPHY', undefined],
    // PostgreSQL
    ['postgres', 'text', 'string'],
    ['postgres', 'varchar(255)', 'string'],
    ['postgres', 'character varying', 'string'],
    ['postgres', 'character varying(64)', 'string'],
    ['postgres', 'integer', 'integer'],
    ['postgres', 'bigint', 'integer'],
    ['postgres', 'smallint', 'integer'],
    ['postgres', 'int4', 'integer'],
    ['postgres', 'numeric', 'number'],
    ['postgres', 'numeric(10,0)', 'integer'],
    ['postgres', 'double precision', 'number'],
    ['postgres', 'real', 'number'],
    ['postgres', 'timestamp with time zone', 'timestamp'],
    ['postgres', 'timestamp without time zone', 'timestamp'],
    ['postgres', 'timestamp(3) with time zone', 'timestamp'],
    ['postgres', 'timestamptz', 'timestamp'],
    ['postgres', 'date', 'date'],
    ['postgres', 'boolean', 'boolean'],
    ['postgres', 'jsonb', 'object'],
    ['postgres', 'uuid', 'string'],
    ['postgres', 'text[]', 'array'],
    ['postgres', '_int4', 'array'],
    ['postgres', 'interval', undefined],
    ['postgres', 'bytea', undefined],
    // unknowns
    ['custom domain', 'Name', undefined],
    ['empty', '', undefined],
    ['blank', '   ', undefined],
  ];

  it.each(table)('%s %p → %p', (_engine, physical, logical) => {
    expect(logicalTypeOf(physical)).toBe(logical);
  });

  it('is undefined for undefined', () => {
    expect(logicalTypeOf(undefined)).toBeUndefined();
  });
});

describe('logicalTypesCompatible', () => {
  it('accepts integers where a number is expected, not the other way round', () => {
    expect(logicalTypesCompatible('number', 'integer')).toBe(true);
    expect(logicalTypesCompatible('integer', 'number')).toBe(false);
  });

  it('lets ODCS v3.0 `date` cover timestamps, but not in v3.1', () => {
    expect(logicalTypesCompatible('date', 'timestamp', 'odcs-3.0')).toBe(true);
    expect(logicalTypesCompatible('date', 'timestamp', 'odcs-3.1')).toBe(false);
    expect(logicalTypesCompatible('timestamp', 'date', 'odcs-3.0')).toBe(false);
  });

  it('rejects different families', () => {
    expect(logicalTypesCompatible('string', 'integer', 'odcs-3.1')).toBe(false);
  });
});
