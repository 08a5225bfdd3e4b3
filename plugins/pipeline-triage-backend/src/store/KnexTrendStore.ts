import type { Knex } from 'knex';
import type { FlakyJob } from '@pipeline-triage/plugin-pipeline-triage-common';
import type {
  IncidentFilter,
  TrendStore,
  TrendsQuery,
  IncidentStats,
} from './types';
import {
  filteredIncidents,
  rowToSummary,
  SUMMARY_COLUMNS,
} from './incidentQuery';
import { readTrendCounts, trendScope } from './trendRollup';
import { toIso } from './time';

/** Weekly trends and triage figures on knex, from the rollup where it can answer. */
export class KnexTrendStore implements TrendStore {
  private readonly isPg: boolean;

  constructor(private readonly db: Knex) {
    this.isPg = String(db.client.config.client).startsWith('pg');
  }

  async flakiestJobs(
    filter: IncidentFilter,
    options: { since: string; limit: number },
  ): Promise<FlakyJob[]> {
    const rows = await filteredIncidents(this.db, filter)
      .where('i.flaky_flips', '>', 0)
      .andWhere('i.last_seen', '>=', toIso(options.since))
      .orderBy([
        { column: 'i.flaky_flips', order: 'desc' },
        { column: 'i.last_seen', order: 'desc' },
      ])
      .limit(options.limit * 5)
      .select(
        'i.id',
        'i.job_key',
        'i.job_entity_ref',
        'i.title',
        'i.flaky_flips',
        'i.last_seen',
      );
    const byJob = new Map<string, FlakyJob>();
    for (const r of rows) {
      if (byJob.has(r.job_key)) continue;
      byJob.set(r.job_key, {
        jobKey: r.job_key,
        ...(r.job_entity_ref ? { jobEntityRef: r.job_entity_ref } : {}),
        incidentId: r.id,
        title: r.title,
        flips: Number(r.flaky_flips),
        lastSeen: toIso(r.last_seen),
      });
    }
    return [...byJob.values()].slice(0, options.limit);
  }

  async trends(query: TrendsQuery) {
    const scope = trendScope(query.filter);
    if (scope) {
      const counts = await readTrendCounts(
        this.db,
        scope,
        query.weeks,
        query.groupBy,
      );
      return {
        groupBy: query.groupBy,
        keys: [...new Set(counts.map(c => c.key))].sort(),
        counts,
      };
    }
    const keyColumn = {
      category: 'i.category',
      domain: 'i.domain',
      team: 'i.owner_ref',
    }[query.groupBy];
    const rows: Array<{
      week: string;
      key: string | null;
      count: string | number;
    }> = await filteredIncidents(this.db, query.filter)
      // A cascade is counted once, under its cause (as the rollup does).
      .whereNull('i.caused_by_incident_id')
      .join('pt_occurrences as o', 'o.incident_id', 'i.id')
      .whereIn('o.week', query.weeks)
      .groupBy('o.week', keyColumn)
      .select('o.week as week', `${keyColumn} as key`)
      .count({ count: '*' });
    return {
      groupBy: query.groupBy,
      keys: [...new Set(rows.map(r => String(r.key ?? 'unowned')))].sort(),
      counts: rows.map(r => ({
        week: String(r.week),
        key: String(r.key ?? 'unowned'),
        count: Number(r.count),
      })),
    };
  }

  async triageStats(filter: IncidentFilter): Promise<IncidentStats> {
    const seconds = (later: string, earlier: string) =>
      this.isPg
        ? `extract(epoch from (${later} - ${earlier}))`
        : `(julianday(${later}) - julianday(${earlier})) * 86400`;
    const [row] = await filteredIncidents(this.db, filter).select(
      this.db.raw('count(*) as total'),
      this.db.raw(
        `sum(case when i.category_overridden then 1 else 0 end) as overridden`,
      ),
      this.db.raw(
        `avg(case when i.acknowledged_at is not null then ${seconds(
          'i.acknowledged_at',
          'i.first_seen',
        )} end) as mtta`,
      ),
      this.db.raw(
        `avg(case when i.resolved_at is not null then ${seconds(
          'i.resolved_at',
          'i.first_seen',
        )} end) as mttr`,
      ),
    );
    // A "safe to retry" verdict proved right when a success resolved the incident, and wrong
    // when the job failed the same way again before any success.
    const retryRows = await filteredIncidents(this.db, filter)
      .where('i.safe_to_retry', true)
      .select(
        this.db.raw(
          `sum(case when exists (select 1 from pt_status_history h where h.incident_id = i.id and h.action = 'auto_resolved') then 1 else 0 end) as proved_right`,
        ),
        this.db.raw(
          'sum(case when i.consecutive_failures > 1 then 1 else 0 end) as proved_wrong',
        ),
      );
    const top = await filteredIncidents(this.db, filter)
      .orderBy([
        { column: 'i.occurrences', order: 'desc' },
        { column: 'i.last_seen', order: 'desc' },
      ])
      .limit(10)
      .select(SUMMARY_COLUMNS.map(col => `i.${col}`));
    const total = Number(row.total ?? 0);
    const right = Number(retryRows[0]?.proved_right ?? 0);
    const wrong = Number(retryRows[0]?.proved_wrong ?? 0);
    return {
      incidents: total,
      overrideRate: total ? Number(row.overridden ?? 0) / total : null,
      mttaSeconds:
        row.mtta === null || row.mtta === undefined ? null : Number(row.mtta),
      mttrSeconds:
        row.mttr === null || row.mttr === undefined ? null : Number(row.mttr),
      safeRetry: {
        provedRight: right,
        provedWrong: wrong,
        precision: right + wrong ? right / (right + wrong) : null,
      },
      topRepeatFailures: top.map(rowToSummary),
    };
  }
}
