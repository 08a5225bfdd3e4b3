import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { EventProcessor } from './EventProcessor';

/** The scheduled sweep: finishes stored events no request finished (crash, lease lost, retry due). */
export class EventSweepJob {
  constructor(
    private readonly options: {
      scheduler: SchedulerService;
      processor: Pick<EventProcessor, 'sweep'>;
      logger: LoggerService;
      intervalSeconds: number;
      leaseMs: number;
    },
  ) {}

  async schedule(): Promise<void> {
    await this.options.scheduler.scheduleTask({
      id: 'pipeline-triage-sweeper',
      frequency: { seconds: this.options.intervalSeconds },
      // One instance at a time. An instance killed mid-sweep holds the scheduler's lock until
      // this timeout; as long as an event lease, so recovery waits no longer than the leases
      // of the events it held do. A sweep that outlives it is still safe: every event is claimed.
      timeout: { milliseconds: this.options.leaseMs },
      initialDelay: { seconds: 5 },
      scope: 'global',
      fn: () => this.run(),
    });
  }

  async run(): Promise<void> {
    const n = await this.options.processor.sweep();
    if (n) this.options.logger.info(`Sweeper processed ${n} pending events`);
  }
}
