import path from 'node:path';
import fs from 'node:fs';
import { CatalogIndex, linkWithIndex } from '../linking';
import { dbtManifestEntities } from './dbtManifestEntities';

const manifest = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../fixtures/dbt/manifest.json'),
    'utf8',
  ),
);
const entities = dbtManifestEntities(manifest, {
  defaultOwner: 'group:default/data-platform',
  location: 'file:/tmp/manifest.json',
});
const byName = (name: string) => entities.find(e => e.metadata.name === name);

describe('dbtManifestEntities', () => {
  it('makes each model a pipeline owned by meta.owner, else its dbt group, else the default', () => {
    expect(byName('dbt-shop-fct-revenue')).toMatchObject({
      kind: 'Component',
      metadata: {
        annotations: {
          'pipeline-triage.io/dbt-unique-id': 'model.shop.fct_revenue',
          'pipeline-triage.io/derived-from': 'dbt-manifest',
        },
      },
      spec: {
        type: 'data-pipeline',
        owner: 'group:default/growth-analytics',
        dependsOn: ['resource:analytics-staging-stg-orders'],
        dependencyOf: ['resource:analytics-marts-fct-revenue'],
      },
    });
    expect(byName('dbt-shop-stg-orders')?.spec).toMatchObject({
      owner: 'group:finance-data',
      dependsOn: ['resource:raw-shop-orders'],
    });
    expect(byName('dbt-shop-orphan')?.spec?.owner).toBe(
      'group:default/data-platform',
    );
    expect(entities.some(e => e.metadata.name.includes('not-null'))).toBe(
      false,
    );
  });

  it('makes model and source relations tables named as OpenLineage names them', () => {
    expect(byName('raw-shop-orders')).toMatchObject({
      kind: 'Resource',
      metadata: {
        annotations: {
          'pipeline-triage.io/openlineage-dataset': 'RAW.SHOP.ORDERS',
        },
      },
      spec: { type: 'table', owner: 'group:default/ingestion' },
    });
    expect(
      byName('analytics-marts-fct-revenue')?.metadata.annotations?.[
        'pipeline-triage.io/openlineage-dataset'
      ],
    ).toBe('ANALYTICS.MARTS.FCT_REVENUE');
  });

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
