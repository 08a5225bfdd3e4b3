import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@pipeline-triage/plugin-pipeline-triage-common';

export const pipelineEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-daily',
    namespace: 'default',
    annotations: { [ANNOTATIONS.airflowDagId]: 'orders_daily' },
  },
  spec: {
    type: 'data-pipeline',
    owner: 'group:default/data-platform',
    lifecycle: 'production',
  },
};

export const plainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'website', namespace: 'default' },
  spec: {
    type: 'website',
    owner: 'group:default/web',
    lifecycle: 'production',
  },
};

export const groupEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'data-platform', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

export const tableEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'raw-orders',
    namespace: 'default',
    annotations: {
      [ANNOTATIONS.openlineageDataset]:
        's3://acme-datalake-raw/checkout/orders',
    },
  },
  spec: { type: 'table', owner: 'group:default/checkout-producers' },
};

const CONTRACT_TEXT = Array.from({ length: 70 }, (_, i) =>
  i === 60 ? '        - name: currency_code' : `# line ${i + 1}`,
).join('\n');

export const contractEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'checkout-orders', namespace: 'default' },
  spec: {
    type: 'datacontract',
    owner: 'group:default/checkout-producers',
    lifecycle: 'production',
    definition: CONTRACT_TEXT,
  },
};
