import { verdictOfLog } from '../../__testUtils__/verdictOfLog';

const triage = (logExcerpt: string) => verdictOfLog(logExcerpt);

const sensorTimeout = (key: string) =>
  [
    'INFO - Executing <Task(S3KeySensor): wait_for_drop> on 2026-03-01 06:00:00+00:00',
    `INFO - Poking for key : ${key}`,
    'airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; run duration of 7201.0 seconds exceeds the specified timeout of 7200.0.',
  ].join('\n');

describe('waits, checks and file layouts (issue 17)', () => {
  it.each([
    's3://drop/app/{year}/{month}/{day}/_SUCCESS',
    's3://drop/app/%Y/%m/%d/',
    's3://drop/app/dt=yyyy-MM-dd/part-0.parquet',
    's3://drop/app/!{timestamp:yyyy/MM/dd}/batch.gz',
    's3://drop/app/{{ ds_nodash }}/_SUCCESS',
  ])(
    'reads a sensor timeout on the unfilled key %s as configuration, never safe',
    key => {
      const v = triage(sensorTimeout(key));
      expect(v.classification.category).toBe('config_error');
      expect(v.retry.safeToRetry).toBe(false);
    },
  );

  it('still reads a sensor timeout on a dated, rendered key as a late file that may be retried', () => {
    const v = triage(sensorTimeout('s3://drop/app/2026-03-01/_SUCCESS'));
    expect(v.classification.category).toBe('source_delay');
    expect(v.retry.safeToRetry).toBe(true);
  });

  it('does not take URL escapes or percentages for strftime directives', () => {
    const v = triage(
      sensorTimeout('s3://drop/app/name%2Fwith%20escapes/2026-03-01/_SUCCESS'),
    );
    expect(v.classification.category).toBe('source_delay');
  });

  it("reads a deferred sensor's trigger timeout as a late input, not a dependency timeout", () => {
    const log = [
      'INFO - Executing <Task(ExternalTaskSensor): wait_for_ingest> on 2026-02-25 02:00:00+00:00',
      "INFO - Checking 1 task(s) of ingest_pos; current states: {'running': 1}",
      'ERROR - Task failed with exception',
      'airflow.exceptions.TaskDeferralTimeout: Trigger/execution timeout',
    ].join('\n');
    const v = triage(log);
    expect(v.classification.category).toBe('source_delay');
    expect(v.retry.safeToRetry).toBe(true);
    // A deferrable operator that is not a sensor keeps its own reading.
    expect(
      triage(
        'INFO - Executing <Task(BigQueryInsertJobOperator): load> on 2026-02-25\nairflow.exceptions.TaskDeferralTimeout: Trigger/execution timeout',
      ).classification.category,
    ).not.toBe('source_delay');
  });

  it('reads failed Soda checks as data quality, and a scan with runtime errors not', () => {
    const summary = (runtimeErrors: number) =>
      [
        'Soda Core 3.5.2',
        'Scan summary:',
        '| Checks         | 3 |    |',
        '| Failed         | 1 | x  |',
        `| Runtime Errors | ${runtimeErrors} |    |`,
        'Exiting with code 1',
      ].join('\n');
    expect(triage(summary(0)).classification.category).toBe('data_quality');
    expect(triage(summary(2)).classification.category).not.toBe('data_quality');
  });

  it("reads PyIceberg's field mismatch and a Parquet converter refusal as schema drift", () => {
    expect(
      triage(
        'Traceback (most recent call last):\nValueError: Mismatch in fields:\n| reading: optional double | reading: optional string |',
      ).classification.category,
    ).toBe('schema_drift');
    expect(
      triage(
        'Caused by: java.lang.UnsupportedOperationException: org.apache.parquet.avro.AvroConverters$FieldLongConverter\n\tat org.apache.parquet.io.api.PrimitiveConverter.addDouble(PrimitiveConverter.java:84)',
      ).classification.category,
    ).toBe('schema_drift');
  });

  it('reads a timeout over tiny files as small-file pressure, and a bare timeout not', () => {
    const v = triage(
      [
        'INFO Listing files under /data/metrics/region=eu: 1,400 files (avg 98 KB)',
        'java.util.concurrent.TimeoutException: Future timed out after [600 seconds]',
      ].join('\n'),
    );
    expect(v.classification.category).toBe('small_file_pressure');
    expect(v.retry.safeToRetry).toBe(false);
    expect(
      triage(
        'java.util.concurrent.TimeoutException: Future timed out after [600 seconds]',
      ).classification.category,
    ).not.toBe('small_file_pressure');
  });

  it('reads a configured stream the source no longer has as configuration', () => {
    const v = triage(
      `KeyError: "The requested stream employee was not found in the source. Available streams: dict_keys(['employees_directory_stream'])"`,
    );
    expect(v.classification.category).toBe('config_error');
    expect(v.retry.safeToRetry).toBe(false);
  });
});
