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
 * AWS EventBridge "Glue Job State Change" events, optionally enriched by our forwarder with
 * `jobRun` (the GetJobRun response's JobRun) and `logTail` (the end of the driver log).
 * EventBridge emits this detail-type for SUCCEEDED, FAILED, TIMEOUT and STOPPED; ERROR is a
 * GetJobRun state (a trigger started a deleted job) that the forwarder may pass on.
 */
const OUTCOMES: Record<string, RunOutcome> = {
  FAILED: 'fail',
  TIMEOUT: 'fail',
  ERROR: 'fail',
  STOPPED: 'abort',
  SUCCEEDED: 'success',
};

const DETAIL_TYPE = 'Glue Job State Change';

export const glueAdapter: IngestAdapter = {
  id: 'glue',

  detect(payload) {
    return isObject(payload) && payload.source === 'aws.glue';
  },

  normalize(payload, ctx) {
    const r = new FieldReader();
    const p = payload as JsonObject;

    const detailType = r.requiredString(p['detail-type'], 'detail-type');
    if (detailType !== undefined && detailType !== DETAIL_TYPE) {
      r.problem(
        'detail-type',
        `detail-type "${detailType}" is not a run outcome; send "${DETAIL_TYPE}" events`,
      );
    }
    const detail =
      r.object(p.detail, 'detail') ?? r.problem('detail', 'required');
    const jobRun = r.object(p.jobRun, 'jobRun');
    const jobName =
      r.requiredString(detail?.jobName, 'detail.jobName') ??
      r.string(jobRun?.JobName, 'jobRun.JobName');
    const state = r.requiredString(detail?.state, 'detail.state');
    const outcome = state === undefined ? undefined : OUTCOMES[state];
    if (state !== undefined && !outcome) {
      r.problem(
        'detail.state',
        `state ${state} is not a run outcome; expected FAILED, TIMEOUT, ERROR, STOPPED or SUCCEEDED`,
      );
    }
    const runId =
      r.string(detail?.jobRunId, 'detail.jobRunId') ??
      r.string(jobRun?.Id, 'jobRun.Id');
    const region = r.string(p.region, 'region');
    const message = r.string(detail?.message, 'detail.message');
    const eventTime =
      r.time(p.time, 'time') ??
      r.time(jobRun?.CompletedOn, 'jobRun.CompletedOn') ??
      r.problem('time', 'required');
    r.time(jobRun?.StartedOn, 'jobRun.StartedOn');

    // Glue numbers attempts from 0.
    const attempt = r.integer(jobRun?.Attempt, 'jobRun.Attempt');
    const runError = r.string(jobRun?.ErrorMessage, 'jobRun.ErrorMessage');
    const executionTime = r.nonNegative(
      jobRun?.ExecutionTime,
      'jobRun.ExecutionTime',
    );
    const timeoutMinutes = r.nonNegative(jobRun?.Timeout, 'jobRun.Timeout');
    r.nonNegative(jobRun?.MaxCapacity, 'jobRun.MaxCapacity');
    const workerType = r.string(jobRun?.WorkerType, 'jobRun.WorkerType');
    const workers = r.nonNegative(
      jobRun?.NumberOfWorkers,
      'jobRun.NumberOfWorkers',
    );
    const glueVersion = r.string(jobRun?.GlueVersion, 'jobRun.GlueVersion');
    const args = r.object(jobRun?.Arguments, 'jobRun.Arguments');
    const logTail = r.string(p.logTail, 'logTail');
    r.check();

    const consoleUrl =
      region && jobName && runId
        ? glueConsoleUrl(region, jobName, runId)
        : undefined;
    return finalizeEvents([
      {
        source: 'glue',
        outcome,
        environment: resolveEnvironment(
          ctx,
          [args?.['--environment'], args?.['--env']],
          [jobName],
        ),
        job: {
          namespace: 'glue',
          name: jobName!,
          type: 'glue/job',
          glueJobName: jobName,
        },
        runId,
        attempt: attempt === undefined || attempt < 0 ? undefined : attempt + 1,
        eventTime: eventTime!,
        errorMessage: errorMessage(state!, {
          message,
          runError,
          timeoutMinutes,
          executionTime,
        }),
        logExcerpt: logTail,
        links: consoleUrl
          ? [{ kind: 'glue_console', url: consoleUrl, label: 'Glue job run' }]
          : undefined,
        signals: { durationSeconds: executionTime },
        // The job's capacity is its configuration; GlueVersion is the Spark/Python runtime.
        versions: versionsOf({
          engine: glueVersion && `glue ${glueVersion}`,
          config:
            workerType || workers !== undefined
              ? `${workerType ?? 'workers'} x ${workers ?? '?'}`
              : undefined,
        }),
      },
    ]);
  },
};

function errorMessage(
  state: string,
  run: {
    message?: string;
    runError?: string;
    timeoutMinutes?: number;
    executionTime?: number;
  },
): string | undefined {
  if (state === 'SUCCEEDED') return undefined;
  if (state === 'TIMEOUT') {
    const minutes =
      run.timeoutMinutes ??
      (run.executionTime ? Math.round(run.executionTime / 60) : undefined);
    const head =
      minutes === undefined
        ? 'Glue job run timed out'
        : `Glue job run timed out after ${minutes} minutes`;
    const extra = run.runError ?? run.message;
    return extra ? `${head}: ${extra}` : head;
  }
  // GetJobRun's ErrorMessage is the bare exception; the event's message wraps it in job ids.
  return run.runError ?? run.message;
}

/** The Glue Studio page of one run; GovCloud and China use their own console domains. */
export function glueConsoleUrl(
  region: string,
  jobName: string,
  runId: string,
): string | undefined {
  if (!/^[a-z]{2}(?:-[a-z]{2,10}){1,3}-\d{1,2}$/.test(region)) return undefined;
  let host = `${region}.console.aws.amazon.com`;
  if (region.startsWith('cn-')) host = `${region}.console.amazonaws.cn`;
  if (region.startsWith('us-gov-'))
    host = `${region}.console.amazonaws-us-gov.com`;
  const path = `#/job/${encodeURIComponent(jobName)}/run/${encodeURIComponent(
    runId,
  )}`;
  return `https://${host}/gluestudio/home?region=${region}${path}`;
}
