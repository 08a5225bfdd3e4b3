import { isWrapperText, WRAPPER_PATTERNS } from './wrappers';

describe('isWrapperText', () => {
  it('recognises wrappers and lets specific errors through', () => {
    expect(
      isWrapperText(
        '[2024-05-08] {taskinstance.py:2698} ERROR - Task failed with exception',
      ),
    ).toBe(true);
    expect(
      isWrapperText(
        'py4j.protocol.Py4JJavaError: An error occurred while calling o93.append.',
      ),
    ).toBe(true);
    expect(
      isWrapperText('14:02:55  Done. PASS=37 WARN=0 ERROR=1 SKIP=0 TOTAL=38'),
    ).toBe(true);
    expect(isWrapperText('java.lang.OutOfMemoryError: Java heap space')).toBe(
      false,
    );
    expect(
      isWrapperText(
        'Access Denied: Table x: Permission bigquery.tables.get denied',
      ),
    ).toBe(false);
  });

  it('has a gate that every wrapper pattern passes', () => {
    // Each pattern's own source text, read as a line, must pass the gate (the words are literal).
    const samples = [
      'Task failed with exception',
      'Marking task as FAILED',
      'Bash command failed',
      'Command exited with return code 1',
      'returned non-zero exit status 2',
      'dbt invocation completed with errors',
      'An error occurred while calling o1.x',
      'Job aborted due to stage failure',
      'Job aborted.',
      'Writing job aborted',
      'Task failed while writing rows',
      'Exception thrown in awaitResult',
      'Encountered an error:',
      'Completed with 2 errors and 0 warnings',
      'Done. PASS=1',
      'User class threw exception:',
      'query terminated with exception:',
      'java.util.concurrent.ExecutionException',
      'Database Error',
      'DatabaseException: Database Error',
      'FAILED: Execution Error, return code 2 from x',
      'Failing the application',
      'Final app status: FAILED',
      'Error upserting bucketType UPDATE',
      'Failed to upsert for commit time 1',
      'During handling of the above exception, another exception occurred:',
      'Traceback (most recent call last):',
      'Driver stacktrace:',
      'Please see the stack trace below.',
      'Error executing job with overrides',
      'Process finished with exit code 1',
      'Error occurred while executing op "x"',
      'DagsterExecutionStepExecutionError',
      'Recovery is suppressed by NoRestartBackoffTimeStrategy',
      "Finished in state Failed('x')",
      'WorkerSinkTask{id=s-0} Task threw an uncaught and unrecoverable exception',
      'ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.',
      'WorkerSourceTask{id=s-0} Task is being killed and will not recover until manually restarted',
      "AirflowException('Celery command failed on host: w-2')",
      'Launcher ERROR, reason: Main class [org.apache.oozie.action.hadoop.PigMain], exit code [7]',
    ];
    for (const sample of samples)
      expect({ sample, wrapper: isWrapperText(sample) }).toEqual({
        sample,
        wrapper: true,
      });
    const covered = WRAPPER_PATTERNS.filter(p => samples.some(s => p.test(s)));
    expect(covered.length).toBe(WRAPPER_PATTERNS.length);
  });
});
