import type { ParsedContract, SlaDuration } from '../contracts';
import { formatDuration } from '../contracts';
import type { LastRun } from '../store';

/** A table under contract, the freshness clause it promises, and the jobs that write it. */
export interface WatchedTable {
  tableRef: string;
  tableName: string;
  contract: Pick<ParsedContract, 'name'> & { entityRef: string };
  sla: SlaDuration;
  producers: Array<{ entityRef: string; name: string; jobKeys: string[] }>;
}

/** A producer that has not run since before its table's freshness SLA ran out. */
export interface MissedRun {
  jobKey: string;
  jobEntityRef: string;
  lastRunAt: string;
  /** When the next run was due: the last run plus the strictest SLA of its tables. */
  dueAt: string;
  tableRefs: string[];
  reason: string;
}

/**
 * The clause that says how often a table must be refreshed: its freshness, else its frequency.
 * Latency is how old the data may be when it lands, not how often a run must happen.
 */
export function freshnessClauseOf(
  sla: ParsedContract['sla'],
): SlaDuration | undefined {
  return [sla.freshness, sla.frequency].find(c => c && c.seconds > 0);
}

/**
 * The producers whose last run is older than their table's freshness SLA allows (plus a grace
 * period). A job never seen running is left alone: nothing says it is live yet.
 */
export function missedRuns(
  tables: WatchedTable[],
  lastRuns: LastRun[],
  now: Date,
  graceSeconds: number,
): MissedRun[] {
  const byJob = new Map<string, MissedRun & { slaSeconds: number }>();
  for (const table of tables) {
    for (const producer of table.producers) {
      const runs = lastRuns.filter(
        r =>
          producer.jobKeys.includes(r.jobKey) ||
          r.jobEntityRef?.toLocaleLowerCase('en-US') ===
            producer.entityRef.toLocaleLowerCase('en-US'),
      );
      if (runs.length === 0) continue;
      const last = runs.reduce((a, b) => (b.at > a.at ? b : a));
      const due = Date.parse(last.at) + table.sla.seconds * 1000;
      if (now.getTime() < due + graceSeconds * 1000) continue;
      const dueAt = new Date(due).toISOString();
      const every = formatDuration(table.sla.seconds);
      const missed = byJob.get(last.jobKey);
      if (missed && missed.slaSeconds <= table.sla.seconds) {
        if (!missed.tableRefs.includes(table.tableRef))
          missed.tableRefs.push(table.tableRef);
        continue;
      }
      byJob.set(last.jobKey, {
        jobKey: last.jobKey,
        jobEntityRef: producer.entityRef,
        lastRunAt: last.at,
        dueAt,
        slaSeconds: table.sla.seconds,
        tableRefs: [table.tableRef, ...(missed?.tableRefs ?? [])],
        reason:
          `Silent failure: no run of ${producer.name} since ${last.at}. Contract ` +
          `${table.contract.name} promises ${table.tableName} fresh every ${every} ` +
          `(${table.sla.property}${
            table.sla.line ? `, line ${table.sla.line}` : ''
          }), ` +
          `so a run was due by ${dueAt}. A job that does not run reports no failure: ` +
          `check its schedule, its trigger and the sensor or upstream it waits for.`,
      });
    }
  }
  return [...byJob.values()].map(({ slaSeconds: _, ...m }) => m);
}
