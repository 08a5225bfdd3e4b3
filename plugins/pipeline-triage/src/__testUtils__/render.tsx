import { ReactNode } from 'react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { pipelineTriageApiRef, type PipelineTriageApi } from '../api';
import { rootRouteRef } from '../routes';

/** Renders with the fake API, an optional entity and the catalog routes EntityRefLink needs. */
export function renderWithApi(ui: ReactNode, api: PipelineTriageApi, entity?: Entity) {
  return renderInTestApp(
    <TestApiProvider apis={[[pipelineTriageApiRef, api]]}>
      {entity ? <EntityProvider entity={entity}>{ui}</EntityProvider> : ui}
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/pipeline-triage': rootRouteRef,
      },
    },
  );
}
