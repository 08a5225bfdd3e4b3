import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  coreServices,
  createServiceFactory,
  type AuthService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { EXAMPLES_DIR } from './startTriageBackend';

/** Each example user's ownership claims: the user and the groups of its `memberOf` in examples/org.yaml. */
export function exampleOwnershipRefs(): Map<string, string[]> {
  const docs = parseAllDocuments(
    fs.readFileSync(path.join(EXAMPLES_DIR, 'org.yaml'), 'utf8'),
  ).map(d => d.toJS());
  const refs = new Map<string, string[]>();
  for (const doc of docs) {
    if (doc?.kind !== 'User') continue;
    const user = `user:default/${doc.metadata.name}`;
    refs.set(user, [
      user,
      ...(doc.spec.memberOf ?? []).map((g: string) => `group:default/${g}`),
    ]);
  }
  return refs;
}

/**
 * userInfo as sign-in fills it in the example instance: the catalog user's groups become its
 * ownership claims. (The mock default claims only the user itself.) Unknown users own nothing
 * but themselves.
 */
export function exampleUserInfoFactory() {
  const refs = exampleOwnershipRefs();
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials) {
        const principal = credentials.principal as {
          type: string;
          userEntityRef?: string;
        };
        if (principal.type !== 'user' || !principal.userEntityRef) {
          throw new InputError(
            `User info not available for principal type '${principal.type}'`,
          );
        }
        const user = principal.userEntityRef;
        return {
          userEntityRef: user,
          ownershipEntityRefs: refs.get(user) ?? [user],
        };
      },
    }),
  });
}

/**
 * A mock service token for any subject: `plugin:<x>` stands for another plugin, any other subject
 * for a sender. The mock carries no access restrictions; authorizationMatrix.test.ts checks
 * senders with real static tokens.
 */
export function serviceHeader(subject: string): string {
  return `Bearer mock-service-token:${JSON.stringify({ sub: subject })}`;
}

/**
 * The mock auth service, except that a plugin calling another on a user's behalf keeps itself as
 * the actor, as the real auth service does. The mock drops it, and the permission backend then
 * takes a plugin's conditional query for a direct user request and refuses it.
 */
export function onBehalfOfAuthFactory() {
  return createServiceFactory({
    service: coreServices.auth,
    deps: { plugin: coreServices.pluginMetadata },
    factory({ plugin }) {
      const inner = mockServices.auth({ pluginId: plugin.getId() });
      const wrapped: AuthService = Object.create(inner);
      wrapped.getPluginRequestToken = async options => {
        const principal = options.onBehalfOf.principal as {
          type: string;
          userEntityRef?: string;
        };
        if (principal.type === 'user' && principal.userEntityRef) {
          return {
            token: mockCredentials.user.token(principal.userEntityRef, {
              actor: { subject: `plugin:${plugin.getId()}` },
            }),
          };
        }
        return inner.getPluginRequestToken(options);
      };
      return wrapped;
    },
  });
}
