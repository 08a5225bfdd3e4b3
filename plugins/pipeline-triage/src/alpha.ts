import { createElement } from 'react';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import HealingIcon from '@material-ui/icons/Healing';
import { PipelineTriageClient, pipelineTriageApiRef } from './api';
import { isPipelineTriageAvailable } from './isPipelineTriageAvailable';
import { rootRouteRef } from './routes';

/**
 * `api:pipeline-triage`
 *
 * @alpha
 */
export const pipelineTriageApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: pipelineTriageApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PipelineTriageClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * `page:pipeline-triage`: the page draws its own header, so the app's is hidden.
 *
 * @alpha
 */
export const pipelineTriagePage = PageBlueprint.make({
  params: {
    path: '/pipeline-triage',
    title: 'Pipeline Triage',
    icon: createElement(HealingIcon),
    noHeader: true,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TriagePage').then(m =>
        createElement(m.PipelineTriagePage),
      ),
  },
});

/**
 * `entity-content:pipeline-triage`: the tab, only on entities the plugin serves.
 *
 * @alpha
 */
export const pipelineTriageEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'pipeline-triage',
    title: 'Pipeline Triage',
    group: 'observability',
    icon: createElement(HealingIcon),
    filter: isPipelineTriageAvailable,
    loader: () =>
      import('./components/EntityTab').then(m =>
        createElement(m.EntityPipelineTriageContent),
      ),
  },
});

/**
 * `entity-card:pipeline-triage`: the overview card, on the same entities.
 *
 * @alpha
 */
export const pipelineTriageEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isPipelineTriageAvailable,
    loader: () =>
      import('./components/EntityCard').then(m =>
        createElement(m.EntityPipelineTriageCard),
      ),
  },
});

/**
 * The plugin for the new frontend system; the legacy exports in index.ts stay for existing apps.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'pipeline-triage',
  title: 'Pipeline Triage',
  icon: createElement(HealingIcon),
  routes: { root: rootRouteRef },
  extensions: [
    pipelineTriageApi,
    pipelineTriagePage,
    pipelineTriageEntityContent,
    pipelineTriageEntityCard,
  ],
});

export { isPipelineTriageAvailable } from './isPipelineTriageAvailable';
