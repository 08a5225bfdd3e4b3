import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { IncidentSummary } from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  CategoryChip,
  IncidentStatusLabel,
  RelativeTime,
  RetryVerdictLabel,
} from '../shared';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Long error titles are clamped; the full text is in the tooltip and the drawer. */
const CLAMP_3_LINES = {
  display: '-webkit-box',
  WebkitLineClamp: 3,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
} as const;

const columns: TableColumn<IncidentSummary>[] = [
  {
    title: 'Last seen',
    field: 'lastSeen',
    cellStyle: nowrap,
    render: row => <RelativeTime value={row.lastSeen} />,
  },
  {
    title: 'Incident',
    field: 'title',
    cellStyle: { minWidth: 280 },
    render: row => (
      <Box>
        <Typography variant="body2" style={CLAMP_3_LINES} title={row.title}>
          {row.title}
        </Typography>
        <Typography
          variant="caption"
          color="textSecondary"
          style={{ fontFamily: 'monospace' }}
        >
          {row.id} · {row.environment}
        </Typography>
      </Box>
    ),
  },
  {
    title: 'Category',
    field: 'category',
    cellStyle: nowrap,
    render: row => (
      <CategoryChip
        category={row.category}
        overridden={row.categoryOverridden}
      />
    ),
  },
  {
    title: 'Confidence',
    field: 'confidence',
    type: 'numeric',
    cellStyle: nowrap,
    render: row => `${Math.round(row.confidence * 100)}%`,
  },
  {
    title: 'Safe to retry',
    field: 'safeToRetry',
    cellStyle: nowrap,
    render: row => <RetryVerdictLabel safe={row.safeToRetry} />,
  },
  {
    title: 'Routed to',
    field: 'routedTo',
    cellStyle: { minWidth: 130 },
    render: row =>
      row.routedTo ? <EntityRefLink entityRef={row.routedTo} /> : 'nobody',
  },
  {
    title: 'Count',
    field: 'occurrences',
    type: 'numeric',
    cellStyle: nowrap,
    render: row => `${row.occurrences}×`,
  },
  {
    title: 'Status',
    field: 'status',
    cellStyle: nowrap,
    render: row => <IncidentStatusLabel status={row.status} />,
  },
];

/** Incidents as rows; the server orders and pages them, so the table itself neither sorts nor pages. */
export function IncidentTable(props: {
  title?: string;
  items: IncidentSummary[];
  loading: boolean;
  emptyContent: React.ReactNode;
  onSelect(id: string): void;
  /** On a team's "routed to this team" list every row names the team: the column says nothing. */
  hideRoutedTo?: boolean;
}) {
  return (
    <Table<IncidentSummary>
      title={props.title}
      columns={
        props.hideRoutedTo
          ? columns.filter(c => c.field !== 'routedTo')
          : columns
      }
      // material-table writes bookkeeping into row objects; hand it copies.
      data={props.items.map(item => ({ ...item }))}
      isLoading={props.loading && props.items.length === 0}
      emptyContent={props.emptyContent}
      onRowClick={(event, row) => {
        // A click on a link inside the row (the routed-to team) navigates instead of opening the drawer.
        if ((event?.target as HTMLElement | undefined)?.closest?.('a')) return;
        if (row) props.onSelect(row.id);
      }}
      options={{
        paging: false,
        search: false,
        sorting: false,
        padding: 'dense',
        toolbar: Boolean(props.title),
      }}
    />
  );
}
