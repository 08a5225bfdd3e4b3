import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Link as RouterLink } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ContractFinding } from '../../api';
import { RelativeTime } from '../shared';
import { clauseLabel, kindLabel } from './clauseLabels';
import { useClauseLink } from './useContractLink';

const ROWS_SHOWN = 8;

const mono = { fontFamily: 'monospace', wordBreak: 'break-word' } as const;

/** The contract entity and the exact clause, each a link. */
function ClauseCell(props: { finding: ContractFinding }) {
  const { finding } = props;
  const clauseLink = useClauseLink();
  if (!finding.contractRef) return null;
  return (
    <Box>
      <EntityRefLink entityRef={finding.contractRef} />
      {finding.path && (
        <Typography variant="caption" component="div" style={mono}>
          <RouterLink
            to={clauseLink(finding.contractRef, finding.line)}
            data-testid="violation-clause"
          >
            {finding.path}
            {finding.line ? ` · line ${finding.line}` : ''}
          </RouterLink>
        </Typography>
      )}
    </Box>
  );
}

/**
 * Contract violations or observed drift grouped by clause: what was seen against what the
 * contract (or the last schema seen) says, how often, when last, and the incident behind it.
 */
export function FindingsTable(props: {
  items: ContractFinding[];
  /** Observed drift has no contract: its baseline is the previous schema. */
  drift?: boolean;
  /** On a table's own page every row is about that table: the column says nothing. */
  hideTable?: boolean;
  onOpenIncident(id: string): void;
}) {
  const { drift, hideTable } = props;
  // Many clauses can break at once (a schema that lost half its columns); the newest come first.
  const [showAll, setShowAll] = useState(false);
  const items = showAll ? props.items : props.items.slice(0, ROWS_SHOWN);
  return (
    <>
      <Table
        size="small"
        aria-label={drift ? 'Observed schema drift' : 'Contract violations'}
      >
        <TableHead>
          <TableRow>
            <TableCell>{drift ? 'Change' : 'Clause'}</TableCell>
            {!drift && <TableCell>Contract clause</TableCell>}
            {!hideTable && <TableCell>Table</TableCell>}
            <TableCell>Observed</TableCell>
            <TableCell>{drift ? 'Previously seen' : 'Expected'}</TableCell>
            <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
              Count
            </TableCell>
            <TableCell>Last seen</TableCell>
            <TableCell>Incident</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(f => (
            <TableRow
              key={[
                f.kind,
                f.clause,
                f.contractRef,
                f.dataset,
                f.path,
                f.column,
              ].join('|')}
              data-testid={drift ? 'drift-row' : 'violation-row'}
            >
              <TableCell style={{ minWidth: 170 }}>
                <Box
                  display="flex"
                  alignItems="center"
                  flexWrap="wrap"
                  style={{ gap: 6 }}
                >
                  <Chip
                    size="small"
                    variant="outlined"
                    label={kindLabel(f.kind)}
                  />
                  <Typography variant="body2" component="span">
                    {clauseLabel(f.clause)}
                  </Typography>
                </Box>
                {f.column && (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    style={mono}
                  >
                    column {f.column}
                  </Typography>
                )}
              </TableCell>
              {!drift && (
                <TableCell style={{ minWidth: 180 }}>
                  <ClauseCell finding={f} />
                </TableCell>
              )}
              {!hideTable && (
                <TableCell style={{ minWidth: 140 }}>
                  {f.tableRef ? (
                    <EntityRefLink entityRef={f.tableRef} />
                  ) : (
                    <span style={mono}>{f.dataset}</span>
                  )}
                </TableCell>
              )}
              <TableCell style={{ minWidth: 160 }}>
                <Typography variant="body2" style={mono}>
                  {f.observed ?? '—'}
                </Typography>
              </TableCell>
              <TableCell style={{ minWidth: 200 }}>
                <Typography variant="body2" style={mono}>
                  {f.expected ?? '—'}
                </Typography>
              </TableCell>
              <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
                {f.count}×
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                <RelativeTime value={f.lastSeen} />
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {f.lastIncidentId ? (
                  <Link
                    component="button"
                    variant="body2"
                    style={mono}
                    title={f.lastIncidentId}
                    aria-label={`Open incident ${f.lastIncidentId}`}
                    onClick={() => props.onOpenIncident(f.lastIncidentId!)}
                  >
                    {f.lastIncidentId.slice(0, 8)}
                  </Link>
                ) : (
                  <TestRunCell runId={f.lastTestRunId} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {props.items.length > ROWS_SHOWN && (
        <Box p={1} textAlign="center">
          <Button size="small" onClick={() => setShowAll(v => !v)}>
            {showAll ? 'Show fewer' : `Show all ${props.items.length}`}
          </Button>
        </Box>
      )}
    </>
  );
}

/** A finding a contract test run reported (datacontract test) has a run, not an incident. */
function TestRunCell(props: { runId?: string }) {
  if (!props.runId) return <>—</>;
  return (
    <Typography
      variant="body2"
      component="span"
      title={`datacontract test run ${props.runId}`}
      data-testid="violation-test-run"
    >
      contract test
    </Typography>
  );
}
