/**
 * Lines and exception segments that only say "something below failed". They are kept as
 * evidence, but weigh little: a wrapper must never outvote the root cause it wraps.
 */
export const WRAPPER_PATTERNS: RegExp[] = [
  /Task failed with exception/i,
  /Marking task as (?:FAILED|UP_FOR_RETRY)/,
  /Bash command failed/,
  /Command exited with return code/,
  /returned non-zero exit status/,
  /dbt invocation completed with errors/i,
  /An error occurred while calling [\w.$]+/,
  /Job aborted due to stage failure/,
  /\bJob aborted\.?\s*$/,
  /Writing job aborted/,
  /Task failed while writing rows/,
  /Exception thrown in awaitResult/,
  /^\s*Encountered an error:?\s*$/,
  /Completed with \d+ errors? and \d+ warnings?/,
  /Done\. PASS=\d+/,
  /User class threw exception:?\s*$/,
  /terminated with exception:?\s*$/,
  /\b(?:ExecutionException|UncheckedExecutionException|InvocationTargetException|UndeclaredThrowableException|CompletionException)\b/,
  /^\s*(?:Database|Runtime|Compilation) Error(?: in \w+ [\w.]+(?: \([^)]*\))?)?\s*$/,
  /DatabaseException: Database Error\s*$/,
  /FAILED: Execution Error, return code/,
  /Failing the application/,
  /Final app status: FAILED/,
  /Error upserting bucketType/,
  /Failed to upsert for commit time/,
  /^\s*(?:The above exception was the direct cause|During handling of the above exception)/,
  /^\s*Traceback \(most recent call last\):?\s*$/,
  /Driver stacktrace:?\s*$/,
  /Please see the stack trace below/,
  /^\s*Error executing job with /,
  /Process finished with exit code/,
  /Error occurred while executing (?:op|asset|step)/,
  /DagsterExecutionStepExecutionError/,
  /Recovery is suppressed by \w*RestartBackoffTimeStrategy/,
  /Finished in state Failed/,
  // Airflow's Celery executor, for any non-zero exit of `airflow tasks run` (celery_executor.py).
  /Celery command failed on host/,
  // Oozie's launcher, for any non-zero exit of the action's main class (LauncherMain).
  /Launcher ERROR, reason: Main class \[[\w.$]+\], exit code \[\d+\]/,
  // Kafka Connect reports every task death with these; the cause follows.
  /Task threw an uncaught and unrecoverable exception/,
  /Exiting Worker(?:Sink|Source)Task due to unrecoverable exception/,
  /Task is being killed and will not recover until manually restarted/,
];

/** Every wrapper pattern contains one of these words: a line without them skips the list. */
const WRAPPER_GATE =
  /error|exception|fail|abort|exit|traceback|stack ?trace|terminated|encountered|completed with|pass=|marking task|upsert|recovery|occurred|threw|being killed/i;

export function isWrapperText(text: string): boolean {
  if (!WRAPPER_GATE.test(text)) return false;
  for (const p of WRAPPER_PATTERNS) if (p.test(text)) return true;
  return false;
}
