import { extractEvidence } from '../../evidence';
import { classify } from '../classify';

const categoryOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log })).category;

/** Errors that stop a write part-way, in each vendor's wording (issue 17, partial writes). */
describe('write-path error rules', () => {
  it.each([
    [
      "Caused by: java.io.IOException: java.sql.BatchUpdateException: Data truncation: Data too long for column 'date' at row 1",
      'data_quality',
    ],
    [
      '[ERROR] Command sfdmu:run finished with errors. See ./target/Contact_insert_target.csv: DUPLICATES_DETECTED: Use one of these records?',
      'data_quality',
    ],
    [
      'ERROR table insertion failed for the following rows:\n\t[row index 12] (location payload.amount, reason: invalid): Cannot convert value to floating point (bad value): "12,50"\norg.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.',
      'data_quality',
    ],
    [
      'org.apache.kafka.common.KafkaException: Unexpected error in InitProducerIdResponse; The transaction timeout is larger than the maximum value allowed by the broker (as configured by transaction.max.timeout.ms).\n\tSuppressed: java.lang.NullPointerException',
      'config_error',
    ],
    [
      'org.apache.spark.sql.AnalysisException: Queries with streaming sources must be executed with writeStream.start();;',
      'code_error',
    ],
    [
      'Runtime Error in model second_model (models/example/second_model.sql)\n  AnalysisException: WHERE clause must not contain analytic expressions: row_number() OVER (ORDER BY id ASC)',
      'code_error',
    ],
    [
      "Applying change script V1.4__sample_table.sql\nsnowflake.connector.errors.ProgrammingError: 000904 (42000): SQL compilation error: error line 1 at position 38\ninvalid identifier 'EMAIL'",
      'code_error',
    ],
    [
      'com.datastax.driver.core.exceptions.WriteTimeoutException: Cassandra timeout during write query at consistency LOCAL_QUORUM (1 replica were required but only 0 acknowledged the write)',
      'dependency_unavailable',
    ],
    [
      'org.apache.kafka.connect.errors.ConnectException: Bulk request failed: [{"type":"index_closed_exception","reason":"closed","index":"events-2018-02"}]',
      'config_error',
    ],
    [
      'org.apache.kafka.connect.errors.ConnectException: Bulk request failed: [{"type":"illegal_argument_exception","reason":"object mapping [basket_detail] can\'t be changed from nested to non-nested"}]',
      'schema_drift',
    ],
    [
      "WARN TaskSetManager: Lost task 19.0 in stage 9.0 (TID 618) (10.1.3.22 executor 4): ExecutorLostFailure (executor 4 exited caused by one of the running tasks) Reason: Container released on a *lost* node.\nWARN TaskSetManager: Lost task 19.1 in stage 9.0 (TID 680) (10.1.3.27 executor 9): com.microsoft.sqlserver.jdbc.SQLServerException: Violation of PRIMARY KEY constraint 'PK_sales'. Cannot insert duplicate key in object 'dbo.sales'.",
      'infrastructure',
    ],
  ])('reads %s', (log, category) => {
    expect(categoryOf(log)).toBe(category);
  });

  it('keeps the narrower readings where the context that decides them is missing', () => {
    // A compilation error outside a migration tool is not decided by the migration rule.
    expect(
      categoryOf(
        "2026-03-01 02:00:14 ERROR stream sync failed for table SALES.PUBLIC.INVOICES\nsnowflake.connector.errors.ProgrammingError: 000904 (42000): SQL compilation error: error line 12 at position 3\ninvalid identifier 'DISCOUNT_CODE'",
      ),
    ).toBe('schema_drift');
    // A duplicate key on a first attempt, with no executor lost, stays a data problem.
    expect(
      categoryOf(
        "WARN TaskSetManager: Lost task 19.0 in stage 9.0 (TID 680) (10.1.3.27 executor 9): com.microsoft.sqlserver.jdbc.SQLServerException: Violation of PRIMARY KEY constraint 'PK_sales'. Cannot insert duplicate key in object 'dbo.sales'.",
      ),
    ).not.toBe('infrastructure');
    // A query timeout outside the Cassandra connector is not read as a Cassandra write timeout.
    expect(
      classify(
        extractEvidence({
          logExcerpt:
            'ERROR job: Query timed out after PT2M while waiting for the report API',
        }),
      ).rules,
    ).not.toContain('cassandra-write-timeout');
  });
});
