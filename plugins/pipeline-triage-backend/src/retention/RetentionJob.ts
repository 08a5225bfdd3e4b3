import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { RetentionStore } from '../store';
import { purgeExpired, type RetentionSettings } from './purgeExpired';

/** Schedules the retention pass: raw events and logs past their window; incidents and verdicts stay. */
export class RetentionJob {
  constructor(
    private readonly options: {
      scheduler: SchedulerService;
      store: RetentionStore;
      logger: LoggerService;
      settings: RetentionSettings & {
        schedule: SchedulerServiceTaskScheduleDefinition;
      };
    },
  ) {}

  async schedule(): Promise<void> {
    await this.options.scheduler.scheduleTask({
      id: 'pipeline-triage-retention',
      ...this.options.settings.schedule,
      scope: 'global',
      fn: () => this.run(),
    });
  }

  async run(): Promise<void> {
    const r = await purgeExpired(this.options.store, this.options.settings);
    if (r.eventsPared || r.eventLogsRemoved || r.incidentLogsRemoved) {
      this.options.logger.info(
        `Retention: ${r.eventsPared} raw events pared to their identity, logs removed from ${r.eventLogsRemoved} events and ${r.incidentLogsRemoved} incidents`,
      );
    }
  }
}
