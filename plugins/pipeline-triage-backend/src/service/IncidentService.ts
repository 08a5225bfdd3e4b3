import { DateTime } from 'luxon';
import { NotFoundError } from '@backstage/errors';
import type {
  Category,
  IncidentDetail,
  TrendWeek,
  TrendsResponse,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IncidentFilter, IncidentPatch, TriageStore } from '../store';
import type { Reclassifier } from '../triage';
import type { ReportRenderer } from './ReportRenderer';

/** How many flaky jobs the trends page and the digest list. */
export const FLAKIEST_JOBS = 5;

/** Reads and lifecycle of incidents, over the store; the router only translates HTTP. */
export class IncidentService {
  constructor(
    private readonly deps: {
      store: TriageStore;
      /** The one door for a change of verdict: an override goes through it. */
      verdicts: Pick<Reclassifier, 'override'>;
      renderReport: ReportRenderer;
      weekZone: string;
      onChange?: (incident: IncidentDetail) => Promise<void>;
    },
  ) {}

  async get(id: string): Promise<IncidentDetail> {
    const incident = await this.deps.store.getIncident(id);
    if (!incident) throw new NotFoundError(`No incident with id ${id}`);
    return incident;
  }

  async report(id: string): Promise<string> {
    return this.deps.renderReport(await this.get(id));
  }

  async update(
    id: string,
    change: {
      action: IncidentPatch['action'] | 'override';
      category?: Category;
      reason?: string;
      cascade?: boolean;
      note?: string;
      by: string;
    },
  ): Promise<IncidentDetail> {
    const { action, ...rest } = change;
    let updated: IncidentDetail;
    if (action === 'override') {
      // An override re-routes: the owner of the new cause takes over.
      await this.deps.verdicts.override(id, rest);
      updated = await this.get(id);
    } else {
      updated = await this.deps.store.updateIncident(id, {
        action,
        reason: rest.reason,
        note: rest.note,
        by: rest.by,
        ...(rest.cascade ? { cascade: true } : {}),
      });
    }
    await this.deps.onChange?.(updated);
    // The cascade resolved with its cause changed too: their pages refresh.
    if (change.cascade)
      for (const d of updated.downstreamIncidents ?? [])
        await this.deps.onChange?.(await this.get(d.incidentId));
    return updated;
  }

  /** Weekly counts for the last `weeks` ISO weeks, zero-filled, with week-over-week change. */
  async trends(query: {
    filter: Pick<IncidentFilter, 'entityRef' | 'owner' | 'routedTo' | 'access'>;
    weeks: number;
    groupBy: TrendsResponse['groupBy'];
  }): Promise<TrendsResponse> {
    const now = DateTime.now().setZone(this.deps.weekZone).startOf('week');
    const weeks = Array.from({ length: query.weeks }, (_, i) =>
      now.minus({ weeks: query.weeks - 1 - i }),
    );
    const labels = weeks.map(w => w.toFormat("kkkk-'W'WW"));
    const [result, flakiestJobs] = await Promise.all([
      this.deps.store.trends({
        filter: query.filter,
        weeks: labels,
        groupBy: query.groupBy,
      }),
      this.deps.store.flakiestJobs(query.filter, {
        since: weeks[0].toUTC().toISO()!,
        limit: FLAKIEST_JOBS,
      }),
    ]);
    let previous: number | undefined;
    const out: TrendWeek[] = weeks.map((w, i) => {
      const counts: Record<string, number> = Object.fromEntries(
        result.keys.map(k => [k, 0]),
      );
      for (const c of result.counts)
        if (c.week === labels[i]) counts[c.key] = c.count;
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const change = previous ? (total - previous) / previous : null;
      previous = total;
      return {
        week: labels[i],
        weekStart: w.toISODate()!,
        total,
        counts,
        change,
      };
    });
    return {
      groupBy: query.groupBy,
      keys: result.keys,
      weeks: out,
      scope: query.filter.access ? 'permitted' : 'all',
      flakiestJobs,
    };
  }

  async status(entityRef: string, access?: IncidentFilter['access']) {
    return this.deps.store.entityStatus(
      entityRef.toLocaleLowerCase('en-US'),
      access,
    );
  }

  async stats(
    filter: Pick<IncidentFilter, 'entityRef' | 'owner' | 'routedTo' | 'access'>,
  ) {
    const [queue, triage] = await Promise.all([
      this.deps.store.queueStats(),
      this.deps.store.triageStats(filter),
    ]);
    return {
      ...triage,
      queue: {
        pending: queue.pending,
        oldestPendingAt: queue.oldestPendingAt,
        lagSeconds: queue.oldestPendingAt
          ? Math.max(0, (Date.now() - Date.parse(queue.oldestPendingAt)) / 1000)
          : 0,
      },
      deadLetters: queue.dead,
    };
  }
}
