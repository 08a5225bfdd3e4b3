import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The org-wide page, mounted by the app at /pipeline-triage.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'pipeline-triage' });
