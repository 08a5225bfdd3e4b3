import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import type {
  IncidentDetail,
  Investigation,
  InvestigationStep,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { pipelineTriageApiRef } from '../../api';
import { CategoryChip, errorMessage } from '../shared';
import {
  InvestigationResultView,
  HypothesisRow,
} from './InvestigationResultView';
import { useInvestigationSignal } from './useInvestigationSignal';
import { AttachEvidenceDialog } from './AttachEvidenceDialog';
import { useIncidentPermissions } from './useIncidentPermissions';
import type { EvidenceAttachment } from '../../api';

const STEP_LABEL: Record<InvestigationStep['kind'], string> = {
  context: 'Context gathered',
  hypothesis: 'Hypothesis',
  root_cause: 'Root cause',
  remediation: 'Remediation',
  outcome: 'Outcome',
  error: 'Model unavailable',
};

/** Live steps of a running investigation, exactly as stored (a refresh shows the same). */
function LiveSteps(props: { steps: InvestigationStep[] }) {
  return (
    <Box component="ol" pl={3} m={0} aria-label="Investigation steps">
      {props.steps.map(step => (
        <li key={step.seq}>
          {step.kind === 'hypothesis' ? (
            <HypothesisRow hypothesis={step.data as any} />
          ) : (
            <Typography variant="body2">
              {STEP_LABEL[step.kind]}
              {typeof step.data.summary === 'string'
                ? `: ${step.data.summary}`
                : ''}
              {typeof step.data.message === 'string'
                ? `: ${step.data.message}`
                : ''}
            </Typography>
          )}
        </li>
      ))}
    </Box>
  );
}

function SourceLabel(props: { investigation: Investigation }) {
  const { investigation: inv } = props;
  return inv.source === 'model' ? (
    <Chip
      size="small"
      color="primary"
      label={`Model${inv.model ? ` · ${inv.model}` : ''}`}
    />
  ) : (
    <Chip size="small" variant="outlined" label="Rule-based" />
  );
}

/**
 * The incident's investigation: Investigate, live steps, then hypotheses with likelihood bars,
 * dismissed ones with reasons, root cause, remediation, and any suggestion awaiting acceptance.
 */
export function InvestigationSection(props: {
  incidentId: string;
  onAccepted(incident: IncidentDetail): void;
  /** Evidence was attached and the incident classified again. */
  onReclassified?(): void;
}) {
  const { incidentId, onAccepted, onReclassified } = props;
  const [attachOpen, setAttachOpen] = useState(false);
  // Accepting a suggestion and attaching evidence change the incident: update permission.
  const { canUpdate, canInvestigate } = useIncidentPermissions(incidentId);
  const [attachError, setAttachError] = useState<string>();
  const [attached, setAttached] = useState<string>();
  const api = useApi(pipelineTriageApiRef);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const { value: investigations, error } = useAsync(
    () => api.listInvestigations(incidentId),
    [api, incidentId, version],
  );
  useInvestigationSignal(incidentId, () => setVersion(v => v + 1));

  const latest = investigations?.[0];
  const running = latest?.status === 'running';

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await fn();
      setVersion(v => v + 1);
    } catch (e) {
      setActionError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };

  const attach = async (input: EvidenceAttachment) => {
    setBusy(true);
    setAttachError(undefined);
    try {
      const r = await api.attachEvidence(incidentId, input);
      setAttachOpen(false);
      setAttached(
        r.reclassified.changed
          ? `Attached ${r.attachment.name}; re-classified from ${r.reclassified.previous} to ${r.reclassified.category}.`
          : `Attached ${r.attachment.name}; the category stays ${r.reclassified.category}.`,
      );
      onReclassified?.();
    } catch (e) {
      setAttachError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box>
      <AttachEvidenceDialog
        open={attachOpen}
        busy={busy}
        error={attachError}
        onCancel={() => setAttachOpen(false)}
        onSubmit={attach}
      />
      <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
        {canInvestigate && (
          <Button
            variant="outlined"
            color="primary"
            size="small"
            disabled={busy || running}
            onClick={() => run(() => api.investigate(incidentId))}
          >
            Investigate
          </Button>
        )}
        {canUpdate && (
          <Button
            size="small"
            disabled={busy}
            onClick={() => setAttachOpen(true)}
          >
            Attach evidence
          </Button>
        )}
        {latest && <SourceLabel investigation={latest} />}
        {latest && (
          <Typography variant="caption" color="textSecondary">
            {latest.status}
            {latest.trigger === 'auto' && ' · started automatically'}
            {latest.trigger === 'user' &&
              latest.requestedBy &&
              ` · by ${latest.requestedBy}`}
          </Typography>
        )}
      </Box>
      {actionError && <Alert severity="error">{actionError}</Alert>}
      {attached && <Alert severity="success">{attached}</Alert>}
      {error && <Alert severity="error">{errorMessage(error)}</Alert>}
      {investigations && !latest && (
        <Typography variant="body2" color="textSecondary">
          Not investigated yet.
        </Typography>
      )}
      {latest?.modelUnavailable && (
        <Box my={1}>
          <Alert severity="warning">{latest.modelUnavailable}</Alert>
        </Box>
      )}
      {latest?.suggestion && (
        <Box my={1}>
          <Alert
            severity={
              latest.suggestion.status === 'pending' ? 'info' : 'success'
            }
            action={
              latest.suggestion.status === 'pending' && canUpdate ? (
                <Button
                  color="inherit"
                  size="small"
                  disabled={busy}
                  onClick={() =>
                    run(async () => {
                      onAccepted(
                        await api.acceptSuggestion(incidentId, latest.id),
                      );
                    })
                  }
                >
                  Accept
                </Button>
              ) : undefined
            }
          >
            <Box display="flex" alignItems="center" style={{ gap: 8 }}>
              {latest.suggestion.status === 'pending'
                ? 'Suggested category'
                : 'Model-derived category'}
              <CategoryChip category={latest.suggestion.category} />
              {latest.suggestion.status === 'pending'
                ? '— awaiting acceptance; accepting re-routes through the routing policy.'
                : `— ${latest.suggestion.status}${
                    latest.suggestion.acceptedBy
                      ? ` by ${latest.suggestion.acceptedBy}`
                      : ''
                  }.`}
            </Box>
          </Alert>
        </Box>
      )}
      {running && (
        <>
          <LinearProgress aria-label="Investigation running" />
          <LiveSteps steps={latest.steps} />
        </>
      )}
      {latest?.result && !running && (
        <InvestigationResultView result={latest.result} />
      )}
    </Box>
  );
}
