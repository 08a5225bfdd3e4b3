import path from 'node:path';
import fs from 'node:fs';
import { dbtManifestEntities } from './dbtManifestEntities';

const manifest = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '../fixtures/dbt/manifest.json'),
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
});
