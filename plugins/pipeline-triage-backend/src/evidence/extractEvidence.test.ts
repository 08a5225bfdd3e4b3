import { extractEvidence } from './extractEvidence';

describe('extractEvidence', () => {
  it('numbers lines across message, stack trace and log, without repeating the message', () => {
    const ev = extractEvidence({
      errorMessage: 'Job failed: Access Denied',
      stackTrace:
        'java.nio.file.AccessDeniedException: s3a://b/k\n\tat org.apache.hadoop.fs.s3a.S3AUtils.translateException(S3AUtils.java:1)',
      logExcerpt: 'INFO starting\nERROR it broke',
    });
    expect(ev.lines.map(l => [l.id, l.section])).toEqual([
      ['L1', 'message'],
      ['L2', 'stack'],
      ['L3', 'stack'],
      ['L4', 'log'],
      ['L5', 'log'],
    ]);
    const again = extractEvidence({
      errorMessage: 'ERROR it broke',
      logExcerpt: 'INFO starting\nERROR it broke',
    });
    expect(again.lines.map(l => l.section)).toEqual(['log', 'log']);
  });

  it('extracts error codes of several systems', () => {
    const ev = extractEvidence({
      logExcerpt: [
        "002003 (42S02): SQL compilation error: Object 'X' does not exist or not authorized.",
        'com.amazonaws.services.s3.model.AmazonS3Exception: Slow Down (Service: Amazon S3; Status Code: 503; Error Code: SlowDown; Request ID: 1)',
        'botocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling the GetJobRun operation',
        'ORA-01017: invalid username/password; logon denied',
        'google.api_core.exceptions.InternalServerError: 500 Error encountered during execution; reason: backendError',
        'org.apache.spark.sql.AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column with name `x` cannot be resolved',
        'psycopg2.errors.UndefinedTable: relation "orders" does not exist (SQLSTATE 42P01)',
      ].join('\n'),
    });
    const codes = ev.codes.map(c => `${c.system}:${c.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'snowflake:002003',
        'sqlstate:42S02',
        'http:503',
        'aws:SlowDown',
        'aws:ThrottlingException',
        'oracle:ORA-01017',
        'http:500',
        'bigquery:backendError',
        'spark:UNRESOLVED_COLUMN.WITH_SUGGESTION',
        'sqlstate:42P01',
      ]),
    );
    expect(codes).not.toContain('http:137');
  });

  it('reads exit codes and kill signals from text and signals', () => {
    const ev = extractEvidence({
      logExcerpt:
        'Container killed on request. Exit code is 137\nTask exited with return code Negsignal.SIGKILL\nProcess exited with code -9',
      signals: { exitCode: 143 },
    });
    expect(ev.signals.exitCodes).toEqual(
      expect.arrayContaining([143, 137, -9]),
    );
    expect(ev.signals.killSignals).toEqual(
      expect.arrayContaining(['SIGKILL', 'SIGTERM']),
    );
  });

  it('counts errors, warnings and lost tasks, and derives skew ratios', () => {
    const ev = extractEvidence({
      logExcerpt: [
        'WARN TaskSetManager: Lost task 1.0 in stage 2.0 (TID 5): ExecutorLostFailure',
        'WARN TaskSetManager: Lost task 2.0 in stage 2.0 (TID 6): ExecutorLostFailure',
        'WARN something odd',
        'ERROR Job failed',
      ].join('\n'),
      signals: {
        taskCount: 200,
        maxTaskDurationSeconds: 3000,
        medianTaskDurationSeconds: 40,
      },
    });
    expect(ev.counts.errors).toBe(3);
    expect(ev.counts.warnings).toBe(1);
    expect(ev.counts.failedTasks).toBe(2);
    expect(ev.signals.taskDurationRatio).toBe(75);
    expect(ev.signalLines.map(l => l.text)).toContain('taskDurationRatio=75');
  });

  it('treats a short message without error wording as the error itself', () => {
    const ev = extractEvidence({
      errorMessage: 'TaskManager with id tm-3 is gone',
    });
    expect(ev.lines[0].role).toBe('root');
  });

  it('caps pathological lines so regexes never see more than 4 KB', () => {
    const ev = extractEvidence({
      logExcerpt: `ERROR ${'x'.repeat(100_000)}\nERROR short`,
    });
    expect(ev.lines[0].text.length).toBeLessThanOrEqual(4097);
    expect(ev.lines[1].text).toBe('ERROR short');
  });

  it('treats Python source lines under a frame as part of the frame', () => {
    const ev = extractEvidence({
      logExcerpt: [
        'Traceback (most recent call last):',
        '  File "/app/x.py", line 3, in f',
        '    raise TimeoutError("denied")',
        'TimeoutError: denied',
      ].join('\n'),
    });
    expect(ev.byId.get('L3')!.role).toBe('frame');
    expect(ev.rootIds).toEqual(['L4']);
  });
});
