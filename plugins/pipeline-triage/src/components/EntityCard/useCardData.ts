import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  IncidentSummary,
  TrendWeek,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { pipelineTriageApiRef, type IncidentQuery } from '../../api';

export interface CardData {
  /** Open or acknowledged; `openCapped` means there are more than the count. */
  openIncidents: number;
  openCapped: boolean;
  failingSince?: string;
  lastFailure?: IncidentSummary;
  weeks: TrendWeek[];
}

const OPEN_COUNT_LIMIT = 200;

/**
 * Entities have /v1/status; teams do not, so for a team the open count comes from counting the
 * open incidents routed to it (capped, which is plenty for a card).
 */
export function useCardData(entityRef: string, group: boolean) {
  const api = useApi(pipelineTriageApiRef);
  return useAsyncRetry(async (): Promise<CardData> => {
    const scope: IncidentQuery = group
      ? { routedTo: entityRef }
      : { entityRef };
    const [latest, trends, open] = await Promise.all([
      api.listIncidents({ ...scope, limit: 1 }),
      api.getTrends({
        ...(group ? { owner: entityRef } : { entityRef }),
        weeks: 12,
        groupBy: 'category',
      }),
      group
        ? api.listIncidents({
            ...scope,
            status: ['open', 'acknowledged'],
            limit: OPEN_COUNT_LIMIT,
          })
        : api.getStatus(entityRef),
    ]);
    const base = { lastFailure: latest.items[0], weeks: trends.weeks };
    if ('items' in open) {
      return {
        ...base,
        openIncidents: open.items.length,
        openCapped: Boolean(open.nextCursor),
      };
    }
    return {
      ...base,
      openIncidents: open.openIncidents,
      openCapped: false,
      failingSince: open.failingSince,
    };
  }, [api, entityRef, group]);
}
