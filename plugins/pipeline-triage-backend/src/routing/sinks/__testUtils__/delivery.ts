import type { RouteDelivery } from '@pipeline-triage/plugin-pipeline-triage-node';

export function aDelivery(
  overrides: Partial<RouteDelivery> = {},
): RouteDelivery {
  return {
    incidentId: 'inc-42',
    title: 'orders_daily failed: column amount missing',
    category: 'schema_drift',
    severity: 'high',
    environment: 'prod',
    recipient: 'group:default/orders-team',
    copy: ['group:default/data-platform'],
    link: '/catalog/default/component/orders-daily/pipeline-triage',
    summary: 'Upstream table dropped column `amount` <since v2> & more',
    kind: 'new',
    ...overrides,
  };
}
