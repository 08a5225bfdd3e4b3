import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import CloseIcon from '@material-ui/icons/Close';
import Alert from '@material-ui/lab/Alert';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import type { IncidentDetail } from '@pipeline-triage/plugin-pipeline-triage-common';
import { pipelineTriageApiRef, type IncidentUpdate } from '../../api';
import { TriageErrorPanel, errorMessage, useIncidentSignal } from '../shared';
import { IncidentHeader } from './IncidentHeader';
import { IncidentDetailView } from './IncidentDetailView';
import { IncidentActions } from './IncidentActions';
import { ReportActions } from './ReportActions';
import { InvestigationSection } from './InvestigationSection';
import { Section } from './Section';

/** Loads one incident and offers its actions; onChanged lets the list behind it refresh. */
function IncidentDrawerContent(props: {
  incidentId: string;
  onClose(): void;
  onChanged?(): void;
}) {
  const { incidentId, onClose, onChanged } = props;
  const api = useApi(pipelineTriageApiRef);
  const [version, setVersion] = useState(0);
  const [updated, setUpdated] = useState<IncidentDetail>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const { value, loading, error } = useAsync(
    () => api.getIncident(incidentId),
    [api, incidentId, version],
  );

  // Another user or the engine changed it: show the fresh state.
  useIncidentSignal({ incidentId }, () => setVersion(v => v + 1));

  // While the refetch runs, the PATCH response is the freshest state we have.
  const incident = (loading && updated) || value;

  const act = async (update: IncidentUpdate): Promise<boolean> => {
    setBusy(true);
    setActionError(undefined);
    try {
      setUpdated(await api.updateIncident(incidentId, update));
      setVersion(v => v + 1);
      onChanged?.();
      return true;
    } catch (e) {
      setActionError(errorMessage(e as Error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box
      p={3}
      width={760}
      maxWidth="100vw"
      role="dialog"
      aria-label={`Incident ${incidentId}`}
    >
      <Box display="flex" justifyContent="flex-end">
        <IconButton aria-label="Close incident" onClick={onClose} size="small">
          <CloseIcon />
        </IconButton>
      </Box>
      {!incident && loading && <Progress />}
      {!incident && error && (
        <TriageErrorPanel
          error={error}
          title={`Could not load incident ${incidentId}`}
        />
      )}
      {incident && (
        <>
          <IncidentHeader incident={incident} />
          <Box
            display="flex"
            flexWrap="wrap"
            justifyContent="space-between"
            style={{ gap: 8 }}
            mb={2}
          >
            <IncidentActions
              incidentId={incident.id}
              status={incident.status}
              category={incident.category}
              openDownstream={
                incident.downstreamIncidents?.filter(
                  d => d.status !== 'resolved',
                ).length
              }
              busy={busy}
              onAction={act}
            />
            <ReportActions incidentId={incident.id} />
          </Box>
          {actionError && (
            <Box mb={2}>
              <Alert severity="error">{actionError}</Alert>
            </Box>
          )}
          <Divider style={{ marginBottom: 16 }} />
          <Section title="Investigation">
            <InvestigationSection
              incidentId={incident.id}
              onAccepted={detail => {
                setUpdated(detail);
                setVersion(v => v + 1);
                onChanged?.();
              }}
              onReclassified={() => {
                setVersion(v => v + 1);
                onChanged?.();
              }}
            />
          </Section>
          <IncidentDetailView incident={incident} />
        </>
      )}
    </Box>
  );
}

export function IncidentDrawer(props: {
  incidentId?: string;
  onClose(): void;
  onChanged?(): void;
}) {
  return (
    <Drawer
      anchor="right"
      open={Boolean(props.incidentId)}
      onClose={props.onClose}
    >
      {props.incidentId && (
        <IncidentDrawerContent
          key={props.incidentId}
          incidentId={props.incidentId}
          onClose={props.onClose}
          onChanged={props.onChanged}
        />
      )}
    </Drawer>
  );
}
