import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { SinkDispatcher } from './SinkDispatcher';

/**
 * The scheduled outbox run: sends stored sink deliveries that are due (retries after their
 * backoff, first attempts an instance died before). One instance at a time; the rows are
 * claimed under a lease as well, so the immediate first attempt of another instance, or a run
 * that outlives the scheduler's lock, never sends a row twice while its lease holds.
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
      // An instance killed mid-run holds the lock this long: about one row lease.
      timeout: { minutes: 1 },
      initialDelay: { seconds: 1 },
      scope: 'global',
      fn: () => this.run(),
    });
  }

  async run(): Promise<void> {
    // Drain in batches until nothing is due, so a backlog after an outage clears in one run.
    let total = 0;
    for (
      let n = await this.options.dispatcher.drain();
      n > 0;
      n = await this.options.dispatcher.drain()
    )
      total += n;
    if (total)
      this.options.logger.info(`Sink outbox attempted ${total} deliveries`);
  }
}
