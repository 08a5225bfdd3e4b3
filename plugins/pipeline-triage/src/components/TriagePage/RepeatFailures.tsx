import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { pipelineTriageApiRef } from '../../api';
import { IncidentDrawer } from '../IncidentDrawer';
import { IncidentTable } from '../IncidentTable';
import { TriageErrorPanel, useIncidentSignal } from '../shared';
import { topRepeatFailures } from './topRepeatFailures';

/** How many recent incidents to rank; the API's maximum page. */
const SAMPLE_SIZE = 200;

/** Recurring failures are where a fix pays off most. */
export function RepeatFailures() {
  const api = useApi(pipelineTriageApiRef);
  const [selected, setSelected] = useState<string>();
  const incidents = useAsyncRetry(
    async () => (await api.listIncidents({ limit: SAMPLE_SIZE })).items,
    [api],
  );
  useIncidentSignal(undefined, incidents.retry);
  const top = topRepeatFailures(incidents.value ?? []);

  return (
    <InfoCard
      title="Most frequent repeat failures"
      subheader={`Among the ${SAMPLE_SIZE} most recent incidents`}
      noPadding
    >
      {incidents.error ? (
        <Box p={2}>
          <TriageErrorPanel
            error={incidents.error}
            title="Could not load incidents"
          />
        </Box>
      ) : (
        <IncidentTable
          items={top}
          loading={incidents.loading}
          onSelect={setSelected}
          emptyContent={
            <Box p={3} textAlign="center">
              <Typography variant="body1">No failure has repeated.</Typography>
            </Box>
          }
        />
      )}
      <IncidentDrawer
        incidentId={selected}
        onClose={() => setSelected(undefined)}
        onChanged={incidents.retry}
      />
    </InfoCard>
  );
}
