import {
  coreServices,
  createServiceFactory,
  type SchedulerServiceTaskInvocationDefinition,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { startTriageBackend } from './__testUtils__/startTriageBackend';

jest.setTimeout(120_000);

type ScheduledTask = SchedulerServiceTaskScheduleDefinition &
  SchedulerServiceTaskInvocationDefinition & { scope?: string };

/** The real plugin on a real backend: which jobs plugin.ts schedules, from the classes beside what they run. */
describe('the scheduled jobs', () => {
  const scheduler = mockServices.scheduler();
  const scheduleTask = jest.spyOn(scheduler, 'scheduleTask');
  let backend: Awaited<ReturnType<typeof startTriageBackend>>;

  beforeAll(async () => {
    backend = await startTriageBackend(
      'SQLITE_3',
      {
        contracts: { refreshIntervalSeconds: 120 },
        freshness: { checkIntervalMinutes: 20 },
        digest: { cron: '0 9 * * 1' },
      },
      {
        features: [
          createServiceFactory({
            service: coreServices.scheduler,
            deps: {},
            factory: () => scheduler,
          }),
        ],
      },
    );
  });
  afterAll(async () => {
    await backend?.stop();
  });

  // The catalog and notifications share the scheduler; only this plugin's tasks count.
  const tasks = () =>
    new Map(
      scheduleTask.mock.calls
        .filter(([task]) => task.id.startsWith('pipeline-triage-'))
        .map(([task]) => [task.id, task as ScheduledTask]),
    );

  it('schedules the sweeper, the weekly digest, retention, the contract refresh and the freshness watch on one instance each, and no demo loader without demo config', () => {
    expect([...tasks().keys()].sort()).toEqual([
      'pipeline-triage-contract-refresh',
      'pipeline-triage-freshness-watch',
      'pipeline-triage-retention',
      'pipeline-triage-sink-outbox',
      'pipeline-triage-sweeper',
      'pipeline-triage-weekly-digest',
    ]);
    for (const task of tasks().values()) expect(task.scope).toBe('global');
  });

  it("takes each job's schedule from its configuration", () => {
    // The test backend sweeps hourly (startTriageBackend); a lost sweeper lock lasts one event lease.
    expect(tasks().get('pipeline-triage-sweeper')).toMatchObject({
      frequency: { seconds: 3600 },
      timeout: { milliseconds: 120_000 },
    });
    expect(tasks().get('pipeline-triage-contract-refresh')).toMatchObject({
      frequency: { seconds: 120 },
    });
    expect(tasks().get('pipeline-triage-freshness-watch')).toMatchObject({
      frequency: { minutes: 20 },
    });
    expect(tasks().get('pipeline-triage-weekly-digest')).toMatchObject({
      frequency: { cron: '0 9 * * 1' },
    });
  });

  it('runs each job against the real backend without an error', async () => {
    // Called directly: the mock scheduler's triggerTask would swallow a job's error.
    for (const task of tasks().values()) {
      await expect(
        Promise.resolve(task.fn(new AbortController().signal)),
      ).resolves.toBeUndefined();
    }
  });
});
