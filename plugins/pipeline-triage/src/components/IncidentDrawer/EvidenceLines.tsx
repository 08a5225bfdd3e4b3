import { makeStyles } from '@material-ui/core/styles';
import type { EvidenceLine } from '@pipeline-triage/plugin-pipeline-triage-common';

const useStyles = makeStyles(theme => ({
  block: {
    fontFamily: 'monospace',
    fontSize: 12,
    background: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: 4,
    padding: theme.spacing(1),
    overflowX: 'auto',
    margin: 0,
  },
  line: { display: 'flex', whiteSpace: 'pre' },
  number: {
    color: theme.palette.text.secondary,
    minWidth: '4em',
    textAlign: 'right',
    paddingRight: theme.spacing(1),
    userSelect: 'none',
  },
  decisive: {
    background:
      theme.palette.type === 'dark'
        ? 'rgba(255,82,82,0.15)'
        : 'rgba(229,57,53,0.08)',
  },
  error: { color: theme.palette.error.main },
  cause: { color: theme.palette.warning.main },
}));

/** The log lines the verdict rests on, numbered as in the text the engine read. */
export function EvidenceLines(props: {
  lines: EvidenceLine[];
  decisive?: string[];
}) {
  const classes = useStyles();
  const decisive = new Set(props.decisive ?? []);
  const kindClass: Record<string, string | undefined> = {
    error: classes.error,
    cause: classes.cause,
  };
  if (!props.lines.length) return <em>No evidence lines were extracted.</em>;
  return (
    <pre className={classes.block} data-testid="evidence-lines">
      {props.lines.map(line => (
        <div
          key={line.id}
          className={`${classes.line} ${
            decisive.has(line.id) ? classes.decisive : ''
          }`}
          title={`${line.kind}${
            decisive.has(line.id) ? ' — decided the category' : ''
          }`}
        >
          <span className={classes.number}>{line.line}</span>
          <span className={kindClass[line.kind]}>{line.text}</span>
        </div>
      ))}
    </pre>
  );
}
