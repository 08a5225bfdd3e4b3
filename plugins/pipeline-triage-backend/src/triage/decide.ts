import type {
  Category,
  Environment,
  FailureEvent,
  RouteDecision,
  TriageVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Violation } from '../contracts';
import type { TriageContext } from '../engine';
import { violationEvidence, violationsForEvent } from '../findings';
import type { LinkResult } from '../linking';
import { contractSeverity } from '../policy';
import { delayPastSla, type RoutePolicy } from '../routing';
import type { JobRun } from '../store';

/**
 * What a verdict about one failure is decided from besides the event: the catalog's links, the
 * contract clauses the run broke and the engine's context built from both. First triage and
 * every later re-decision start here, so none of them can see less than another.
 */
export interface Assessment {
  event: FailureEvent;
  links: LinkResult;
  violations: Violation[];
  ctx: TriageContext;
  environment: Environment;
}

/** How far back the job's own history is read: its last runs of each kind within 30 days. */
export const HISTORY_WINDOW = { days: 30, runsPerJob: 20 };

/** The earliest time the history of these events is read from. */
export function historySince(events: FailureEvent[]): string {
  const earliest = Math.min(...events.map(e => Date.parse(e.eventTime)));
  return new Date(earliest - HISTORY_WINDOW.days * 86_400_000).toISOString();
}

export function assess(
  event: FailureEvent,
  links: LinkResult,
  history?: JobRun[],
): Assessment {
  const violations = violationsForEvent(event, links);
  return {
    event,
    links,
    violations,
    ctx: {
      idempotent: links.job?.idempotent,
      writesOutput:
        links.outputs.length > 0 || Boolean(event.outputs?.length) || undefined,
      runbookUrl: links.job?.runbookUrl,
      extraEvidence: violationEvidence(violations),
      ...(history?.length ? { history } : {}),
    },
    environment: event.environment ?? 'prod',
  };
}

/** The engine's verdict graded by policy for what the engine does not know (broken contracts). */
export function settleVerdict(
  a: Assessment,
  verdict: TriageVerdict,
): TriageVerdict {
  const severity = contractSeverity(verdict.severity, a.violations.length > 0);
  return severity === verdict.severity ? verdict : { ...verdict, severity };
}

/** Who owns a failure of this cause: the only call of the routing policy. */
export function routeFor(
  a: Assessment,
  category: Category,
  routes: RoutePolicy,
): RouteDecision {
  return routes.decide({
    category,
    environment: a.environment,
    links: a.links,
    pastSla: delayPastSla(
      a.event,
      a.links,
      a.violations,
      routes.sourceDelaySlaSeconds,
    ),
    affectedTables: a.violations.map(v => v.tableRef),
  });
}
