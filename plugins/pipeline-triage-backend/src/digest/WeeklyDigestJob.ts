import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { IncidentService } from '../service';
import type { TriageStore } from '../store';
import { sendWeeklyDigests } from './sendWeeklyDigests';

/** Schedules the weekly digest of each team's routed incidents, on one instance at a time. */
export class WeeklyDigestJob {
  constructor(
    private readonly options: {
      scheduler: SchedulerService;
      store: TriageStore;
      incidents: IncidentService;
      notifications: NotificationService;
      logger: LoggerService;
      cron: string;
    },
  ) {}

  async schedule(): Promise<void> {
    const { scheduler, store, incidents, notifications, logger, cron } =
      this.options;
    await scheduler.scheduleTask({
      id: 'pipeline-triage-weekly-digest',
      frequency: { cron },
      timeout: { minutes: 10 },
      scope: 'global',
      fn: async () => {
        await sendWeeklyDigests({ store, incidents, notifications, logger });
      },
    });
  }
}
