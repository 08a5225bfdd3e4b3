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
 * The payload our Dagster run_failure_sensor (and run_status_sensor for successes) posts. One
 * event per run: Dagster retries and re-executes runs, not single steps.
 */
const OUTCOMES: Record<string, RunOutcome> = {
  FAILURE: 'fail',
  SUCCESS: 'success',
  CANCELED: 'abort',
};

/** Cause chains longer than this are cut; real ones are a handful deep. */
const MAX_CHAIN = 20;

interface StepError {
  clsName?: string;
  message?: string;
  stack: string[];
  /** How this error links to the next one down the chain. */
  link?: 'cause' | 'context';
}

export const dagsterAdapter: IngestAdapter = {
  id: 'dagster',

  detect(payload) {
    // A `job` object means a stored canonical event being replayed: that is the generic shape.
    if (!isObject(payload) || isObject(payload.job)) return false;
    return (
      payload.source === 'dagster' ||
      ('run_id' in payload &&
        'job_name' in payload &&
        'step_failures' in payload)
    );
  },

  normalize(payload, ctx) {
    const r = new FieldReader();
    const p = payload as JsonObject;

    const jobName = r.requiredString(p.job_name, 'job_name');
    const status = r.requiredString(p.status, 'status');
    const outcome = status === undefined ? undefined : OUTCOMES[status];
    if (status !== undefined && !outcome) {
      r.problem(
        'status',
        `status ${status} is not a run outcome; expected FAILURE, SUCCESS or CANCELED`,
      );
    }
    const startTime = r.time(p.start_time, 'start_time');
    const endTime = r.time(p.end_time, 'end_time');
    const eventTime =
      endTime ?? startTime ?? r.problem('end_time', 'required (or start_time)');
    const tags = readTags(r, p.tags);
    const steps = (r.array(p.step_failures, 'step_failures') ?? []).map(
      (s, i) => {
        const path = `step_failures[${i}]`;
        const step = r.object(s, path);
        return {
          key: r.string(step?.step_key, `${path}.step_key`),
          chain: readChain(r, step?.error, `${path}.error`),
        };
      },
    );
    const uiUrl = r.url(p.dagster_ui_url, 'dagster_ui_url');
    const environment = r.string(p.environment, 'environment');
    const location = r.string(p.location, 'location');
    const repository = r.string(p.repository, 'repository');
    const runId = r.id(p.run_id, 'run_id');
    // Dagster's run retries tag the retry number (absent on the first run) and the limit.
    const retryNumber = tagInt(r, tags, 'dagster/retry_number');
    const maxRetries = tagInt(r, tags, 'dagster/max_retries');
    r.check();

    const first = steps.find(s => s.chain.length > 0);
    return finalizeEvents([
      {
        source: 'dagster',
        outcome,
        environment: resolveEnvironment(
          ctx,
          [environment, tags?.environment, tags?.env],
          [location, repository],
        ),
        job: {
          namespace: 'dagster',
          name: jobName!,
          type: 'dagster/job',
          dagsterJob: jobName,
        },
        runId,
        parentRunId: tags?.['dagster/parent_run_id'],
        batchId: tags?.['dagster/partition'],
        attempt: tags ? (retryNumber ?? 0) + 1 : undefined,
        maxAttempts: maxRetries === undefined ? undefined : maxRetries + 1,
        eventTime: eventTime!,
        errorMessage: first ? headline(first.chain[0]) : undefined,
        stackTrace: renderSteps(steps),
        links: uiUrl ? [{ kind: 'dagster_run', url: uiUrl }] : undefined,
        signals: {
          failedTasks: steps.length || undefined,
          durationSeconds: duration(startTime, endTime),
        },
      },
    ]);
  },
};

function readTags(
  r: FieldReader,
  value: unknown,
): Record<string, string> | undefined {
  const tags = r.object(value, 'tags');
  if (!tags) return undefined;
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(tags)) {
    const text = r.id(v, `tags.${key}`);
    if (text !== undefined) out[key] = text;
  }
  return out;
}

function tagInt(
  r: FieldReader,
  tags: Record<string, string> | undefined,
  key: string,
) {
  const text = tags?.[key];
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text))
    return r.problem(`tags.${key}`, 'expected a whole number');
  return Number(text);
}

/** Flattens Dagster's SerializableErrorInfo, outermost error first. */
function readChain(r: FieldReader, value: unknown, path: string): StepError[] {
  const chain: StepError[] = [];
  let current = value;
  let at = path;
  while (
    current !== undefined &&
    current !== null &&
    chain.length < MAX_CHAIN
  ) {
    const e = r.object(current, at);
    if (!e) break;
    let link: StepError['link'];
    if (e.cause) link = 'cause';
    else if (e.context) link = 'context';
    chain.push({
      clsName: r.string(e.cls_name, `${at}.cls_name`),
      message: r.string(e.message, `${at}.message`)?.trimEnd(),
      stack: r.strings(e.stack, `${at}.stack`) ?? [],
      link,
    });
    current = link ? e[link] : undefined;
    at = `${at}.${link}`;
  }
  return chain;
}

/** `ValueError: bad row`; Dagster messages usually carry the class already. */
function headline(e: StepError): string | undefined {
  const message = e.message ?? '';
  if (
    !e.clsName ||
    message.startsWith(e.clsName) ||
    message.includes(`${e.clsName}:`)
  ) {
    return message || e.clsName;
  }
  return message ? `${e.clsName}: ${message}` : e.clsName;
}

/**
 * Renders each chain the way Python prints it (root cause first, then the errors it caused), so
 * the evidence stage reads Dagster chains like any Python traceback.
 */
function renderChain(chain: StepError[]): string {
  const blocks: string[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const e = chain[i];
    const frames = e.stack.map(line => line.replace(/\n$/, '')).join('\n');
    const head = frames
      ? `Traceback (most recent call last):\n${frames}\n`
      : '';
    blocks.push(`${head}${headline(e) ?? ''}`);
    if (i > 0) {
      blocks.push(
        chain[i - 1].link === 'context'
          ? '\nDuring handling of the above exception, another exception occurred:\n'
          : '\nThe above exception was the direct cause of the following exception:\n',
      );
    }
  }
  return blocks.join('\n');
}

function renderSteps(
  steps: Array<{ key?: string; chain: StepError[] }>,
): string | undefined {
  const failed = steps.filter(s => s.chain.length > 0);
  if (failed.length === 0) return undefined;
  if (failed.length === 1) return renderChain(failed[0].chain);
  return failed
    .map(s => `Step ${s.key ?? '(unknown)'} failed:\n${renderChain(s.chain)}`)
    .join('\n\n');
}

function duration(start?: string, end?: string): number | undefined {
  if (!start || !end) return undefined;
  const seconds = (Date.parse(end) - Date.parse(start)) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
