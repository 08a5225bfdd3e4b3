import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { IncidentService } from '../service';
import type { TriageStore } from '../store';
import { composeDigest } from './composeDigest';

/**
 * Sends each team that had incidents routed to it last week one digest notification. Run by
 * the scheduler once a week on one instance; its scope makes a re-run update, not duplicate.
 */
export async function sendWeeklyDigests(deps: {
  store: TriageStore;
  incidents: IncidentService;
  notifications: NotificationService;
  logger: LoggerService;
  weeks?: number;
}): Promise<number> {
  // The current week is still running: the digest covers the last complete week.
  const trendWeeks = (deps.weeks ?? 4) + 1;
  const teams = await deps.store.routedTeams(
    new Date(Date.now() - 14 * 24 * 3600_000).toISOString(),
  );
  let sent = 0;
  for (const team of teams) {
    const trends = await deps.incidents.trends({
      filter: { routedTo: team },
      weeks: trendWeeks,
      groupBy: 'category',
    });
    const complete = { ...trends, weeks: trends.weeks.slice(0, -1) };
    const lastWeek = complete.weeks[complete.weeks.length - 1];
    if (!lastWeek || lastWeek.total === 0) continue;
    const { topRepeatFailures } = await deps.store.triageStats({
      routedTo: team,
    });
    const digest = composeDigest(team, complete, topRepeatFailures);
    await deps.notifications.send({
      recipients: { type: 'entity', entityRef: team },
      payload: {
        ...digest,
        link: '/pipeline-triage',
        severity: 'low',
        topic: 'pipeline-triage-digest',
        scope: `pipeline-triage:digest:${team}:${lastWeek.week}`,
      },
    });
    sent++;
  }
  deps.logger.info(`Weekly digest sent to ${sent} teams`);
  return sent;
}
