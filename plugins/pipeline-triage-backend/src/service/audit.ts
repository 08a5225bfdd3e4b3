import type { Request } from 'express';
import type { AuditorService } from '@backstage/backend-plugin-api';
import type { IngestResult } from '@pipeline-triage/plugin-pipeline-triage-common';

/**
 * Records a change to an incident (acknowledge, resolve, reopen, override) through the
 * Backstage auditor, with its outcome: who (from the request), what, and the reason given.
 */
export async function auditIncidentChange<T>(
  auditor: AuditorService,
  req: Request,
  change: {
    incidentId: string;
    action: string;
    category?: string;
    reason?: string;
  },
  run: () => Promise<T>,
): Promise<T> {
  const meta = {
    incidentId: change.incidentId,
    action: change.action,
    ...(change.category ? { category: change.category } : {}),
    ...(change.reason ? { reason: change.reason } : {}),
  };
  const event = await auditor.createEvent({
    eventId: 'incident-update',
    severityLevel: change.action === 'override' ? 'medium' : 'low',
    request: req,
    meta: { queryType: change.action, ...meta },
  });
  try {
    const result = await run();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

/** Records events a sender posted that ingest rejected, with the fields at fault. */
export async function auditRejectedEvents(
  auditor: AuditorService,
  req: Request,
  results: IngestResult[],
) {
  const rejected = results.filter(
    (r): r is Extract<IngestResult, { status: 'rejected' }> =>
      r.status === 'rejected',
  );
  if (rejected.length === 0) return;
  const event = await auditor.createEvent({
    eventId: 'event-ingest',
    severityLevel: 'low',
    request: req,
    meta: {
      queryType: 'rejected',
      rejected: rejected.length,
      accepted: results.filter(r => r.status === 'accepted').length,
      problems: rejected.slice(0, 20).map(r => ({
        index: r.index,
        field: r.field,
        reason: r.reason.slice(0, 200),
      })),
    },
  });
  await event.fail({
    error: new Error(
      `${rejected.length} event(s) rejected: ${rejected[0].field}: ${rejected[0].reason}`,
    ),
  });
}
