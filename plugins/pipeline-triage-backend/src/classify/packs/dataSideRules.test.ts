import { extractEvidence } from '../../evidence';
import { classify } from '../classify';

const categoryOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log })).category;

/** Data-side failures whose error line names a symptom; the figure or context names the cause. */
describe('data-side rules (issue 17)', () => {
  it('reads a metastore timeout over tens of thousands of partitions as small files, not an outage', () => {
    const log = [
      'INFO planner: table logs.access has 1,842,611 partitions, filter pruned none',
      'io.trino.spi.TrinoException: hms-3:9083: java.net.SocketTimeoutException: Read timed out',
    ].join('\n');
    expect(categoryOf(log)).toBe('small_file_pressure');
    // The same timeout without the figure stays a metastore failure.
    expect(
      categoryOf(
        'io.trino.spi.TrinoException: hms-3:9083: java.net.SocketTimeoutException: Read timed out',
      ),
    ).not.toBe('small_file_pressure');
    // Spark's shuffle partition setting is not a metastore partition count.
    expect(
      categoryOf(
        [
          'INFO conf: spark.sql.shuffle.partitions 20000 partitions',
          'Caused by: org.apache.thrift.transport.TTransportException: Read timed out on metastore',
        ].join('\n'),
      ),
    ).not.toBe('small_file_pressure');
  });

  it("reads Hive's incompatible column types as schema drift behind a sync error", () => {
    const log = [
      'org.apache.hudi.exception.HoodieException: Could not sync using the meta sync class org.apache.hudi.hive.HiveSyncTool',
      'Caused by: org.apache.hudi.hive.HoodieHiveSyncException: Got runtime exception when hive syncing t',
      'Caused by: InvalidOperationException(message:The following columns have types incompatible with the existing columns in their respective positions :',
    ].join('\n');
    expect(categoryOf(log)).toBe('schema_drift');
  });

  it('reads a vanished committer _temporary as concurrent writers, not a late input', () => {
    const log = [
      'INFO FileOutputCommitter: File Output Committer Algorithm version is 1',
      'ERROR FileFormatWriter: Aborting job null.',
      'java.io.FileNotFoundException: File hdfs://nn/wh/t/_temporary/0/task_1_0003_m_000004/dt=2018-05-14/part-4.parquet does not exist.',
    ].join('\n');
    expect(categoryOf(log)).toBe('config_error');
  });

  it('reads a record rejected by registry validation as schema drift', () => {
    expect(
      categoryOf(
        'java.lang.IllegalStateException: The data to send is not compatible with the schema. [ProtobufDifference(message=1 fields removed without reservation, message Order)]',
      ),
    ).toBe('schema_drift');
  });

  it('reads a driver killed while listing millions of files as small files', () => {
    const log = [
      'INFO InMemoryFileIndex: Listing leaf files and directories in parallel under 12,814,330 paths',
      'Diagnostics: Container [pid=1,containerID=c_01] is running beyond physical memory limits. Current usage: 5.5 GB of 5.5 GB physical memory used. Killing container.',
      'ERROR glue.ProcessLauncher: Error from Python:Command failed with exit code 1',
    ].join('\n');
    expect(categoryOf(log)).toBe('small_file_pressure');
  });

  it("reads AQE's skew-join report behind an executor memory kill as skew", () => {
    const log = [
      'INFO OptimizeSkewedJoin: Left side partition 7 (12.1 GB) is skewed, split it into 96 parts.',
      'ERROR YarnScheduler: Lost executor 4 on node-3: Container killed by YARN for exceeding physical memory limits. 18.2 GB of 18 GB physical memory used.',
    ].join('\n');
    expect(categoryOf(log)).toBe('data_skew');
  });

  it('reads an input still missing after repeated checks as a source delay', () => {
    expect(
      categoryOf(
        'ERROR Orchestrator: sensor silver.events failed: partition 2026-07-02 not found after 24 attempts',
      ),
    ).toBe('source_delay');
  });
});
