import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { pipelineTriageApiRef } from '../../api';
import { CausedByLine, DownstreamList } from './CascadeLinks';

/**
 * Open incidents read for the chain, each not itself a cascade with one detail call for its
 * downstream list: a pipeline with history has several open at once, the cause not the newest.
 */
const OPEN_LIMIT = 25;

/**
 * The cascade chain of an entity's open incidents: the upstream incident each one follows from,
 * and the downstream incidents each one caused. Nothing when the entity is in no cascade.
 */
export function EntityCascadeCard(props: { entityRef: string }) {
  const api = useApi(pipelineTriageApiRef);
  const chain = useAsync(async () => {
    const open = (
      await api.listIncidents({
        entityRef: props.entityRef,
        status: ['open', 'acknowledged'],
        limit: OPEN_LIMIT,
      })
    ).items;
    const details = await Promise.all(
      open.filter(i => !i.causedBy).map(i => api.getIncident(i.id)),
    );
    return {
      caused: open.filter(i => i.causedBy),
      causes: details.filter(d => d.downstreamIncidents?.length),
    };
  }, [api, props.entityRef]);

  const value = chain.value;
  if (!value || (value.caused.length === 0 && value.causes.length === 0))
    return null;
  return (
    <InfoCard title="Cascade">
      {value.causes.map(cause => (
        <Box key={cause.id} mb={2} aria-label={`Cascade of ${cause.id}`}>
          <Typography variant="body2">
            {cause.jobEntityRef ? (
              <EntityRefLink entityRef={cause.jobEntityRef} />
            ) : (
              cause.jobName
            )}{' '}
            failed (incident {cause.id}: {cause.title}) and caused{' '}
            {cause.downstreamIncidents!.length} downstream{' '}
            {cause.downstreamIncidents!.length === 1 ? 'incident' : 'incidents'}
            , counted once, under this cause:
          </Typography>
          <DownstreamList incidents={cause.downstreamIncidents!} />
        </Box>
      ))}
      {value.caused.map(i => (
        <Box key={i.id} mb={2} aria-label={`Cause of ${i.id}`}>
          <Typography variant="body2">
            Incident {i.id} ({i.title}) is a cascade: its owner got a notice
            instead of a page.
          </Typography>
          <CausedByLine causedBy={i.causedBy!} />
        </Box>
      ))}
    </InfoCard>
  );
}
