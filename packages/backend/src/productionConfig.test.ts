import path from 'node:path';
import request from 'supertest';
import { ConfigSources, StaticConfigSource } from '@backstage/config-loader';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import authBackend from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../../..');
const ENV = {
  APP_BASE_URL: 'https://backstage.example.com',
  BACKEND_BASE_URL: 'https://backstage.example.com',
  POSTGRES_HOST: '127.0.0.1',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'postgres',
  POSTGRES_PASSWORD: 'unused',
  PIPELINE_TRIAGE_SENDER_TOKEN: 'a-production-sender-token',
};

/**
 * The config files as the backend reads them from `--config a --config b` (README's recipe), with
 * only the database swapped for SQLite in memory so the test needs no server.
 */
async function loadConfig(files: string[]) {
  const source = ConfigSources.merge([
    ConfigSources.default({
      argv: files.flatMap(f => ['--config', path.join(ROOT, f)]),
      rootDir: ROOT,
      substitutionFunc: async name => ENV[name as keyof typeof ENV],
    }),
    StaticConfigSource.create({
      context: 'test',
      data: {
        backend: {
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
      },
    }),
  ]);
  return ConfigSources.toConfig(source);
}

/** A real auth backend with the guest module installed, as packages/backend has it. */
async function guestSignIn(files: string[]) {
  const config = await loadConfig(files);
  const backend = await startTestBackend({
    features: [
      authBackend,
      guestProvider,
      createServiceFactory({
        service: coreServices.rootConfig,
        deps: {},
        factory: () => config,
      }),
    ],
  });
  try {
    return await request(backend.server)
      .get('/api/auth/guest/refresh')
      .set('x-requested-with', 'XMLHttpRequest');
  } finally {
    await backend.stop();
    config.close();
  }
}

describe('the production configuration', () => {
  it('lets the guest sign in with the development file alone (the control)', async () => {
    const res = await guestSignIn(['app-config.yaml']);
    expect(res.status).toBe(200);
    expect(res.body.backstageIdentity.identity.userEntityRef).toBe(
      'user:default/guest',
    );
  });

  it('signs no guest in with app-config.yaml and app-config.production.yaml, as the README starts it', async () => {
    const files = ['app-config.yaml', 'app-config.production.yaml'];
    const config = await loadConfig(files);
    try {
      expect(
        config.getOptionalConfig('auth.providers')?.has('guest') ?? false,
      ).toBe(false);
      expect(
        config.getOptionalBoolean(
          'auth.providers.guest.dangerouslyAllowOutsideDevelopment',
        ),
      ).toBeUndefined();
      expect(config.getString('auth.environment')).toBe('production');
      // Only the production sender token, not the well-known development one.
      const tokens = config
        .getConfigArray('backend.auth.externalAccess')
        .map(a => a.getString('options.token'));
      expect(tokens).toEqual([ENV.PIPELINE_TRIAGE_SENDER_TOKEN]);
    } finally {
      config.close();
    }
    const res = await guestSignIn(files);
    expect(res.status).toBe(404);
  });
});
