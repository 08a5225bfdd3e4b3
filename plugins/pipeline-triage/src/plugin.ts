import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { PipelineTriageClient, pipelineTriageApiRef } from './api';
import { rootRouteRef } from './routes';
import type { EntityPipelineTriageCardProps } from './components/EntityCard';
import type { EntityPipelineTriageContentProps } from './components/EntityTab';

/** @public */
export const pipelineTriagePlugin = createPlugin({
  id: 'pipeline-triage',
  apis: [
    createApiFactory({
      api: pipelineTriageApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PipelineTriageClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The org-wide page: trends, repeat failures and the triage system's health.
 *
 * @public
 */
export const PipelineTriagePage: () => JSX.Element =
  pipelineTriagePlugin.provide(
    createRoutableExtension({
      name: 'PipelineTriagePage',
      component: () =>
        import('./components/TriagePage').then(m => m.PipelineTriagePage),
      mountPoint: rootRouteRef,
    }),
  );

/**
 * The entity tab for pipelines, tables, contracts and teams.
 *
 * @public
 */
export const EntityPipelineTriageContent: (
  props: EntityPipelineTriageContentProps,
) => JSX.Element = pipelineTriagePlugin.provide(
  createComponentExtension({
    name: 'EntityPipelineTriageContent',
    component: {
      lazy: () =>
        import('./components/EntityTab').then(
          m => m.EntityPipelineTriageContent,
        ),
    },
  }),
);

/**
 * The overview card: is it failing, since when, and what the last failure was.
 *
 * @public
 */
export const EntityPipelineTriageCard: (
  props: EntityPipelineTriageCardProps,
) => JSX.Element = pipelineTriagePlugin.provide(
  createComponentExtension({
    name: 'EntityPipelineTriageCard',
    component: {
      lazy: () =>
        import('./components/EntityCard').then(m => m.EntityPipelineTriageCard),
    },
  }),
);
