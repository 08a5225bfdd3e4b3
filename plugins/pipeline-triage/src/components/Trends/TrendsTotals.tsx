import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { TrendsResponse } from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  colorFor,
  formatChange,
  keysByVolume,
  labelFor,
  shortWeek,
} from './trendsData';

/** The numbers behind the bars, readable without hovering and by screen readers. */
export function TrendsTotals(props: { trends: TrendsResponse }) {
  const { weeks, groupBy } = props.trends;
  const keys = keysByVolume(props.trends);
  const latest = weeks[weeks.length - 1];
  if (!latest) return null;
  return (
    <Box>
      <Typography variant="body1" data-testid="trends-headline">
        Latest week ({latest.week}): <strong>{latest.total}</strong> failure
        {latest.total === 1 ? '' : 's'}, {formatChange(latest.change)}
      </Typography>
      {props.trends.scope === 'permitted' && (
        <Typography
          variant="caption"
          color="textSecondary"
          data-testid="trends-scope"
        >
          Counts only the incidents you may read.
        </Typography>
      )}
      <Box style={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Weekly totals">
          <TableBody>
            <TableRow>
              <TableCell component="th" scope="row">
                Week
              </TableCell>
              {weeks.map(w => (
                <TableCell
                  key={w.week}
                  align="right"
                  title={`${w.week}, from ${w.weekStart}`}
                >
                  {shortWeek(w.week)}
                </TableCell>
              ))}
            </TableRow>
            {keys.map((key, i) => (
              <TableRow key={key} data-testid={`trends-row-${key}`}>
                <TableCell
                  component="th"
                  scope="row"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  <span
                    aria-hidden
                    style={{
                      display: 'inline-block',
                      width: 10,
                      height: 10,
                      marginRight: 6,
                      background: colorFor(groupBy, key, i),
                    }}
                  />
                  {labelFor(groupBy, key)}
                </TableCell>
                {weeks.map(w => (
                  <TableCell key={w.week} align="right" data-week={w.week}>
                    {w.counts[key] ? w.counts[key] : '·'}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            <TableRow>
              <TableCell component="th" scope="row">
                Total
              </TableCell>
              {weeks.map(w => (
                <TableCell
                  key={w.week}
                  align="right"
                  data-week={w.week}
                  style={{ fontWeight: 600 }}
                >
                  {w.total}
                </TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableCell component="th" scope="row">
                Change
              </TableCell>
              {weeks.map(w => (
                <TableCell key={w.week} align="right">
                  {w.change === null
                    ? '—'
                    : `${w.change > 0 ? '+' : ''}${Math.round(
                        w.change * 100,
                      )}%`}
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}
