import path from 'node:path';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { JsonObject } from '@backstage/types';
import {
  mockServices,
  startTestBackend,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import catalogBackend from '@backstage/plugin-catalog-backend';
import notificationsBackend from '@backstage/plugin-notifications-backend';
import signalsBackend from '@backstage/plugin-signals-backend';
import pipelineTriageBackend from '../index';
import localFileText from '@pipeline-triage/plugin-catalog-backend-module-pipeline-triage';

/** The example platform the catalog loads in tests, as in the example instance. */
export const EXAMPLES_DIR = path.resolve(__dirname, '../../../../examples');

/** The dev-only sender token; tests post events with it like a pipeline would. */
export const SENDER_TOKEN = 'test-only-sender-token';

function databaseConfig(databaseId: TestDatabaseId) {
  if (databaseId === 'POSTGRES_15') {
    const connection =
      process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
    if (!connection)
      throw new Error(
        'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set',
      );
    // Each plugin gets its own database under a fresh prefix, as in production. Small pools that
    // let idle connections go: test files run in parallel against one server of 100 connections.
    return {
      client: 'pg',
      connection,
      prefix: `pt_test_${randomBytes(4).toString('hex')}_`,
      knexConfig: { pool: { min: 0, max: 6, idleTimeoutMillis: 2000 } },
    };
  }
  return { client: 'better-sqlite3', connection: ':memory:' };
}

/**
 * A real Backstage backend for tests: the catalog loading the example platform, notifications,
 * signals and the pipeline-triage plugin, on SQLite or PostgreSQL.
 */
export async function startTriageBackend(
  databaseId: TestDatabaseId,
  extraConfig: Record<string, unknown> = {},
  more: {
    /** More backend features, e.g. the permission backend, a policy module, or service factories
     * that replace the defaults (a MockSchedulerService's to trigger tasks). */
    features?: Parameters<typeof startTestBackend>[0]['features'];
    /** Edits the root config before start (permission.enabled, more sender tokens...). */
    config?: (data: Record<string, any>) => void;
    /** Replaces the backend.database config (the benchmark and scale-out tests name their own). */
    database?: JsonObject;
    /** More catalog files to load beside the example platform (absolute paths). */
    catalogFiles?: string[];
    /** Authorization header for the catalog wait, for backends with the real auth services
     * (the mock ones let an anonymous request through). */
    catalogAuthorization?: string;
  } = {},
) {
  const backend = await startTestBackend({
    features: [
      catalogBackend,
      localFileText,
      notificationsBackend,
      signalsBackend,
      pipelineTriageBackend,
      ...(more.features ?? []),
      mockServices.rootConfig.factory({
        data: withEdits(more.config, {
          app: { baseUrl: 'http://localhost:3000' },
          backend: {
            baseUrl: 'http://localhost:7007',
            database: more.database ?? databaseConfig(databaseId),
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: SENDER_TOKEN, subject: 'pipeline-sender' },
                  accessRestrictions: [{ plugin: 'pipeline-triage' }],
                },
              ],
            },
          },
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'API',
                  'Resource',
                  'Location',
                  'Group',
                  'User',
                  'Domain',
                ],
              },
            ],
            locations: [
              { type: 'file', target: path.join(EXAMPLES_DIR, 'catalog.yaml') },
              ...(more.catalogFiles ?? []).map(target => ({
                type: 'file',
                target,
              })),
            ],
            processingInterval: { seconds: 2 },
          },
          pipelineTriage: {
            linking: { cacheTtlSeconds: 0 },
            processing: { sweepIntervalSeconds: 3600 },
            ...extraConfig,
          },
        }),
      }),
    ],
  });
  await waitForCatalog(backend.server, more.catalogAuthorization);
  return backend;
}

function withEdits(
  edit: ((data: Record<string, any>) => void) | undefined,
  data: Record<string, any>,
) {
  edit?.(data);
  return data;
}

/** Entities of the example platform the tests rely on, by kind and spec.type. */
const EXPECTED = [
  { filter: 'kind=component,spec.type=data-pipeline', count: 8 },
  { filter: 'kind=resource,spec.type=table', count: 15 },
  { filter: 'kind=api,spec.type=datacontract', count: 3 },
  { filter: 'kind=group', count: 6 },
  { filter: 'kind=user', count: 14 },
];

/**
 * Waits until the catalog has processed and stitched every example entity the tests use: the
 * catalog processes entities one by one, and a test that starts early sees half a platform.
 */
async function waitForCatalog(
  server: Parameters<typeof request>[0],
  authorization?: string,
) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    let ready = true;
    for (const { filter, count } of EXPECTED) {
      const get = request(server)
        .get('/api/catalog/entities')
        .query({ filter });
      const res = await (authorization
        ? get.set('authorization', authorization)
        : get);
      const stitched =
        res.status === 200
          ? res.body.filter(
              (e: { relations?: unknown[] }) => (e.relations ?? []).length > 0,
            )
          : [];
      if (stitched.length < count) {
        ready = false;
        break;
      }
    }
    if (ready) return;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error('The catalog did not load the example platform within 90s');
}
