import request from 'supertest';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import {
  coreServices,
  createBackendPlugin,
  type AuthService,
} from '@backstage/backend-plugin-api';
import type { TestDatabaseId } from '@backstage/backend-test-utils';
import authBackend from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import {
  eventsServiceFactory,
  eventsServiceRef,
  type EventsService,
} from '@backstage/plugin-events-node';
import permissionBackend from '@backstage/plugin-permission-backend';
import {
  signalsServiceRef,
  type SignalsService,
} from '@backstage/plugin-signals-node';
import ownerOnlyPolicyModule from '@pipeline-triage/plugin-permission-backend-module-pipeline-triage-owner-only-policy';
import { SENDER_TOKEN, startTriageBackend } from './startTriageBackend';

/** Static tokens (test-only values), configured in the real `backend.auth.externalAccess` shape. */
export const OTHER_SENDER_TOKEN = 'test-only-other-sender-token';
const UNRESTRICTED_TOKEN = 'test-only-unrestricted-ci-token';
const PLUGIN_LOOKALIKE_TOKEN = 'test-only-plugin-lookalike-token';
const CATALOG_READER_TOKEN = 'test-only-catalog-reader-token';

/** The callers of a real-auth backend, as Authorization header values. */
export interface RealCallers {
  /** Static token, subject `pipeline-sender`, restricted to pipeline-triage (the documented setup). */
  sender: string;
  /** Static token, subject `other-sender`, restricted to pipeline-triage. */
  otherSender: string;
  /** Static token, subject `ci-bot`, no access restrictions. */
  unrestricted: string;
  /** Static token, subject `plugin:catalog`, no access restrictions. */
  lookalike: string;
  /** A plugin-to-plugin token minted by another plugin of the backend (`plugin:matrix-probe`). */
  plugin: string;
  /** A user token from the auth backend's guest sign-in (user:default/guest and its groups). */
  guest: string;
  /** The guest's raw token (the signals websocket takes it as its protocol). */
  guestToken: string;
}

/** What the probe plugin holds of the backend's real services. */
interface Probe {
  auth: AuthService;
  signals: SignalsService;
  events: EventsService;
}

const probes = new Map<string, Probe>();
let starts = 0;

/** A plugin of the test backend that keeps its real services for the test. */
function probePlugin(key: string) {
  return createBackendPlugin({
    pluginId: 'matrix-probe',
    register(reg) {
      reg.registerInit({
        // httpRouter: so the plugin serves its JWKS and its tokens can be verified.
        deps: {
          auth: coreServices.auth,
          httpRouter: coreServices.httpRouter,
          signals: signalsServiceRef,
          events: eventsServiceRef,
        },
        async init({ auth, signals, events }) {
          probes.set(key, { auth, signals, events });
        },
      });
    },
  });
}

const staticToken = (token: string, subject: string, plugins?: string[]) => ({
  type: 'static',
  options: { token, subject },
  ...(plugins
    ? { accessRestrictions: plugins.map(plugin => ({ plugin })) }
    : {}),
});

/**
 * The triage backend with Backstage's real auth, httpAuth, userInfo and events services (the
 * defaults of startTestBackend are mocks), the auth backend with the guest provider, the permission backend
 * with the example owner-only policy, and static external-access tokens as an operator
 * configures them. Returns real credentials of each kind.
 */
export async function startRealAuthBackend(
  databaseId: TestDatabaseId,
  extraConfig: Record<string, unknown> = {},
) {
  const key = `probe-${starts++}`;
  const backend = await startTriageBackend(databaseId, extraConfig, {
    features: [
      authServiceFactory,
      httpAuthServiceFactory,
      userInfoServiceFactory,
      // The production events service: one in-process bus for all plugins (the mock gives each
      // plugin its own, so signals would never reach the signals backend).
      eventsServiceFactory,
      authBackend,
      guestProvider,
      permissionBackend,
      ownerOnlyPolicyModule,
      probePlugin(key),
    ],
    config: data => {
      data.permission = { enabled: true };
      data.events = { useEventBus: 'never' };
      data.auth = {
        environment: 'development',
        providers: {
          guest: {
            userEntityRef: 'user:default/guest',
            dangerouslyAllowOutsideDevelopment: true,
          },
        },
      };
      data.backend.auth.externalAccess = [
        staticToken(SENDER_TOKEN, 'pipeline-sender', ['pipeline-triage']),
        staticToken(OTHER_SENDER_TOKEN, 'other-sender', ['pipeline-triage']),
        staticToken(UNRESTRICTED_TOKEN, 'ci-bot'),
        staticToken(PLUGIN_LOOKALIKE_TOKEN, 'plugin:catalog'),
        staticToken(CATALOG_READER_TOKEN, 'catalog-reader', ['catalog']),
      ];
    },
    catalogAuthorization: `Bearer ${CATALOG_READER_TOKEN}`,
  });
  const probe = probes.get(key)!;
  const { token: pluginToken } = await probe.auth.getPluginRequestToken({
    onBehalfOf: await probe.auth.getOwnServiceCredentials(),
    targetPluginId: 'pipeline-triage',
  });
  const signIn = await request(backend.server)
    .get('/api/auth/guest/refresh')
    .set('x-requested-with', 'XMLHttpRequest');
  if (signIn.status !== 200)
    throw new Error(`guest sign-in failed: ${signIn.status} ${signIn.text}`);
  const identity = signIn.body.backstageIdentity;
  if (
    !identity.identity.ownershipEntityRefs.includes(
      'group:default/growth-analytics',
    )
  ) {
    throw new Error(
      `guest sign-in without its catalog groups: ${JSON.stringify(
        identity.identity,
      )}`,
    );
  }
  const callers: RealCallers = {
    sender: `Bearer ${SENDER_TOKEN}`,
    otherSender: `Bearer ${OTHER_SENDER_TOKEN}`,
    unrestricted: `Bearer ${UNRESTRICTED_TOKEN}`,
    lookalike: `Bearer ${PLUGIN_LOOKALIKE_TOKEN}`,
    plugin: `Bearer ${pluginToken}`,
    guest: `Bearer ${identity.token}`,
    guestToken: identity.token,
  };
  return { backend, server: backend.server, callers, probe };
}
