import { extractEvidence } from '../../evidence';
import { classify } from '../classify';

const categoryOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log })).category;

/**
 * Code errors and data-quality failures are reported in families (issue 17, point 3): the
 * messages below are worded unlike any corpus case, and each must classify by its family.
 */
describe('code-error families', () => {
  it.each([
    // Python exceptions raised in the job's own files
    'Traceback (most recent call last):\n  File "/opt/jobs/enrich.py", line 41, in build_rows\n    total = row["qty"] * price\nTypeError: unsupported operand type(s) for *: \'NoneType\' and \'float\'',
    "Traceback (most recent call last):\n  File \"/srv/etl/load_orders.py\", line 88, in main\n    client.flushh()\nAttributeError: 'Client' object has no attribute 'flushh'",
    'Traceback (most recent call last):\n  File "/srv/etl/rollup.py", line 12, in <module>\n    run(cfgg)\nNameError: name \'cfgg\' is not defined',
    'Traceback (most recent call last):\n  File "/srv/etl/split.py", line 30, in parse\n    return parts[3]\nIndexError: list index out of range',
    'Traceback (most recent call last):\n  File "/srv/etl/ratio.py", line 9, in ratio\n    return a / b\nZeroDivisionError: division by zero',
    'Traceback (most recent call last):\n  File "/srv/etl/merge.py", line 52, in merge\n    out.append(last)\nUnboundLocalError: cannot access local variable \'last\' where it is not associated with a value',
    // JVM exceptions in user classes, Scala, Spark UDFs and Python workers
    'Exception in thread "main" java.lang.NullPointerException\n\tat com.acme.etl.Enricher.apply(Enricher.java:57)',
    'java.lang.ClassCastException: class java.lang.String cannot be cast to class java.lang.Long\n\tat com.acme.jobs.Totals$.sum(Totals.scala:22)',
    'java.lang.ArrayIndexOutOfBoundsException: Index 4 out of bounds for length 4\n\tat com.acme.jobs.LineSplitter.map(LineSplitter.java:19)',
    'scala.MatchError: UNKNOWN_STATUS (of class java.lang.String)\n\tat com.acme.jobs.StatusMapper$.map(StatusMapper.scala:14)',
    'org.apache.spark.SparkException: Failed to execute user defined function (Normalizer$$Lambda$2104/0x00000008: (string) => string)',
    "org.apache.spark.api.python.PythonException: Traceback (most recent call last):\n  File \"/tmp/udfs/clean.py\", line 7, in strip_all\nAttributeError: 'NoneType' object has no attribute 'strip'",
    // SQL written wrong, across engines
    "org.apache.spark.sql.catalyst.parser.ParseException: \nmismatched input 'FORM' expecting {<EOF>, ';'}(line 1, pos 9)",
    "io.trino.spi.TrinoException: line 3:5: mismatched input 'GROUPBY'. Expecting: ',', 'EXCEPT', 'FROM'",
    "Error while compiling statement: FAILED: ParseException line 2:14 extraneous input ',' expecting FROM near '<EOF>'",
    'psycopg2.errors.SyntaxError: syntax error at or near "WHERE"\nLINE 4:   WHERE o.status = 1',
    "snowflake.connector.errors.ProgrammingError: 001003 (42000): SQL compilation error:\nsyntax error line 5 at position 2 unexpected 'ON'.",
    'google.api_core.exceptions.BadRequest: 400 Syntax error: Expected ")" but got keyword FROM at [7:3]',
    'pymysql.err.ProgrammingError: (1064, "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near \'ORDER orders\' at line 1")',
    'ERROR: column reference "customer_id" is ambiguous\nLINE 1: SELECT customer_id FROM orders o JOIN customers c USING (x)',
    'ERROR:  column "o.region" must appear in the GROUP BY clause or be used in an aggregate function',
    'ORA-00979: not a GROUP BY expression',
    'ERROR: function round(double precision, integer, integer) does not exist\nHINT:  No function matches the given name and argument types.',
    "Compilation Error in model stg_orders (models/staging/stg_orders.sql)\n  'dict object' has no attribute 'ordr_cols'",
    // the GROUP BY and argument families as other engines word them
    "io.trino.spi.TrinoException: line 4:8: 'o.region' must be an aggregate expression or appear in GROUP BY clause",
    "Msg 8120, Level 16, State 1: Column 'orders.region' is invalid in the select list because it is not contained in either an aggregate function or the GROUP BY clause.",
    "FAILED: SemanticException [Error 10025]: Line 1:7 Expression not in GROUP BY key 'region'",
    "SQL compilation error: error line 3 at position 7\n'O.REGION' in select clause is neither an aggregate nor in the group by clause.",
    '[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `substring` requires [2, 3] parameters but the actual number is 4.',
    'io.trino.spi.TrinoException: line 2:10: Unexpected parameters (varchar(10), integer, integer, integer) for function substr. Expected: substr(varchar(x), bigint)',
    // Option.get on None and reductions of empty collections in the job's classes
    'java.util.NoSuchElementException: None.get\n\tat scala.None$.get(Option.scala:529)\n\tat com.acme.jobs.Lookup$.find(Lookup.scala:31)',
    'java.lang.UnsupportedOperationException: empty.reduceLeft\n\tat com.acme.Stats$.max(Stats.scala:9)',
    "Compilation Error in model fct_sales (models/marts/fct_sales.sql)\n  'cents_to_dollar' is undefined. This can happen when calling a macro that does not exist.",
  ])('classifies %s', log => {
    expect(categoryOf(log)).toBe('code_error');
  });
});

