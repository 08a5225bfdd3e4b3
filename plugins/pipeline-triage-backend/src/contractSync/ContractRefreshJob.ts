import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { ContractRefresher } from './ContractRefresher';

/** Schedules the refresh of parsed contracts: entities changed in the catalog (etag, definition) are re-parsed. */
export class ContractRefreshJob {
  constructor(
    private readonly options: {
      scheduler: SchedulerService;
      refresher: Pick<ContractRefresher, 'refreshAll'>;
      logger: LoggerService;
      /** pipelineTriage.contracts.refreshIntervalSeconds; 300 when unset. */
      intervalSeconds?: number;
    },
  ) {}

  async schedule(): Promise<void> {
    await this.options.scheduler.scheduleTask({
      id: 'pipeline-triage-contract-refresh',
      frequency: { seconds: this.options.intervalSeconds ?? 300 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 5 },
      scope: 'global',
      fn: () => this.run(),
    });
  }

  async run(): Promise<void> {
    const s = await this.options.refresher.refreshAll();
    if (s.parsed || s.removed) {
      this.options.logger.info(
        `Data contracts: ${s.parsed} parsed, ${s.invalid} invalid, ${s.removed} removed of ${s.contracts}`,
      );
    }
  }
}
