import type { RunOutcome } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IngestAdapter } from '@pipeline-triage/plugin-pipeline-triage-node';
import { resolveEnvironment } from './environment';
import { versionsOf } from './runVersions';
import {
  FieldReader,
  type JsonObject,
  finalizeEvents,
  isObject,
} from './fields';

/**
 * The payload our Airflow callback posts (on_failure_callback, on_retry_callback,
 * on_success_callback). `up_for_retry` is a failed attempt that Airflow will retry.
 */
const OUTCOMES: Record<string, RunOutcome> = {
  failed: 'fail',
  up_for_retry: 'fail',
  success: 'success',
};

export const airflowAdapter: IngestAdapter = {
  id: 'airflow',

  detect(payload) {
    // A `job` object means a stored canonical event being replayed: that is the generic shape.
    if (!isObject(payload) || isObject(payload.job)) return false;
    return (
      payload.source === 'airflow' ||
      ('dag_id' in payload && 'task_id' in payload)
    );
  },

  normalize(payload, ctx) {
    const r = new FieldReader();
    const p = payload as JsonObject;

    const dagId = r.requiredString(p.dag_id, 'dag_id');
    const taskId = r.requiredString(p.task_id, 'task_id');
    const state = r.requiredString(p.state, 'state');
    const outcome = state === undefined ? undefined : OUTCOMES[state];
    if (state !== undefined && !outcome) {
      r.problem(
        'state',
        `state ${state} is not a run outcome; expected failed, up_for_retry or success`,
      );
    }
    // try_number is the attempt that just ended, 1-based (Airflow >= 2.10 semantics).
    const tryNumber = r.integer(p.try_number, 'try_number');
    if (tryNumber !== undefined && tryNumber < 1)
      r.problem('try_number', 'expected an integer >= 1');
    // max_tries counts retries, not attempts: retries=2 gives max_tries=2 and 3 attempts.
    const maxTries = r.integer(p.max_tries, 'max_tries');
    if (maxTries !== undefined && maxTries < 0)
      r.problem('max_tries', 'expected an integer >= 0');

    const logicalDate = r.time(p.logical_date, 'logical_date');
    const startDate = r.time(p.start_date, 'start_date');
    const endDate = r.time(p.end_date, 'end_date');
    const eventTime =
      endDate ??
      startDate ??
      logicalDate ??
      r.problem('end_date', 'required (or start_date, logical_date)');

    const exception = r.string(p.exception, 'exception');
    const exceptionType = r.string(p.exception_type, 'exception_type');
    const logUrl = r.url(p.log_url, 'log_url');
    const operator = r.string(p.operator, 'operator');
    const hostname = r.string(p.hostname, 'hostname');
    const environment = r.string(p.environment, 'environment');
    // Airflow 3 versions DAGs (ti.dag_version.version_number); older callbacks may send a hash.
    const dagVersion =
      r.string(
        typeof p.dag_version === 'number'
          ? String(p.dag_version)
          : p.dag_version,
        'dag_version',
      ) ?? r.string(p.dag_hash, 'dag_hash');
    const airflowVersion = r.string(p.airflow_version, 'airflow_version');
    const event = {
      runId: r.id(p.run_id, 'run_id'),
      stackTrace: r.string(p.traceback, 'traceback'),
      logExcerpt: r.string(p.log_tail, 'log_tail'),
      durationSeconds: r.nonNegative(p.duration, 'duration'),
    };
    r.check();

    return finalizeEvents([
      {
        source: 'airflow',
        outcome,
        environment: resolveEnvironment(ctx, [environment], [hostname]),
        job: {
          namespace: 'airflow',
          name: `${dagId}.${taskId}`,
          type: operator ? `airflow/${operator}` : 'airflow/task',
          airflowDagId: dagId,
          airflowTaskId: taskId,
        },
        runId: event.runId,
        // The data interval a run processes: re-runs of the same logical date share it.
        batchId: logicalDate,
        attempt: tryNumber,
        maxAttempts: maxTries === undefined ? undefined : maxTries + 1,
        eventTime: eventTime!,
        errorMessage: exceptionMessage(exceptionType, exception),
        stackTrace: event.stackTrace,
        logExcerpt: event.logExcerpt,
        links: logUrl
          ? [{ kind: 'airflow_task_instance', url: logUrl }]
          : undefined,
        signals: { durationSeconds: event.durationSeconds },
        versions: versionsOf({
          code: dagVersion,
          engine: airflowVersion && `airflow ${airflowVersion}`,
        }),
      },
    ]);
  },
};

/** `KeyError: 'order_id'`, without doubling the type when the sender already included it. */
function exceptionMessage(type?: string, message?: string): string | undefined {
  if (!message) return type;
  if (!type || message.startsWith(`${type}:`) || message.startsWith(`${type}(`))
    return message;
  return `${type}: ${message}`;
}
