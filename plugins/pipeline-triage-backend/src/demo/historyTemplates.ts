/**
 * Failure messages the history generator draws from: realistic text that the real engine then
 * classifies, so generated history exercises the same path as live events.
 */
export const HISTORY_TEMPLATES: Array<{
  weight: number;
  message: string;
  log?: string;
  signals?: Record<string, number | boolean>;
}> = [
  {
    weight: 5,
    message: 'java.lang.OutOfMemoryError: Java heap space',
    log: 'ERROR Executor: Exception in task 3.0 in stage 12.0 (TID 481)\njava.lang.OutOfMemoryError: Java heap space\n\tat java.util.Arrays.copyOf(Arrays.java:3236)',
  },
  {
    weight: 4,
    message:
      'Container killed by YARN for exceeding physical memory limits. 12.1 GB of 12 GB physical memory used.',
    signals: { exitCode: 137 },
  },
  {
    weight: 4,
    message:
      'psycopg2.OperationalError: connection to server at "orders-db.internal" (10.0.3.17), port 5432 failed: Connection refused',
  },
  {
    weight: 3,
    message:
      'botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the GetTable operation: User: arn:aws:sts::123456789012:assumed-role/etl-role/session is not authorized to perform: glue:GetTable',
  },
  {
    weight: 3,
    message:
      "Database Error in model fct_orders (models/marts/fct_orders.sql)\n  000904 (42000): SQL compilation error: error line 12 at position 8\n  invalid identifier 'ORDERS.DISCOUNT_CODE'",
  },
  {
    weight: 3,
    message:
      'Failure in test not_null_fct_orders_customer_id (models/marts/schema.yml)\n  Got 37 results, configured to fail if != 0',
  },
  {
    weight: 3,
    message:
      'airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; run duration of 7200.4 seconds exceeds the specified timeout of 7200.0.',
    log: '[2026-11-18, 06:00:00 UTC] {s3.py:105} INFO - Poking for key : s3://acme-landing/orders/dt=2026-11-18/_SUCCESS\n[2026-11-18, 08:00:00 UTC] {taskinstance.py:1937} ERROR - Task failed with exception\nairflow.exceptions.AirflowSensorTimeout: Sensor has timed out; run duration of 7200.4 seconds exceeds the specified timeout of 7200.0.',
  },
  {
    weight: 2,
    message: "KeyError: 'discount_code'",
    log: 'Traceback (most recent call last):\n  File "/opt/airflow/dags/orders/transform.py", line 88, in build_rows\n    row["discount"] = record["discount_code"]\nKeyError: \'discount_code\'',
    signals: { recentDeploy: true },
  },
  {
    weight: 2,
    message:
      "airflow.exceptions.AirflowNotFoundException: The conn_id `snowflake_analytics` isn't defined",
  },
  {
    weight: 2,
    message:
      'ExecutorLostFailure (executor 14 exited caused by one of the running tasks) Reason: Executor heartbeat timed out after 125433 ms',
  },
  {
    weight: 1,
    message:
      "org.apache.spark.sql.AnalysisException: cannot resolve '`customer_tier`' given input columns: [order_id, customer_id, amount, created_at]",
  },
  {
    weight: 1,
    message:
      'com.amazonaws.services.s3.model.AmazonS3Exception: Please reduce your request rate. (Service: Amazon S3; Status Code: 503; Error Code: SlowDown)',
    log: 'WARN S3AFileSystem: listing 48213 objects under s3://acme-lake/events/dt=2026-11-17/ took 412s\ncom.amazonaws.services.s3.model.AmazonS3Exception: Please reduce your request rate. (Service: Amazon S3; Status Code: 503; Error Code: SlowDown)',
  },
];
