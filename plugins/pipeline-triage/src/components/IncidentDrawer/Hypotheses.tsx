import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  Category,
  Classification,
  Hypothesis,
  MissingEvidence,
  isWordModelLead,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { CategoryChip } from '../shared';

// Short columns beside a long reason: a narrow drawer must not break "Score" into "Sc ore".
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

function verdictOf(h: Hypothesis, category: Category): string {
  if (h.category !== category) return 'dismissed';
  return isWordModelLead(h) ? 'lead' : 'chosen';
}

/** What else the engine weighed: each hypothesis's score, why it won or lost, and what speaks against it. */
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
          <TableRow key={h.category} aria-label={`Hypothesis ${h.category}`}>
            <TableCell>
              <CategoryChip category={h.category} />
            </TableCell>
            <TableCell align="right" style={NO_WRAP}>
              {h.score.toFixed(2)}
            </TableCell>
            <TableCell style={NO_WRAP}>{verdictOf(h, category)}</TableCell>
            <TableCell>
              {h.reason}
              {h.against && h.against.length > 0 && (
                <Box
                  component="ul"
                  pl={2}
                  my={0.5}
                  aria-label={`Evidence against ${h.category}`}
                >
                  {h.against.map((a, index) => (
                    <li key={index}>
                      <Typography variant="body2" color="textSecondary">
                        {a}
                      </Typography>
                    </li>
                  ))}
                </Box>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** For an abstention: what the event lacked and which attachment or signal would settle it. */
export function MissingEvidenceView(props: { missing: MissingEvidence }) {
  const { missing, requests } = props.missing;
  return (
    <>
      <Typography variant="body2">Missing:</Typography>
      <Box component="ul" pl={3} my={0.5}>
        {missing.map((m, index) => (
          <li key={index}>
            <Typography variant="body2">{m}</Typography>
          </li>
        ))}
      </Box>
      {requests.length > 0 && (
        <>
          <Typography variant="body2">What would settle it:</Typography>
          <Box component="ul" pl={3} my={0.5} aria-label="What would settle it">
            {requests.map((r, index) => (
              <li key={index}>
                <Typography variant="body2">
                  {r.ask} <span style={{ opacity: 0.7 }}>({r.why})</span>
                </Typography>
              </li>
            ))}
          </Box>
        </>
      )}
    </>
  );
}
