import { createElement } from 'react';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import type { Entity } from '@backstage/catalog-model';
import { PipelineTriageClient, pipelineTriageApiRef } from './api';
import { rootRouteRef } from './routes';

/** The kinds the plugin has something to say about: pipelines, tables, contracts and teams. */
const TRIAGED_KINDS = ['component', 'resource', 'api', 'group'];

/**
 * Kind alone decides, not annotations: an unannotated table can still be linked through lineage,
 * and an unlinked entity's tab explains which annotation to add.
 */
function isTriaged(entity: Entity): boolean {
  return TRIAGED_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: pipelineTriageApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new PipelineTriageClient({ discoveryApi, fetchApi }),
    }),
});

const page = PageBlueprint.make({
  params: {
    path: '/pipeline-triage',
    title: 'Pipeline Triage',
    routeRef: rootRouteRef,
    loader: () => import('./components/TriagePage').then(m => createElement(m.PipelineTriagePage)),
  },
});

const entityContent = EntityContentBlueprint.make({
  params: {
    path: 'pipeline-triage',
    title: 'Pipeline Triage',
    filter: isTriaged,
    loader: () => import('./components/EntityTab').then(m => createElement(m.EntityPipelineTriageContent)),
  },
});

const entityCard = EntityCardBlueprint.make({
  params: {
    filter: isTriaged,
    loader: () => import('./components/EntityCard').then(m => createElement(m.EntityPipelineTriageCard)),
  },
});

/** The plugin for the new frontend system; the legacy exports in index.ts stay for existing apps. */
export default createFrontendPlugin({
  pluginId: 'pipeline-triage',
  title: 'Pipeline Triage',
  routes: { root: rootRouteRef },
  extensions: [api, page, entityContent, entityCard],
});
