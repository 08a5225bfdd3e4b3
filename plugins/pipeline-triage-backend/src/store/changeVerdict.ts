import type { Knex } from 'knex';
import { NotFoundError } from '@backstage/errors';
import type { StoredVerdict, VerdictChange } from './types';
import type { IncidentDetailJson } from './incidentColumns';
import { lockJob, withDeadlockRetry } from './lockJob';
import { applyTrendChange, trendShape } from './trendRollup';

/**
 * The one writer of a changed verdict: the columns, the detail, the status history and the
 * weekly counts, in one transaction. `decide` sees the verdict as stored under the row's lock,
 * so two changes of one incident cannot both start from the same old verdict.
 */
export async function changeVerdict(
  db: Knex,
  isPg: boolean,
  incidentId: string,
  decide: (current: StoredVerdict) => VerdictChange | undefined,
): Promise<boolean> {
  const now = new Date().toISOString();
  return withDeadlockRetry(() =>
    db.transaction(async tx => {
      const job = await tx('pt_incidents')
        .where('id', incidentId)
        .first('job_key');
      if (!job) throw new NotFoundError(`No incident with id ${incidentId}`);
      // The job's lock first, as a failure of the job being recorded takes it.
      await lockJob(tx, job.job_key, isPg);
      let read = tx('pt_incidents').where('id', incidentId);
      if (isPg) read = read.forUpdate();
      const row = await read.first();
      const detail: IncidentDetailJson = JSON.parse(row.detail);
      const change = decide({
        category: row.category,
        environment: row.environment,
        verdict: detail.verdict,
        evidenceLines: detail.evidenceLines,
        causeChain: detail.causeChain,
        route: detail.route,
        latestEvent: detail.latestEvent,
      });
      if (!change) return false;
      const trendBefore = await trendShape(tx, incidentId);
      const { verdict, route } = change;
      const c = verdict.classification;
      Object.assign(detail, {
        verdict,
        route,
        evidenceLines: change.evidenceLines,
        causeChain: change.causeChain,
      });
      await tx('pt_incidents')
        .where('id', incidentId)
        .update({
          category: c.category,
          domain: c.domain,
          confidence: c.confidence,
          safe_to_retry: verdict.retry.safeToRetry,
          partial_write: verdict.partialWrite.partialWrite,
          severity: verdict.severity,
          routed_to: route.recipient ?? null,
          route_rule: route.rule,
          ...(change.overridden ? { category_overridden: true } : {}),
          detail: JSON.stringify(detail),
          updated_at: now,
        });
      // A person's override is always noted; a model or new evidence only when the cause changed.
      if (change.overridden || c.category !== row.category) {
        await tx('pt_status_history').insert({
          incident_id: incidentId,
          at: now,
          by: change.by,
          action: 'category_overridden',
          from_value: row.category,
          to_value: c.category,
          reason: change.reason ?? null,
        });
      }
      const trendAfter = await trendShape(tx, incidentId);
      // A cascade is counted under its cause only, whatever its own verdict becomes.
      if (trendAfter && !row.caused_by_incident_id)
        await applyTrendChange(tx, incidentId, trendBefore, trendAfter);
      return true;
    }),
  );
}
