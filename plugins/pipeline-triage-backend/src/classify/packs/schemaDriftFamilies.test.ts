import { extractEvidence } from '../../evidence';
import { classify } from '../classify';

const categoryOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log })).category;

/**
 * Schema drift is reported in families (issue 17, point 3): each message below is worded
 * unlike any corpus case, and must classify by its family, whatever the engine.
 */
describe('schema-drift families', () => {
  it.each([
    // a column that is no longer there, as each engine words it
    'ERROR: column "ship_region" does not exist\nLINE 1: SELECT ship_region FROM raw.shipments',
    'google.api_core.exceptions.BadRequest: 400 Unrecognized name: ship_region at [4:9]',
    "io.trino.spi.TrinoException: line 2:8: Column 'ship_region' cannot be resolved",
    "pymysql.err.OperationalError: (1054, \"Unknown column 'ship_region' in 'field list'\")",
    "pyodbc.ProgrammingError: ('42S22', \"[42S22] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Invalid column name 'ship_region'. (207)\")",
    'cx_Oracle.DatabaseError: ORA-00904: "SHIP_REGION": invalid identifier',
    'DB::Exception: No such column ship_region in table raw.shipments. (NO_SUCH_COLUMN_IN_TABLE)',
    '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `ship_region` cannot be resolved. Did you mean one of the following? [`region`, `ship_id`]',
    // BigQuery's load wrapper reads as bad rows; the field the table lacks is why they failed
    'googleapi: Error 400: Error while reading data, error message: JSON table encountered too many errors, giving up. Rows: 1; errors: 1., invalid, errors: [message: JSON parsing error in row starting at position 0: No such field: plan_tier.]',
    // Spark 2.x-3.2 wording: the name in backticks inside quotes
    "org.apache.spark.sql.AnalysisException: cannot resolve '`ship_region`' given input columns: [shipments.id, shipments.region]; line 1 pos 7;",
    // the same, where the log itself says the input changed
    "snowflake.connector.errors.ProgrammingError: 000904 (42000): SQL compilation error: error line 3 at position 11\ninvalid identifier 'SHIP_REGION'\nNote: column SHIP_REGION was renamed in the source table RAW.SHIPMENTS",
    // a sync tool reading a source table: the column it lists is gone at the source
    "2026-03-01 02:00:14 ERROR stream sync failed for table SALES.PUBLIC.INVOICES\nsnowflake.connector.errors.ProgrammingError: 000904 (42000): SQL compilation error: error line 12 at position 3\ninvalid identifier 'DISCOUNT_CODE'",
    // quoted (case-sensitive) identifiers
    'Database Error in model stg_shipments (models/staging/stg_shipments.sql)\n  000904 (42000): SQL compilation error: error line 9 at position 4\n  invalid identifier \'"Ship Region"\'',
    // a loader's generated statement names a column the target lacks
    'DEBUG:snowflake.connector.cursor:running query [COPY INTO "SHIPMENTS" /* Python:snowflake.connector.pandas_tools.write...]\nsnowflake.connector.errors.ProgrammingError: 000904 (42000): SQL compilation error: error line 1 at position 90\ninvalid identifier \'"CARRIER_NOTE"\'',
    // a stored view whose base table changed
    "002057 (42601): SQL compilation error:\nView definition for 'OPS.REPORTS.SHIPMENTS_V' declared 9 column(s), but view query produces 10 column(s).",
    // file and table (or file and file) types disagree
    "400 Error while reading table: proj.raw.shipments_ext, error message: Parquet column 'weight_kg' has type DOUBLE which does not match the target cpp_type INT64.",
    'org.apache.parquet.io.ParquetDecodingException: The requested schema is not compatible with the file schema. incompatible types: optional int32 qty != optional binary qty (STRING)',
    "java.lang.UnsupportedOperationException: Field carrier's type INT64 in parquet file s3://lake/raw/shipments/dt=2026-01-02/part-3.parquet is incompatible with type varchar defined in table schema",
    'org.apache.spark.SparkException: [CANNOT_MERGE_SCHEMAS] Failed merging schemas:\nInitial schema:\n"STRUCT<qty: INT>"\nSchema that cannot be merged with the initial schema:\n"STRUCT<qty: STRING>".',
    'org.apache.spark.SparkException: Failed merging schema of file s3a://lake/raw/shipments/part-00017.snappy.parquet:\nroot\n |-- qty: string (nullable = true)',
    'org.apache.parquet.io.ParquetDecodingException: Parquet column cannot be converted in file s3://lake/x/part-1.parquet. Column: [qty], Expected: int, Found: BINARY',
    'org.apache.avro.AvroTypeException: Found int, expecting string',
    'org.apache.spark.sql.AnalysisException: A schema mismatch detected when writing to the Delta table (Table ID: 9f1c).\nTo enable schema migration using DataFrameWriter or DataStreamWriter, please set: \'.option("mergeSchema", "true")\'.',
    '400 Provided Schema does not match Table proj:raw.shipments. Field qty has changed type from INTEGER to STRING',
    "Compilation Error in model dim_shipments (models/marts/dim_shipments.sql)\n  This model has an enforced contract that failed.\n  Please ensure the name, data_type, and number of columns in your contract match the columns in your model's definition.",
  ])('classifies %s', log => {
    expect(categoryOf(log)).toBe('schema_drift');
  });
});
