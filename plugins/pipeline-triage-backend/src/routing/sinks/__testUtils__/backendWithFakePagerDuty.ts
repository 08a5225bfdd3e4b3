import type { TestDatabaseId } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { startTriageBackend } from '../../../__testUtils__/startTriageBackend';
import { startFakeChannels } from './fakeChannels';

/**
 * The real plugin with PagerDuty as its only sink, a local fake that speaks the Events API v2,
 * and the real scheduler running the outbox job every second. Registers the suite's
 * beforeAll/afterAll; read `backend` and `fake` inside tests.
 */
export function backendWithFakePagerDuty(databaseId: TestDatabaseId) {
  const env = {} as {
    fake: Awaited<ReturnType<typeof startFakeChannels>>;
    backend: Awaited<ReturnType<typeof startTriageBackend>>;
  };
  beforeAll(async () => {
    env.fake = await startFakeChannels();
    env.backend = await startTriageBackend(
      databaseId,
      {
        sinks: {
          pagerDuty: {
            url: env.fake.pagerDutyUrl,
            routingKey: 'fallback-routing-key',
            minSeverity: 'low',
          },
          retry: { maxAttempts: 3, baseDelayMs: 1, intervalSeconds: 1 },
        },
      },
      { features: [schedulerServiceFactory] },
    );
  });
  afterAll(async () => {
    await env.backend?.stop();
    await env.fake?.close();
  });
  return env;
}
