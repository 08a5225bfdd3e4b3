import type { RunOutcome } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IngestAdapter } from '@pipeline-triage/plugin-pipeline-triage-node';
import { resolveEnvironment } from './environment';
import {
  FieldReader,
  type JsonObject,
  finalizeEvents,
  isObject,
} from './fields';

/**
 * dbt Cloud job-run webhooks (docs.getdbt.com, "Webhooks for your jobs"): `eventType`
 * `job.run.started`, `job.run.completed` (a run that failed or succeeded) or `job.run.errored`,
 * with the run in `data` (`jobId`, `jobName`, `runId`, `environmentName`, `runStatus`,
 * `runStatusMessage`, `runFinishedAt` / `runErroredAt`). The signature is checked by the HTTP
 * route (service/dbtCloudWebhook.ts) before the payload gets here.
 */
const OUTCOMES: Record<string, RunOutcome> = {
  Success: 'success',
  Error: 'fail',
  Errored: 'fail',
  Cancelled: 'abort',
};

const RUN_EVENTS = ['job.run.completed', 'job.run.errored'];

export const dbtCloudAdapter: IngestAdapter = {
  id: 'dbt-cloud',

  detect(payload) {
    return (
      isObject(payload) &&
      typeof payload.eventType === 'string' &&
      payload.eventType.startsWith('job.run.') &&
      isObject(payload.data)
    );
  },

  normalize(payload, ctx) {
    const r = new FieldReader();
    const p = payload as JsonObject;
    const eventType = r.requiredString(p.eventType, 'eventType');
    if (eventType && !RUN_EVENTS.includes(eventType)) {
      r.problem(
        'eventType',
        `eventType ${eventType} is not a run outcome; expected ${RUN_EVENTS.join(
          ' or ',
        )}`,
      );
    }
    const data = r.object(p.data, 'data') ?? r.problem('data', 'required');
    r.id(p.accountId, 'accountId');
    const jobId = r.id(data?.jobId, 'data.jobId');
    const jobName =
      r.string(data?.jobName, 'data.jobName') ||
      (jobId ? `job ${jobId}` : r.problem('data.jobName', 'required'));
    const runId = r.id(data?.runId, 'data.runId');
    const status = r.requiredString(data?.runStatus, 'data.runStatus');
    // job.run.errored is a failure whatever the status text; completed runs say which they were.
    let outcome: RunOutcome | undefined = 'fail';
    if (eventType !== 'job.run.errored')
      outcome = status === undefined ? undefined : OUTCOMES[status];
    if (eventType === 'job.run.completed' && status !== undefined && !outcome) {
      r.problem(
        'data.runStatus',
        `runStatus ${status} is not a run outcome; expected Success, Error, Errored or Cancelled`,
      );
    }
    const statusMessage = r.string(
      data?.runStatusMessage,
      'data.runStatusMessage',
    );
    const environmentName = r.string(
      data?.environmentName,
      'data.environmentName',
    );
    r.id(data?.environmentId, 'data.environmentId');
    const dbtVersion = r.string(data?.dbtVersion, 'data.dbtVersion');
    const eventTime =
      r.time(data?.runFinishedAt, 'data.runFinishedAt') ??
      r.time(data?.runErroredAt, 'data.runErroredAt') ??
      r.time(p.timestamp, 'timestamp') ??
      r.problem('timestamp', 'required');
    r.time(data?.runStartedAt, 'data.runStartedAt');
    r.check();

    return finalizeEvents([
      {
        source: 'dbt',
        outcome,
        environment: resolveEnvironment(
          ctx,
          [environmentName],
          [environmentName, jobName],
        ),
        // The job as dbt Cloud names it: a renamed job starts a new history.
        job: { namespace: 'dbt-cloud', name: jobName!, type: 'dbt-cloud/job' },
        runId,
        eventTime: eventTime!,
        errorMessage:
          outcome === 'fail'
            ? failureMessage(jobName!, runId, statusMessage)
            : undefined,
        producer: dbtVersion ? `dbt-cloud/${dbtVersion}` : 'dbt-cloud',
      },
    ]);
  },
};

/** dbt Cloud writes the string "None" when a run has no status message. */
function failureMessage(
  jobName: string,
  runId: string | undefined,
  statusMessage: string | undefined,
): string {
  const head = `dbt Cloud job "${jobName}"${
    runId ? ` run ${runId}` : ''
  } errored`;
  const detail = statusMessage?.trim();
  return detail && detail !== 'None' ? `${head}: ${detail}` : head;
}
