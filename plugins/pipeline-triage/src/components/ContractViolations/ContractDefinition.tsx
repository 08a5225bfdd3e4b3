import { useEffect, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { InfoCard, Progress } from '@backstage/core-components';
import { useLocation } from 'react-router-dom';
import type { ContractState } from '../../api';
import { RelativeTime, TriageErrorPanel, formatDuration } from '../shared';
import { lineAnchor } from './clauseLabels';

const mono = { fontFamily: 'monospace' } as const;

/** The definition text with numbered lines, each an anchor a violation's clause link points at. */
function NumberedDefinition(props: {
  text: string;
  highlight: Set<number>;
  target?: number;
}) {
  const lines = useMemo(() => props.text.split('\n'), [props.text]);
  useEffect(() => {
    if (props.target)
      document
        .getElementById(lineAnchor(props.target))
        ?.scrollIntoView({ block: 'center' });
  }, [props.target]);
  return (
    <Box
      component="pre"
      data-testid="contract-definition"
      style={{
        ...mono,
        fontSize: 12,
        maxHeight: 480,
        overflow: 'auto',
        margin: 0,
        padding: 8,
        background: 'rgba(127,127,127,0.08)',
      }}
    >
      {lines.map((line, i) => {
        const n = i + 1;
        let background: string | undefined;
        if (props.highlight.has(n)) background = 'rgba(244,67,54,0.15)';
        if (n === props.target) background = 'rgba(255,193,7,0.45)';
        return (
          <div key={n} id={lineAnchor(n)} style={{ background }}>
            <span
              style={{
                display: 'inline-block',
                width: 40,
                textAlign: 'right',
                paddingRight: 12,
                opacity: 0.55,
                userSelect: 'none',
              }}
            >
              {n}
            </span>
            {line || ' '}
          </div>
        );
      })}
    </Box>
  );
}

function ValidSummary(props: { state: ContractState }) {
  const { state } = props;
  const sla = Object.entries(state.sla ?? {});
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 24 }}
      data-testid="contract-state"
    >
      <Typography variant="body2">
        <strong>{state.name ?? state.entityRef}</strong>{' '}
        {state.version && `v${state.version}`} ·{' '}
        {state.format?.toLocaleUpperCase('en-US')}{' '}
        {state.status && `· ${state.status}`}
      </Typography>
      {state.owners && (
        <Typography variant="body2">
          Owners: {state.owners.team ?? '—'}
          {state.owners.usernames?.length
            ? ` (${state.owners.usernames.join(', ')})`
            : ''}
        </Typography>
      )}
      {sla.length > 0 && (
        <Typography variant="body2">
          SLA:{' '}
          {sla
            .map(([name, s]) => `${name} ${formatDuration(s.seconds)}`)
            .join(', ')}
        </Typography>
      )}
      {(state.tables ?? []).map(t => (
        <Typography variant="body2" key={t.name}>
          Table {t.name}: {t.columns} columns, {t.required.length} required
        </Typography>
      ))}
    </Box>
  );
}

/**
 * A contract's own page: whether its definition parses, every problem with its path when it
 * does not, and the text itself so a violation's clause link lands on its line.
 */
export function ContractDefinition(props: {
  state?: ContractState;
  loading: boolean;
  error?: Error;
  definition?: string;
  /** Lines that violations point at; marked in the text. */
  violatedLines: number[];
}) {
  const { state, loading, error, definition } = props;
  const { hash } = useLocation();
  const target = /^#contract-L(\d+)$/.exec(hash)?.[1];
  const [open, setOpen] = useState(Boolean(target));
  useEffect(() => {
    if (target) setOpen(true);
  }, [target]);
  const highlight = useMemo(
    () => new Set(props.violatedLines),
    [props.violatedLines],
  );

  return (
    <InfoCard title="Contract definition">
      {loading && !state && <Progress />}
      {error && (
        <TriageErrorPanel
          error={error}
          title="Could not load the contract's state"
        />
      )}
      {state && !state.valid && (
        <Alert severity="error" data-testid="contract-problems">
          <AlertTitle>
            This contract is invalid: triage cannot check tables against it
            until it is fixed
          </AlertTitle>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {(state.problems ?? []).map((p, i) => (
              <li key={i}>
                <span style={mono}>{p.path || '(document)'}</span>
                {p.line ? ` (line ${p.line})` : ''}: {p.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {state?.valid && <ValidSummary state={state} />}
      {state?.valid && (state.warnings ?? []).length > 0 && (
        <Box mt={1}>
          <Alert severity="warning">
            {(state.warnings ?? []).map((w, i) => (
              <div key={i}>
                <span style={mono}>{w.path}</span>
                {w.line ? ` (line ${w.line})` : ''}: {w.message}
              </div>
            ))}
          </Alert>
        </Box>
      )}
      {state?.checkedAt && (
        <Typography variant="caption" color="textSecondary" component="div">
          Checked <RelativeTime value={state.checkedAt} />
        </Typography>
      )}
      {definition && (
        <Box mt={1}>
          <Button
            size="small"
            onClick={() => setOpen(o => !o)}
            aria-expanded={open}
          >
            {open
              ? 'Hide definition'
              : `Show definition (${definition.split('\n').length} lines)`}
          </Button>
          {open && (
            <NumberedDefinition
              text={definition}
              highlight={highlight}
              target={target ? Number(target) : undefined}
            />
          )}
        </Box>
      )}
    </InfoCard>
  );
}