describe('data-quality families', () => {
  it.each([
    // constraint violations across engines
    'psycopg2.errors.NotNullViolation: null value in column "account_id" of relation "payments" violates not-null constraint',
    'ERROR: duplicate key value violates unique constraint "users_email_key"\nDETAIL:  Key (email)=(a@x.io) already exists.',
    'ERROR: insert or update on table "order_lines" violates foreign key constraint "order_lines_order_id_fkey"',
    'new row for relation "invoices" violates check constraint "invoices_amount_check"',
    "mysql.connector.errors.IntegrityError: 1062 (23000): Duplicate entry '1042' for key 'PRIMARY'",
    'java.sql.SQLIntegrityConstraintViolationException: ORA-01400: cannot insert NULL into ("ODS"."ACCOUNTS"."OWNER_ID")',
    'NULL result in a non-nullable column',
    // values that do not parse or cast
    'ERROR: invalid input syntax for type integer: "12a"',
    'java.lang.NumberFormatException: For input string: "1,204.50"',
    "ValueError: could not convert string to float: 'N/A'",
    "ValueError: time data '2024/13/45' does not match format '%Y-%m-%d'",
    '[CAST_INVALID_INPUT] The value \'abc\' of the type "STRING" cannot be cast to "INT" because it is malformed.',
    "Numeric value 'n/a' is not recognized",
    // values that do not parse, as dataframe readers and other engines say it
    "duckdb.duckdb.ConversionException: Conversion Error: Could not convert string 'N/A' to INT32",
    "pyarrow.lib.ArrowInvalid: Could not convert 'abc' with type str: tried to convert to double",
    'pandas.errors.ParserError: Error tokenizing data. C error: Expected 9 fields in line 4412, saw 11',
    "polars.exceptions.ComputeError: could not parse `n/a` as dtype `i64` at column 'qty' (column number 4)",
    'polars.exceptions.InvalidOperationError: conversion from `str` to `date` failed in column \'dt\' for 3 out of 10000 values: ["2024-13-01"]',
    "java.time.format.DateTimeParseException: Text '2024-02-30' could not be parsed: Invalid date 'FEBRUARY 30'",
    "io.trino.spi.TrinoException: Cannot cast 'abc' to INT",
    'Query failed: INVALID_CAST_ARGUMENT: Value cannot be cast to date: 2024-13-01',
    // checks and expectations
    'great_expectations.exceptions.ValidationError: Validation failed for expectation suite orders.warning',
    'Failure in test not_null_stg_payments_amount (models/staging/schema.yml)\n  Got 14 results, configured to fail if != 0',
    "pandera.errors.SchemaError: Column 'price' failed element-wise validator number 0: greater_than(0) failure cases: -3.5",
    'ValueError: row count check failed: expected at least 1000 rows, got 12',
    'CompletenessConstraint(Completeness(customer_id,None)): Value: 0.93 does not meet the constraint requirement!',
    "Flow 'orders_clean' failed: EXPECTATION_VIOLATION: Expectation 'valid_amount' was violated by 12 rows",
    // data checks raised by the job's own code or a dataframe validation library
    'AssertionError: expected no duplicate order_id, found 17',
    'ValueError: 312 rows have a negative amount',
    'Exception: Row count mismatch: source=10230 target=10112',
    'ValueError: Found 48 null customer ids in batch 2024-05-01',
    "dataframely.exc.ValidationError: 2 rules failed validation:\n - 'email_format' failed for 9 rows",
    // malformed input records
    'org.apache.spark.SparkException: Malformed records are detected in record parsing. Parse Mode: FAILFAST.',
    "json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1 column 5821 (char 5820) while reading record 3391 of input events.jsonl",
  ])('classifies %s', log => {
    expect(categoryOf(log)).toBe('data_quality');
  });
});

describe('the line between code, data and late input', () => {
  it.each([
    'Traceback (most recent call last):\n  File "/opt/jobs/a.py", line 3, in f\nValueError: cannot reindex on an axis with duplicate labels',
    'Traceback (most recent call last):\n  File "/opt/jobs/a.py", line 3, in f\nValueError: not enough values to unpack (expected 3, got 2)',
    'Traceback (most recent call last):\n  File "/opt/jobs/a.py", line 3, in f\nValueError: Length of values (3) does not match length of index (4)',
  ])('keeps code wording as a code error: %s', log => {
    expect(categoryOf(log)).toBe('code_error');
  });

  it('leaves an empty extract (0 rows) out of the data-check family', () => {
    const log =
      'Traceback (most recent call last):\n  File "/opt/airflow/dags/sales/extract.py", line 40, in extract\nValueError: Empty extract for 2025-03-02 (0 rows); refusing to overwrite sales.orders partition';
    expect(categoryOf(log)).not.toBe('data_quality');
  });

  it('reads a value parser (DateTimeParseException) as data, not as SQL that does not parse', () => {
    expect(
      categoryOf(
        "java.time.format.DateTimeParseException: Text '31/02/2025' could not be parsed at index 0",
      ),
    ).toBe('data_quality');
  });
});
