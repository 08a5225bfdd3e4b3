import { extractEvidence } from './extractEvidence';

const chainOf = (log: string) =>
  extractEvidence({ logExcerpt: log }).causeChain.map(l => l.text);

describe('cause chain', () => {
  it('puts the deepest Java cause first and wrappers after it', () => {
    const log = [
      'Exception in thread "main" org.apache.spark.SparkException: Job aborted.',
      '\tat org.apache.spark.sql.execution.datasources.FileFormatWriter$.write(FileFormatWriter.scala:231)',
      'Caused by: java.util.concurrent.ExecutionException: java.io.IOException: wrapped',
      '\tat java.util.concurrent.FutureTask.report(FutureTask.java:122)',
      'Caused by: java.io.FileNotFoundException: /data/in/part-0001.csv (No such file or directory)',
      '\tat java.io.FileInputStream.open0(Native Method)',
    ].join('\n');
    const chain = chainOf(log);
    expect(chain[0]).toMatch(/^java\.io\.FileNotFoundException/);
    expect(chain[chain.length - 1]).toMatch(/SparkException: Job aborted/);
  });

  it('orders chained Python tracebacks: the original exception is the root', () => {
    const log = [
      'Traceback (most recent call last):',
      '  File "/app/load.py", line 10, in load',
      '    conn = connect()',
      'ConnectionRefusedError: [Errno 111] Connection refused',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "/app/main.py", line 3, in <module>',
      '    load()',
      'RuntimeError: could not load orders',
    ].join('\n');
    const chain = chainOf(log);
    expect(chain[0]).toMatch(/^ConnectionRefusedError/);
    expect(chain[1]).toMatch(/^RuntimeError/);
  });

  it('handles "The above exception was the direct cause" the same way', () => {
    const log = [
      'Traceback (most recent call last):',
      '  File "/x.py", line 1, in f',
      "KeyError: 'order_id'",
      '',
      'The above exception was the direct cause of the following exception:',
      '',
      'Traceback (most recent call last):',
      '  File "/y.py", line 2, in g',
      'ValueError: bad record',
    ].join('\n');
    expect(chainOf(log)[0]).toMatch(/^KeyError/);
  });

  it('treats the py4j wrapper as a wrapper and the Java error below it as the cause', () => {
    const log = [
      'py4j.protocol.Py4JJavaError: An error occurred while calling o93.append.',
      ': java.lang.NoSuchMethodError: org.apache.spark.sql.connector.expressions.BucketTransform$.unapply',
      '\tat org.apache.spark.sql.catalyst.expressions.ExtendedV2ExpressionUtils$.toCatalyst(X.scala:68)',
    ].join('\n');
    const ev = extractEvidence({ logExcerpt: log });
    expect(ev.causeChain[0].text).toMatch(/^java\.lang\.NoSuchMethodError/);
    expect(ev.causeChain[1].wrapper).toBe(true);
    expect(ev.rootIds).toEqual(['L2']);
  });

  it('splits the cause out of a Spark stage-failure line', () => {
    const log =
      'org.apache.spark.SparkException: Job aborted due to stage failure: Task 3 in stage 7.0 failed 4 times, most recent failure: Lost task 3.3 in stage 7.0 (TID 91) (10.0.0.5 executor 2): java.lang.OutOfMemoryError: Java heap space';
    const chain = chainOf(log);
    expect(chain[0]).toBe('java.lang.OutOfMemoryError: Java heap space');
    expect(chain[1]).toMatch(/Job aborted due to stage failure/);
  });

  it('takes the message under a dbt error header as the root cause', () => {
    const log = [
      '16:27:09  Completed with 1 error and 0 warnings:',
      '16:27:09  ',
      '16:27:09  Database Error in model fct_orders (models/marts/fct_orders.sql)',
      '16:27:09    001003 (42000): SQL compilation error:',
      "16:27:09    syntax error line 14 at position 8 unexpected 'order'.",
      '16:27:09    compiled SQL at target/run/shop/models/marts/fct_orders.sql',
    ].join('\n');
    const ev = extractEvidence({ logExcerpt: log });
    expect(ev.causeChain[0].text).toMatch(
      /001003 \(42000\): SQL compilation error: syntax error line 14/,
    );
    expect(ev.causeChain[1].text).toMatch(
      /^Database Error in model fct_orders/,
    );
    expect(ev.rootIds).toEqual(['L4', 'L5']);
  });

  it('falls back to the specific error line when only wrappers were raised', () => {
    const log = [
      '[2024-05-08, 03:12:47 UTC] {subprocess.py:93} INFO - BigQuery error in load operation: Provided Schema does not match Table p:d.t. Field x has changed type from STRING to FLOAT',
      '[2024-05-08, 03:12:47 UTC] {subprocess.py:97} INFO - Command exited with return code 1',
      '[2024-05-08, 03:12:47 UTC] {taskinstance.py:2698} ERROR - Task failed with exception',
      'airflow.exceptions.AirflowException: Bash command failed. The command returned a non-zero exit code 1.',
    ].join('\n');
    const ev = extractEvidence({ logExcerpt: log });
    expect(ev.rootIds).toEqual(['L1']);
    expect(ev.byId.get('L4')!.role).toBe('wrapper');
  });

  it('follows Dagster\'s "caused by the following exception" marker', () => {
    const log = [
      'dagster._core.errors.DagsterExecutionStepExecutionError: Error occurred while executing op "prices"::',
      '',
      'The above exception was caused by the following exception:',
      "pandera.errors.SchemaError: Column 'unit_price' failed element-wise validator number 0: greater_than(0)",
    ].join('\n');
    expect(chainOf(log)[0]).toMatch(/^pandera\.errors\.SchemaError/);
  });
});
