import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type {
  IncidentStatus,
  IncidentSummary,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { pipelineTriageApiRef, type IncidentQuery } from '../../api';

/** Where the next page starts: which status phase, and the server cursor within it. */
interface Position {
  phase: number;
  cursor?: string;
}

export interface IncidentPages {
  items: IncidentSummary[];
  loading: boolean;
  error?: Error;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
}

/**
 * Server-side cursor pagination over /v1/incidents. With `openFirst` and no status filter it
 * pages through open/acknowledged incidents before resolved ones, so what needs a person comes
 * first while each phase stays newest first as the backend returns it.
 */
export function useIncidentPages(
  query: IncidentQuery,
  options: { openFirst?: boolean; pageSize?: number } = {},
): IncidentPages {
  const api = useApi(pipelineTriageApiRef);
  const pageSize = options.pageSize ?? 25;
  const phases: Array<IncidentStatus[] | undefined> =
    query.status?.length || !options.openFirst
      ? [query.status]
      : [['open', 'acknowledged'], ['resolved']];

  const key = JSON.stringify({ query, phases, pageSize });
  const [items, setItems] = useState<IncidentSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const [next, setNext] = useState<Position>();
  // Ignores answers to requests that a newer filter or reload has superseded.
  const generation = useRef(0);

  const fetchFrom = useCallback(
    async (start: Position, append: boolean) => {
      const current = ++generation.current;
      const { query: q, phases: ph } = JSON.parse(key) as {
        query: IncidentQuery;
        phases: Array<IncidentStatus[] | undefined>;
      };
      setLoading(true);
      setError(undefined);
      try {
        const collected: IncidentSummary[] = [];
        let position: Position | undefined = start;
        // One request per click, except that a phase which runs out early hands over to the
        // next phase so the page is not left short.
        let more = true;
        while (position && more) {
          const page = await api.listIncidents({
            ...q,
            status: ph[position.phase] ?? undefined,
            limit: pageSize - collected.length,
            cursor: position.cursor,
          });
          collected.push(...page.items);
          if (page.nextCursor) {
            position = { phase: position.phase, cursor: page.nextCursor };
            more = false;
          } else {
            position =
              position.phase + 1 < ph.length
                ? { phase: position.phase + 1 }
                : undefined;
            more = collected.length < pageSize;
          }
        }
        if (current !== generation.current) return;
        setItems(previous =>
          append ? [...previous, ...collected] : collected,
        );
        setNext(position);
      } catch (e) {
        if (current !== generation.current) return;
        setError(e as Error);
      } finally {
        if (current === generation.current) setLoading(false);
      }
    },
    [api, key, pageSize],
  );

  useEffect(() => {
    setItems([]);
    fetchFrom({ phase: 0 }, false);
  }, [fetchFrom]);

  return {
    items,
    loading,
    error,
    hasMore: next !== undefined,
    loadMore: () => {
      if (next) fetchFrom(next, true);
    },
    reload: () => fetchFrom({ phase: 0 }, false),
  };
}
