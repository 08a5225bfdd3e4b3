import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { IngestService } from '../ingest/accept';
import type { CatalogLinker } from '../linking';
import type { TriageStore } from '../store';
import { FRESHNESS_WATCH_SENDER } from '../triage';
import { missedRuns, type MissedRun } from './missedRuns';
import { watchedTables } from './watchedTables';

export interface FreshnessWatchOptions {
  scheduler: SchedulerService;
  linker: Pick<CatalogLinker, 'index'>;
  store: Pick<TriageStore, 'lastRunsOf'>;
  ingest: Pick<IngestService, 'ingest'>;
  logger: LoggerService;
  /** pipelineTriage.freshness.checkIntervalMinutes; 15 when unset. */
  intervalMinutes?: number;
  /** pipelineTriage.freshness.graceMinutes: how long past the SLA before it is a miss; 30. */
  graceMinutes?: number;
  now?: () => Date;
}

/** The job of a job key: the namespace is everything before the last `/` (it may be a URI). */
function jobOf(jobKey: string): { namespace: string; name: string } {
  const slash = jobKey.lastIndexOf('/');
  return { namespace: jobKey.slice(0, slash), name: jobKey.slice(slash + 1) };
}

/**
 * Opens a silent incident when a contracted table's producer has not run at all within the
 * contract's freshness SLA: a job that never starts sends no failure. Each miss is recorded as
 * an event (run id from its due time, so one miss is one event however often the watch runs)
 * and triaged like any other.
 */
export class FreshnessWatchJob {
  constructor(private readonly options: FreshnessWatchOptions) {}

  async schedule(): Promise<void> {
    await this.options.scheduler.scheduleTask({
      id: 'pipeline-triage-freshness-watch',
      frequency: { minutes: this.options.intervalMinutes ?? 15 },
      timeout: { minutes: 5 },
      initialDelay: { minutes: 1 },
      scope: 'global',
      fn: async () => {
        await this.run();
      },
    });
  }

  /** Checks every watched table once; returns the misses it recorded. */
  async run(): Promise<MissedRun[]> {
    const { linker, store, ingest, logger } = this.options;
    const tables = watchedTables(await linker.index());
    if (tables.length === 0) return [];
    const producers = tables.flatMap(t => t.producers);
    const runs = await store.lastRunsOf({
      jobKeys: [...new Set(producers.flatMap(p => p.jobKeys))],
      jobEntityRefs: [...new Set(producers.map(p => p.entityRef))],
    });
    const missed = missedRuns(
      tables,
      runs,
      this.options.now?.() ?? new Date(),
      (this.options.graceMinutes ?? 30) * 60,
    );
    for (const miss of missed) {
      const [result] = await ingest.ingest(
        {
          source: 'generic',
          outcome: 'fail',
          environment: 'prod',
          job: jobOf(miss.jobKey),
          runId: `missed-run:${miss.dueAt}`,
          eventTime: miss.dueAt,
          errorMessage: miss.reason,
        },
        { contentType: 'application/json' },
        FRESHNESS_WATCH_SENDER,
      );
      if (result?.status === 'rejected')
        logger.warn(
          `Freshness watch: the missed run of ${miss.jobKey} was refused: ${result.reason}`,
        );
    }
    if (missed.length)
      logger.info(
        `Freshness watch: ${missed.length} producer(s) missed their contract's freshness SLA`,
      );
    return missed;
  }
}
