import type { SchedulerService } from '@backstage/backend-plugin-api';
import { loadDemoData, type DemoOptions } from './loadDemoData';

/** Schedules the example data's one-off import, after start-up so the catalog has the example entities. */
export class DemoDataJob {
  constructor(
    private readonly options: DemoOptions & {
      scheduler: SchedulerService;
      delaySeconds: number;
    },
  ) {}

  async schedule(): Promise<void> {
    const { scheduler, delaySeconds, ...demo } = this.options;
    await scheduler.scheduleTask({
      id: 'pipeline-triage-demo-loader',
      frequency: { years: 100 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: delaySeconds },
      scope: 'global',
      fn: async () => loadDemoData(demo),
    });
  }
}
