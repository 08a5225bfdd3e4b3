import type { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import type { SinkDispatcher } from './SinkDispatcher';

/**
 * The scheduled outbox run: sends stored sink deliveries that are due (retries after their
 * backoff, first attempts an instance died before). Every instance runs it: rows are claimed
 * under a lease, so two instances never send one row twice while its lease holds.
 */
export class SinkOutboxJob {
  constructor(
    private readonly options: {
      scheduler: SchedulerService;
      dispatcher: Pick<SinkDispatcher, 'drain'>;
      logger: LoggerService;
      intervalSeconds: number;
    },
  ) {}

  async schedule(): Promise<void> {
    await this.options.scheduler.scheduleTask({
      id: 'pipeline-triage-sink-outbox',
      frequency: { seconds: this.options.intervalSeconds },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 1 },
      scope: 'local',
      fn: () => this.run(),
    });
  }

  async run(): Promise<void> {
    // Drain in batches until nothing is due, so a backlog after an outage clears in one run.
    let total = 0;
    for (let n = await this.options.dispatcher.drain(); n > 0; n = await this.options.dispatcher.drain()) total += n;
    if (total) this.options.logger.info(`Sink outbox attempted ${total} deliveries`);
  }
}
