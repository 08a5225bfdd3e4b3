import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import type { IncidentQuery } from '../../api';
import { IncidentDrawer } from '../IncidentDrawer';
import {
  TriageErrorPanel,
  useIncidentSignal,
  type IncidentSignalFilter,
} from '../shared';
import { IncidentFilters } from './IncidentFilters';
import { IncidentTable } from './IncidentTable';
import {
  EMPTY_FILTERS,
  filtersToQuery,
  hasFilters,
  type IncidentFilterValues,
} from './incidentFilters';
import { useIncidentPages } from './useIncidentPages';

/**
 * One filterable, paged list of incidents for a fixed scope (an entity, an owner or a team's
 * routing), with the detail drawer. Refreshes when the backend signals a change in scope.
 */
export function IncidentHistory(props: {
  title: string;
  scope: IncidentQuery;
  signalFilter?: IncidentSignalFilter;
  openFirst?: boolean;
  pageSize?: number;
}) {
  const [filters, setFilters] = useState<IncidentFilterValues>(EMPTY_FILTERS);
  const [selected, setSelected] = useState<string>();
  const query = useMemo(
    () => ({ ...props.scope, ...filtersToQuery(filters) }),
    [props.scope, filters],
  );
  const pages = useIncidentPages(query, {
    openFirst: props.openFirst,
    pageSize: props.pageSize,
  });

  useIncidentSignal(props.signalFilter, pages.reload);

  const filtered = hasFilters(filters);
  return (
    <InfoCard title={props.title} noPadding>
      <Box p={2}>
        <IncidentFilters value={filters} onChange={setFilters} />
      </Box>
      {pages.error ? (
        <Box p={2}>
          <TriageErrorPanel
            error={pages.error}
            title="Could not load incidents"
          />
        </Box>
      ) : (
        <IncidentTable
          items={pages.items}
          loading={pages.loading}
          onSelect={setSelected}
          hideRoutedTo={Boolean(props.scope.routedTo)}
          emptyContent={
            <Box p={3} textAlign="center">
              <Typography variant="body1">
                {filtered
                  ? 'No incidents match these filters.'
                  : 'No failures recorded.'}
              </Typography>
              {filtered && (
                <Button size="small" onClick={() => setFilters(EMPTY_FILTERS)}>
                  Clear filters
                </Button>
              )}
            </Box>
          }
        />
      )}
      {pages.hasMore && !pages.error && (
        <Box p={2} textAlign="center">
          <Button
            variant="outlined"
            disabled={pages.loading}
            onClick={pages.loadMore}
          >
            {pages.loading ? 'Loading…' : 'Load more'}
          </Button>
        </Box>
      )}
      <IncidentDrawer
        incidentId={selected}
        onClose={() => setSelected(undefined)}
        onChanged={pages.reload}
      />
    </InfoCard>
  );
}
