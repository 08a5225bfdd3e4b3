import type { RouteDelivery } from '@pipeline-triage/plugin-pipeline-triage-node';

const PD_SEVERITY: Record<string, 'critical' | 'error' | 'warning' | 'info'> = {
  critical: 'critical',
  high: 'error',
  normal: 'warning',
  low: 'info',
};

/** One key per incident, so repeats and reopenings update the same PagerDuty incident. */
export function pagerDutyDedupKey(incidentId: string): string {
  return `pipeline-triage-${incidentId}`;
}

/** A PagerDuty Events API v2 trigger event for a routed incident. */
export function pagerDutyEvent(
  delivery: RouteDelivery,
  routingKey: string,
  link?: string,
) {
  return {
    routing_key: routingKey,
    event_action: 'trigger' as const,
    dedup_key: pagerDutyDedupKey(delivery.incidentId),
    payload: {
      // PagerDuty truncates summaries at 1024 characters; do it ourselves to keep the ending visible.
      summary: cut(`${delivery.title} (${delivery.environment})`, 1024),
      source: 'pipeline-triage',
      severity: PD_SEVERITY[delivery.severity] ?? 'warning',
      component: delivery.recipient,
      group: delivery.category,
      custom_details: {
        incident_id: delivery.incidentId,
        kind: delivery.kind,
        severity: delivery.severity,
        environment: delivery.environment,
        category: delivery.category,
        recipient: delivery.recipient,
        copy: delivery.copy,
        summary: delivery.summary,
      },
    },
    links: link ? [{ href: link, text: 'Open incident in Backstage' }] : [],
  };
}

function cut(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
