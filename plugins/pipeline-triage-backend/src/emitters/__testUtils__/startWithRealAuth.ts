import type { AddressInfo } from 'node:net';
import type { TestDatabaseId } from '@backstage/backend-test-utils';
import {
  type AuthService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  eventsServiceRef,
  type EventsService,
} from '@backstage/plugin-events-node';
import { startTriageBackend } from '../../__testUtils__/startTriageBackend';

/**
 * The test backend with Backstage's real auth services, so the sender token is checked as
 * external access checks it, and a reader's token is a real plugin token. The default-deny
 * policy is off only so the catalog answers the helper's unauthenticated readiness poll.
 */
export async function startWithRealAuth(databaseId: TestDatabaseId) {
  let events: EventsService | undefined;
  let auth: AuthService | undefined;
  // Takes the running backend's services the way an events module (Kafka, SQS) gets them.
  const probe = createBackendModule({
    pluginId: 'pipeline-triage',
    moduleId: 'test-probe',
    register(env) {
      env.registerInit({
        deps: { events: eventsServiceRef, auth: coreServices.auth },
        async init(deps) {
          events = deps.events;
          auth = deps.auth;
        },
      });
    },
  });
  const backend = await startTriageBackend(
    databaseId,
    {},
    {
      features: [probe, authServiceFactory, httpAuthServiceFactory],
      config: data => {
        data.backend.auth.dangerouslyDisableDefaultAuthPolicy = true;
      },
    },
  );
  return {
    backend,
    server: backend.server,
    host: `http://127.0.0.1:${(backend.server.address() as AddressInfo).port}`,
    events: events!,
    /** Another plugin's token: readers of incidents are people and plugins, never senders. */
    async readerHeader() {
      const { token } = await auth!.getPluginRequestToken({
        onBehalfOf: await auth!.getOwnServiceCredentials(),
        targetPluginId: 'pipeline-triage',
      });
      return `Bearer ${token}`;
    },
  };
}
