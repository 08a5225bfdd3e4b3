import type { Knex } from 'knex';
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { JobRun, RunVersionSnapshot } from './types';
import { toIso } from './time';

/** How long a job's run history is kept: longer than any window that reads it. */
export const JOB_RUNS_KEPT_DAYS = 90;

/** What the run history keeps of an event's versions: its versions and each input's columns. */
export function snapshotOf(
  event: FailureEvent,
): RunVersionSnapshot | undefined {
  const v = event.versions ?? {};
  const code = v.code ?? event.signals?.deployVersion;
  const schemas: Record<string, string[]> = {};
  for (const input of event.inputs ?? []) {
    if (!input.schema?.length) continue;
    schemas[`${input.namespace}/${input.name}`] = input.schema.map(f =>
      f.type ? `${f.name}:${f.type.toLowerCase()}` : f.name,
    );
  }
  const snapshot: RunVersionSnapshot = {
    ...(code ? { code } : {}),
    ...(v.codeLocation ? { codeLocation: v.codeLocation } : {}),
    ...(v.engine ? { engine: v.engine } : {}),
    ...(v.config ? { config: v.config } : {}),
    ...(Object.keys(schemas).length ? { schemas } : {}),
  };
  return Object.keys(snapshot).length ? snapshot : undefined;
}

/** Rows the run wrote, from its output statistics (OpenLineage outputStatistics, dbt rows_affected). */
export function rowsWrittenOf(event: FailureEvent): number | undefined {
  if (event.signals?.rowsWritten !== undefined)
    return event.signals.rowsWritten;
  const counts = (event.outputs ?? [])
    .map(o => o.rowCount)
    .filter((n): n is number => n !== undefined);
  return counts.length ? counts.reduce((a, b) => a + b, 0) : undefined;
}

export interface RunToRemember {
  jobKey: string;
  eventId: string;
  event: FailureEvent;
  /** Undefined for a success. */
  signature?: string;
}

/**
 * Remembers runs in the job's history (a re-delivered event once), and forgets the job's runs
 * older than the kept window. Independent of the raw event rows, which may be pared.
 */
export async function rememberRuns(
  tx: Knex | Knex.Transaction,
  runs: RunToRemember[],
) {
  if (runs.length === 0) return;
  const rows = runs.map(r => {
    const versions = snapshotOf(r.event);
    return {
      job_key: r.jobKey,
      event_id: r.eventId,
      event_time: toIso(r.event.eventTime),
      outcome: r.signature === undefined ? 'success' : 'fail',
      signature: r.signature ?? null,
      versions: versions ? JSON.stringify(versions) : null,
      rows_written: rowsWrittenOf(r.event) ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += 200)
    await tx('pt_job_runs')
      .insert(rows.slice(i, i + 200))
      .onConflict('event_id')
      .ignore();
  const cutoff = new Date(
    Date.now() - JOB_RUNS_KEPT_DAYS * 86_400_000,
  ).toISOString();
  await tx('pt_job_runs')
    .whereIn('job_key', [...new Set(runs.map(r => r.jobKey))])
    .andWhere('event_time', '<', cutoff)
    .delete();
}

/**
 * The latest `perJob` runs of each outcome per job since `since`, ranked in SQL: a busy job
 * cannot crowd out the history of a quiet one in the same read.
 */
export async function readRecentRuns(
  db: Knex,
  jobKeys: string[],
  options: { since: string; perJob: number },
): Promise<Map<string, JobRun[]>> {
  const keys = [...new Set(jobKeys)];
  const runs = new Map<string, JobRun[]>(keys.map(k => [k, []]));
  if (keys.length === 0) return runs;
  const rows = await db
    .from(
      db('pt_job_runs')
        .whereIn('job_key', keys)
        .andWhere('event_time', '>=', toIso(options.since))
        .select(
          'job_key',
          'event_id',
          'event_time',
          'signature',
          'versions',
          'rows_written',
          db.raw(
            'row_number() over (partition by job_key, outcome order by event_time desc) as rn',
          ),
        )
        .as('ranked'),
    )
    .where('rn', '<=', options.perJob)
    .select('*');
  for (const r of rows)
    runs.get(r.job_key)!.push({
      eventId: r.event_id,
      at: toIso(r.event_time),
      ...(r.signature ? { signature: r.signature } : {}),
      ...(r.versions ? { versions: JSON.parse(r.versions) } : {}),
      ...(r.rows_written !== null && r.rows_written !== undefined
        ? { rowsWritten: Number(r.rows_written) }
        : {}),
    });
  return runs;
}
