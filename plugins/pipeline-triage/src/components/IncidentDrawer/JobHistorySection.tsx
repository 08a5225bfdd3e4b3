import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type {
  IncidentDetail,
  PastResolution,
} from '@pipeline-triage/plugin-pipeline-triage-common';

const CHANGE_LABEL = {
  code: 'Code',
  schema: 'Input schema',
  config: 'Configuration',
  engine: 'Engine',
} as const;

const SCOPE_LABEL: Record<PastResolution['scope'], string> = {
  self: 'this incident',
  job: 'this job',
  other: 'another job',
};

/** Silent and flaky: what the job's history says about this failure, as badges with their reason. */
export function JobHistoryFlags(props: { incident: IncidentDetail }) {
  const i = props.incident;
  if (!i.silent && !i.flaky) return null;
  return (
    <Box>
      <Box display="flex" style={{ gap: 8 }} mb={1}>
        {i.silent && (
          <Chip size="small" color="secondary" label="Silent failure" />
        )}
        {i.flaky && <Chip size="small" label="Flaky job" />}
      </Box>
      {i.silentReason && (
        <Typography variant="body2">{i.silentReason.reason}</Typography>
      )}
      {i.flaky && (
        <Typography variant="body2" color="textSecondary">
          Failures like this one passed on the next run with nothing changed,
          more than once: fix the cause rather than retry.
        </Typography>
      )}
    </Box>
  );
}

/** What changed between the job's last success and this failure. */
export function ChangesSinceSuccess(props: {
  changes: NonNullable<IncidentDetail['changes']>;
}) {
  if (!props.changes.length)
    return (
      <Typography variant="body2" color="textSecondary">
        Nothing the events carry changed since the last success.
      </Typography>
    );
  return (
    <Box component="ul" pl={3} m={0}>
      {props.changes.map((c, index) => (
        <li key={index}>
          <Typography variant="body2">
            <strong>{CHANGE_LABEL[c.kind]}</strong>
            {c.kind === 'schema' ? (
              `: ${c.evidence}`
            ) : (
              <>
                : <code>{c.from ?? '?'}</code> → <code>{c.to ?? '?'}</code> (
                {c.evidence})
              </>
            )}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

/** How the same failure was fixed before, newest first within this incident, job, other jobs. */
export function PastFixes(props: { resolutions: PastResolution[] }) {
  return (
    <Box component="ul" pl={3} m={0}>
      {props.resolutions.map(r => (
        <li key={`${r.incidentId}-${r.resolvedAt}`}>
          <Typography variant="body2">{r.note ?? <em>No note</em>}</Typography>
          <Typography variant="caption" color="textSecondary">
            {new Date(r.resolvedAt).toLocaleString()} by {r.by} ·{' '}
            {SCOPE_LABEL[r.scope]} ({r.entityRef})
          </Typography>
        </li>
      ))}
    </Box>
  );
}
