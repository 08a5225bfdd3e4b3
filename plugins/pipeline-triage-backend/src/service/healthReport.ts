import type { Request, Response } from 'express';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type {
  HealthReason,
  HealthReport,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { TriageStore } from '../store';

export interface HealthOptions {
  /** Oldest accepted-but-unprocessed event older than this marks the instance degraded. */
  maxQueueLagSeconds: number;
  /** A database that does not answer within this is reported unreachable. */
  databaseTimeoutMs: number;
}

/** Failures of the services the plugin depends on (dependencyHealth.ts); never throws. */
export type DependencyCheck = () => Promise<HealthReason[]>;

/** The instance's health from the store's queue figures and its dependencies; never throws. */
export async function healthReport(
  store: Pick<TriageStore, 'queueStats'>,
  options: HealthOptions,
  now: number = Date.now(),
  dependencies?: DependencyCheck,
): Promise<HealthReport> {
  const [queue, failed] = await Promise.all([
    queueHealth(store, options, now),
    dependencies?.() ?? [],
  ]);
  const reasons = [...queue.reasons, ...failed];
  if (reasons.some(r => r.part === 'database' || r.part === 'auth'))
    return { status: 'unavailable', reasons };
  return { status: reasons.length ? 'degraded' : 'ok', reasons };
}

async function queueHealth(
  store: Pick<TriageStore, 'queueStats'>,
  options: HealthOptions,
  now: number,
): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  let stats: Awaited<ReturnType<TriageStore['queueStats']>>;
  try {
    stats = await Promise.race([
      store.queueStats(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(`no answer within ${options.databaseTimeoutMs} ms`),
            ),
          options.databaseTimeoutMs,
        );
      }),
    ]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'unavailable',
      reasons: [
        { part: 'database', message: `database unreachable: ${message}` },
      ],
    };
  } finally {
    clearTimeout(timer);
  }
  const reasons: HealthReason[] = [];
  const lagSeconds = stats.oldestPendingAt
    ? Math.max(0, Math.round((now - Date.parse(stats.oldestPendingAt)) / 1000))
    : 0;
  if (lagSeconds > options.maxQueueLagSeconds) {
    reasons.push({
      part: 'queue',
      message: `${stats.pending} events wait for processing, the oldest for ${lagSeconds}s (threshold ${options.maxQueueLagSeconds}s)`,
      lagSeconds,
      pending: stats.pending,
    });
  }
  if (stats.dead > 0) {
    reasons.push({
      part: 'dead-letters',
      message: `${stats.dead} events could not be processed (GET /v1/dead-letters)`,
      count: stats.dead,
    });
  }
  return { status: reasons.length ? 'degraded' : 'ok', reasons };
}

/**
 * GET /health as readiness: 200 while serving (ok or degraded), 503 without a database or
 * sign-in. Anyone
 * sees the status; why it is degraded is for authenticated callers only.
 */
export function healthHandler(
  store: Pick<TriageStore, 'queueStats'>,
  httpAuth: HttpAuthService,
  options: HealthOptions = { maxQueueLagSeconds: 300, databaseTimeoutMs: 5000 },
  dependencies?: DependencyCheck,
) {
  return async (req: Request, res: Response) => {
    const report = await healthReport(store, options, Date.now(), dependencies);
    const authenticated = await httpAuth
      .credentials(req, { allow: ['user', 'service'] })
      .then(
        () => true,
        () => false,
      );
    res
      .status(report.status === 'unavailable' ? 503 : 200)
      .json(
        (authenticated
          ? report
          : { status: report.status }) satisfies Partial<HealthReport>,
      );
  };
}
