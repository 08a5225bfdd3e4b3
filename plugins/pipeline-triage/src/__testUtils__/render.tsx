import { ReactNode } from 'react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  AuthorizeResult,
  type EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { pipelineTriageApiRef, type PipelineTriageApi } from '../api';
import { rootRouteRef } from '../routes';

/** A permission decision per request, as the permission backend would answer it. */
export type Authorize = (
  request: EvaluatePermissionRequest,
) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;

/**
 * Renders with the fake API, an optional entity and the catalog routes EntityRefLink needs. The
 * permission API allows everything unless `authorize` says otherwise.
 */
export function renderWithApi(
  ui: ReactNode,
  api: PipelineTriageApi,
  entity?: Entity,
  authorize: Authorize = () => AuthorizeResult.ALLOW,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [pipelineTriageApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize })],
      ]}
    >
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
