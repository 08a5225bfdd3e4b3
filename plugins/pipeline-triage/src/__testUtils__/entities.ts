import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@internal/plugin-pipeline-triage-common';

export const pipelineEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-daily', namespace: 'default', annotations: { [ANNOTATIONS.airflowDagId]: 'orders_daily' } },
  spec: { type: 'data-pipeline', owner: 'group:default/data-platform', lifecycle: 'production' },
};

export const plainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'website', namespace: 'default' },
  spec: { type: 'website', owner: 'group:default/web', lifecycle: 'production' },
};

export const groupEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'data-platform', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
