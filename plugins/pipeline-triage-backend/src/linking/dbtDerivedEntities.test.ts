import path from 'node:path';
import fs from 'node:fs';
import { dbtManifestEntities } from '@pipeline-triage/plugin-catalog-backend-module-pipeline-triage';
import { CatalogIndex, linkWithIndex } from './index';

/** Entities the catalog module derives from a dbt manifest are found by the linker. */
const FIXTURES = path.join(
  path.dirname(
    require.resolve(
      '@pipeline-triage/plugin-catalog-backend-module-pipeline-triage/package.json',
    ),
  ),
  'fixtures/dbt',
);
const manifest = JSON.parse(
  fs.readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8'),
);
const entities = dbtManifestEntities(manifest, {
  defaultOwner: 'group:default/data-platform',
  location: 'file:/tmp/manifest.json',
});

describe('dbt-derived entities in the linker', () => {
  it('links a dbt failure to the derived pipeline, but a hand-annotated pipeline wins', () => {
    // The catalog adds relations and refs; the index needs the ownedBy relation to route.
    const withRelations = entities.map(e => ({
      ...e,
      metadata: { ...e.metadata, namespace: 'default' },
      relations: [{ type: 'ownedBy', targetRef: String(e.spec?.owner) }],
    }));
    const event = {
      source: 'dbt' as const,
      outcome: 'fail' as const,
      eventTime: '2026-11-20T10:00:00Z',
      job: {
        namespace: 'dbt',
        name: 'fct_revenue',
        dbtUniqueId: 'model.shop.fct_revenue',
      },
    };
    expect(
      linkWithIndex(new CatalogIndex(withRelations), event, 1).job,
    ).toMatchObject({
      entityRef: 'component:default/dbt-shop-fct-revenue',
      ownerRef: 'group:default/growth-analytics',
    });

    const hand = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'revenue',
        namespace: 'default',
        annotations: { 'pipeline-triage.io/dbt-unique-id': 'model.shop.*' },
      },
      spec: { type: 'data-pipeline', owner: 'group:default/hand' },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/hand' }],
    };
    expect(
      linkWithIndex(new CatalogIndex([...withRelations, hand]), event, 1).job
        ?.entityRef,
    ).toBe('component:default/revenue');
  });
});
