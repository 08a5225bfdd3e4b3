import type {
  Category,
  Environment,
  FailureEvent,
  JobChange,
  RouteDecision,
  SilentFailure,
  TriageVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Violation } from '../contracts';
import type { TriageContext } from '../engine';
import { violationEvidence, violationsForEvent } from '../findings';
import type { LinkResult } from '../linking';
import {
  changesSince,
  contractSeverity,
  FLAKY_FLIPS,
  flakyFlips,
} from '../policy';
import { delayPastSla, type RoutePolicy } from '../routing';
import { snapshotOf, type JobRun } from '../store';

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
  /** What changed since the job's last success before this run; undefined without one. */
  changes?: JobChange[];
  /** Set when a run that did not fail is triaged as a silent failure. */
  silent?: SilentFailure;
}

/** How much a silent failure's own finding weighs: it is the whole failure. */
const SILENT_WEIGHT = 0.85;

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
  silent?: SilentFailure,
): Assessment {
  const violations = violationsForEvent(event, links);
  const versions = snapshotOf(event);
  const lastSuccess = lastSuccessBefore(history, event.eventTime);
  const changes = lastSuccess
    ? changesSince(lastSuccess.versions, versions)
    : undefined;
  return {
    event,
    links,
    violations,
    ctx: {
      idempotent: links.job?.idempotent,
      writesOutput:
        links.outputs.length > 0 || Boolean(event.outputs?.length) || undefined,
      runbookUrl: links.job?.runbookUrl,
      extraEvidence: [
        ...violationEvidence(violations),
        ...(silent
          ? [
              {
                kind: 'silent_failure',
                category:
                  silent.kind === 'zero_rows'
                    ? ('data_quality' as const)
                    : ('source_delay' as const),
                text: silent.reason,
                weight: SILENT_WEIGHT,
              },
            ]
          : []),
      ],
      ...(history?.length ? { history } : {}),
      ...(versions ? { versions } : {}),
      ...(changes?.length ? { changes } : {}),
    },
    environment: event.environment ?? 'prod',
    ...(changes ? { changes } : {}),
    ...(silent ? { silent } : {}),
  };
}

/** The job's latest success before this run, from its history. */
export function lastSuccessBefore(
  history: JobRun[] | undefined,
  before: string,
): JobRun | undefined {
  const end = Date.parse(before);
  return (history ?? [])
    .filter(r => r.signature === undefined && Date.parse(r.at) < end)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
}

/** The flips that make the job flaky for this signature, or 0 when it is not flaky. */
export function flakinessOf(a: Assessment, signature: string): number {
  const flips = flakyFlips(a.ctx.history ?? [], signature, a.event.eventTime);
  return flips >= FLAKY_FLIPS ? flips : 0;
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
