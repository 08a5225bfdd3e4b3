import type { FailureEventInput } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IngestContext } from '@pipeline-triage/plugin-pipeline-triage-node';
import type { DbtManifest } from './dbtManifest';
import { completedAt, readInvocation } from './dbtArtifacts';
import type { FieldReader, JsonObject } from './fields';

/**
 * `dbt source freshness` results (sources.json) → one source-delay event per source whose
 * freshness is `error` (or that could not be checked: `runtime error`), and one success per
 * source that is fresh again (`pass`), which resolves its delay incident. `warn` is neither.
 */
const FAILED = new Set(['error', 'runtime error']);

const PERIOD_UNITS: Record<string, { suffix: string; seconds: number }> = {
  minute: { suffix: 'm', seconds: 60 },
  hour: { suffix: 'h', seconds: 3600 },
  day: { suffix: 'd', seconds: 86400 },
};

export function normalizeFreshness(
  r: FieldReader,
  artifact: JsonObject,
  prefix: string,
  manifest: DbtManifest,
  ctx: IngestContext,
  explicitEnv?: string,
): FailureEventInput[] {
  const invocation = readInvocation(r, artifact, prefix, ctx, explicitEnv);
  const results = r.array(artifact.results, `${prefix}results`);
  if (!results) r.problem(`${prefix}results`, 'required');
  const events: FailureEventInput[] = [];
  (results ?? []).forEach((item, i) => {
    const at = `${prefix}results[${i}]`;
    const res = r.object(item, at);
    const status = r.requiredString(res?.status, `${at}.status`);
    const uniqueId = r.requiredString(res?.unique_id, `${at}.unique_id`);
    const maxLoadedAt = r.time(res?.max_loaded_at, `${at}.max_loaded_at`);
    const snapshottedAt = r.time(res?.snapshotted_at, `${at}.snapshotted_at`);
    const age = r.nonNegative(
      res?.max_loaded_at_time_ago_in_s,
      `${at}.max_loaded_at_time_ago_in_s`,
    );
    const criteria = r.object(res?.criteria, `${at}.criteria`);
    const errorAfter = readThreshold(
      r,
      criteria?.error_after,
      `${at}.criteria.error_after`,
    );
    const runtimeError = r.string(res?.error, `${at}.error`);
    const seconds = r.nonNegative(res?.execution_time, `${at}.execution_time`);
    const finished = completedAt(r, res?.timing, `${at}.timing`);
    if (!status || !uniqueId) return;
    const passed = status === 'pass';
    if (!passed && !FAILED.has(status)) return;

    const node = manifest.node(uniqueId);
    const when = (snapshottedAt ??
      finished ??
      invocation.generatedAt ??
      r.problem(`${prefix}metadata.generated_at`, 'required'))!;
    const job = {
      namespace: 'dbt',
      name: uniqueId,
      type: 'dbt/source',
      dbtUniqueId: uniqueId,
      codePath: node?.codePath,
    };
    if (passed) {
      events.push({
        source: 'dbt',
        outcome: 'success',
        environment: invocation.environment,
        job,
        runId: invocation.invocationId,
        eventTime: when,
        signals: { durationSeconds: seconds },
        owners: node?.owners,
        producer: invocation.producer,
      });
      return;
    }
    const errorMessage =
      status === 'runtime error'
        ? `Source freshness runtime error: ${uniqueId}: ${
            runtimeError ?? 'freshness could not be checked'
          }`
        : freshnessMessage(uniqueId, maxLoadedAt, age, errorAfter);
    events.push({
      source: 'dbt',
      outcome: 'fail',
      environment: invocation.environment,
      job,
      runId: invocation.invocationId,
      eventTime: when,
      errorMessage,
      inputs: node?.relation ? [{ name: node.relation }] : undefined,
      // How old the newest loaded row is; the threshold it breached is in the message.
      signals: { delaySeconds: age, durationSeconds: seconds },
      owners: node?.owners,
      producer: invocation.producer,
    });
  });
  return events;
}

interface Threshold {
  label: string;
  seconds: number;
}

function readThreshold(
  r: FieldReader,
  value: unknown,
  path: string,
): Threshold | undefined {
  const t = r.object(value, path);
  const count = r.nonNegative(t?.count, `${path}.count`);
  const period = r.string(t?.period, `${path}.period`);
  const unit = period ? PERIOD_UNITS[period] : undefined;
  if (count === undefined || count === 0 || !unit) return undefined;
  return { label: `${count}${unit.suffix}`, seconds: count * unit.seconds };
}

function freshnessMessage(
  uniqueId: string,
  maxLoadedAt?: string,
  age?: number,
  errorAfter?: Threshold,
) {
  const loaded = maxLoadedAt
    ? ` max_loaded_at ${new Date(maxLoadedAt)
        .toISOString()
        .replace('.000Z', 'Z')}`
    : '';
  const old = age === undefined ? ' is stale' : ` is ${formatAge(age)} old`;
  const limit = errorAfter ? ` (error after ${errorAfter.label})` : '';
  return `Source freshness error: ${uniqueId}${loaded}${old}${limit}`;
}

/** 93600 → `26h`, 5400 → `1.5h`, 900 → `15m`. */
export function formatAge(seconds: number): string {
  if (seconds >= 3600) return `${Math.round((seconds / 3600) * 10) / 10}h`;
  if (seconds >= 60) return `${Math.round(seconds / 60)}m`;
  return `${Math.round(seconds)}s`;
}
