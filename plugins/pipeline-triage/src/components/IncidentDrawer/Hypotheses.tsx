import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { Classification } from '@internal/plugin-pipeline-triage-common';
import { CategoryChip } from '../shared';

// Short columns beside a long reason: a narrow drawer must not break "Score" into "Sc ore".
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** What else the engine considered, so a person can see why the runner-up lost. */
export function Hypotheses(props: { classification: Classification }) {
  const { hypotheses, category } = props.classification;
  if (!hypotheses.length) return <em>No alternatives were scored.</em>;
  const sorted = [...hypotheses].sort((a, b) => b.score - a.score);
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Category</TableCell>
          <TableCell align="right" style={NO_WRAP}>
            Score
          </TableCell>
          <TableCell style={NO_WRAP}>Verdict</TableCell>
          <TableCell>Reason</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sorted.map(h => (
          <TableRow key={h.category}>
            <TableCell>
              <CategoryChip category={h.category} />
            </TableCell>
            <TableCell align="right" style={NO_WRAP}>
              {h.score.toFixed(2)}
            </TableCell>
            <TableCell style={NO_WRAP}>{h.category === category ? 'chosen' : 'dismissed'}</TableCell>
            <TableCell>{h.reason}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
