import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { databaseIds } from '../__testUtils__/databaseIds';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: databaseIds() });
const USER = mockCredentials.user.header();
const REF = 'api:default/shipments-contract';

const VALID = `apiVersion: v3.1.0
kind: DataContract
id: 5d1e0f5e-4a8b-4c52-9a7e-2d4c3b1a0f11
name: shipments
version: 1.0.0
status: active
schema:
  - name: shipments
    physicalType: table
    properties:
      - name: shipment_id
        logicalType: string
        required: true
`;

const INVALID = `apiVersion: v3.1.0
kind: DataContract
id: 5d1e0f5e-4a8b-4c52-9a7e-2d4c3b1a0f11
name: shipments
version: 1.0.1
status: active
schema:
  - name: shipments
    physicalType: table
    properties:
      - name: shipment_id
        logicalType: money
        required: true
`;

function catalogFile(dir: string, definition: string) {
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'shipments-contract', namespace: 'default' },
    spec: {
      type: 'datacontract',
      lifecycle: 'production',
      owner: 'group:default/checkout-producers',
      definition,
    },
  };
  fs.writeFileSync(path.join(dir, 'shipments.yaml'), JSON.stringify(entity));
}

describe.each(databases.eachSupportedId())(
  'persisted data contracts on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;
    let dir: string;
    const scheduler = mockServices.scheduler();
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-contracts-'));
      catalogFile(dir, VALID);
      backend = await startTriageBackend(
        databaseId,
        {},
        {
          catalogFiles: [path.join(dir, 'shipments.yaml')],
          // The plugin's scheduled tasks run only when the test triggers them.
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
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const list = async () => {
      const res = await request(backend.server)
        .get('/api/pipeline-triage/v1/contracts')
        .set('authorization', USER);
      if (res.status !== 200)
        throw new Error(`GET /v1/contracts: ${res.status} ${res.text}`);
      return res.body.items as any[];
    };
    const until = async <T>(
      read: () => Promise<T>,
      ok: (v: T) => boolean,
      what: string,
    ): Promise<T> => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const value = await read();
        if (ok(value)) return value;
        if (Date.now() > deadline)
          throw new Error(
            `timed out waiting for ${what}: ${JSON.stringify(value)}`,
          );
        await new Promise(r => setTimeout(r, 500));
      }
    };

    const refresh = () =>
      scheduler.triggerTask('pipeline-triage-contract-refresh');
    const catalogDefinition = async () =>
      (
        await request(backend.server).get(
          `/api/catalog/entities/by-name/api/default/shipments-contract`,
        )
      ).body?.spec?.definition;

    it('keeps a parsed copy of every contract, refreshed on schedule, and re-parses one whose entity changed', async () => {
      await until(
        catalogDefinition,
        d => d === VALID,
        'the catalog to load the contract',
      );
      expect(await list()).toEqual([]);
      // The scheduled pass stores every contract of the catalog, the example ones included.
      await refresh();
      const first = await list();
      expect(
        first.find(c => c.entityRef === 'api:default/checkout-orders'),
      ).toMatchObject({ valid: true, format: 'odcs-3.1' });
      expect(
        first.find(c => c.entityRef === 'api:default/checkout-customers'),
      ).toMatchObject({ valid: true, format: 'dcs' });
      const before = first.find(c => c.entityRef === REF);
      expect(before).toMatchObject({ valid: true, format: 'odcs-3.1' });

      // Unchanged contracts are checked again without being re-parsed: changedAt stays.
      await new Promise(r => setTimeout(r, 20));
      await refresh();
      const later = (await list()).find(c => c.entityRef === REF);
      expect(later.checkedAt > before.checkedAt).toBe(true);
      expect(later.changedAt).toBe(before.changedAt);

      // The entity changes in the catalog: the next pass stores the new definition, now invalid.
      catalogFile(dir, INVALID);
      await until(
        catalogDefinition,
        d => d === INVALID,
        'the catalog to see the change',
      );
      expect((await list()).find(c => c.entityRef === REF).valid).toBe(true);
      await refresh();
      const copy = (await list()).find(c => c.entityRef === REF);
      expect(copy.valid).toBe(false);
      expect(copy.changedAt > before.changedAt).toBe(true);
      expect(copy.problems).toEqual([
        expect.objectContaining({
          path: 'schema[0].properties[0].logicalType',
          line: 12,
        }),
      ]);

      // The contract's own state names the entity's problem with its path; nothing else broke.
      const state = await request(backend.server)
        .get('/api/pipeline-triage/v1/contracts')
        .query({ entityRef: REF })
        .set('authorization', USER);
      expect(state.status).toBe(200);
      expect(state.body).toMatchObject({
        entityRef: REF,
        valid: false,
        checkedAt: expect.any(String),
      });
      expect(state.body.problems[0].message).toMatch(/string|integer|number/);
      const health = await request(backend.server).get(
        '/api/pipeline-triage/health',
      );
      expect(health.status).toBe(200);
    });

    it('404s for an entity that is not a data contract, and names a bad entityRef', async () => {
      const notContract = await request(backend.server)
        .get('/api/pipeline-triage/v1/contracts')
        .query({ entityRef: 'component:default/orders-daily-load' })
        .set('authorization', USER);
      expect(notContract.status).toBe(404);
      expect(notContract.body.error.message).toMatch(
        /component:default\/orders-daily-load/,
      );
      const bad = await request(backend.server)
        .get('/api/pipeline-triage/v1/contracts')
        .query({ entityRef: 'nope' })
        .set('authorization', USER);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/entityRef/);
    });
  },
);
