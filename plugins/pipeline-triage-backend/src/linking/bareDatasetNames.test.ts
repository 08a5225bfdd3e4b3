import type { Entity } from '@backstage/catalog-model';
import { CatalogIndex } from './CatalogIndex';

const table = (name: string, dataset: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'pipeline-triage.io/openlineage-dataset': dataset },
  },
  spec: { type: 'table', owner: 'group:default/team' },
});

describe('dataset names without a namespace (dbt relations)', () => {
  const index = new CatalogIndex([
    table('raw-customers', 'snowflake://acme-prod/RAW.CHECKOUT.CUSTOMERS'),
    table('orders-prod', 'snowflake://acme-prod/ANALYTICS.MARTS.ORDERS'),
    table('orders-dev', 'snowflake://acme-dev/ANALYTICS.MARTS.ORDERS'),
  ]);

  it('match the one table whose OpenLineage name ends with the relation, in any case', () => {
    expect(index.findDataset('', 'RAW.CHECKOUT.CUSTOMERS')?.metadata.name).toBe(
      'raw-customers',
    );
    expect(index.findDataset('', 'raw.checkout.customers')?.metadata.name).toBe(
      'raw-customers',
    );
  });

  it('link nothing when two warehouses hold the same relation, or when the sender gave another namespace', () => {
    expect(index.findDataset('', 'ANALYTICS.MARTS.ORDERS')).toBeUndefined();
    expect(
      index.findDataset('bigquery', 'RAW.CHECKOUT.CUSTOMERS'),
    ).toBeUndefined();
    expect(
      index.findDataset('snowflake://acme-prod', 'RAW.CHECKOUT.CUSTOMERS')
        ?.metadata.name,
    ).toBe('raw-customers');
  });
});
