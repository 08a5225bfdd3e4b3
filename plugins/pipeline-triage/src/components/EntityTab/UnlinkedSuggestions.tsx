import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { pipelineTriageApiRef } from '../../api';

/**
 * Names failures were reported under that probably belong to this unlinked entity, each with the
 * annotation that links it. Renders nothing when there are none or the caller may not list them
 * (`GET /v1/unlinked` is for full readers): the generic empty state still explains what to add.
 */
export function UnlinkedSuggestions(props: { entityRef: string }) {
  const api = useApi(pipelineTriageApiRef);
  const names = useAsync(
    () => api.listUnlinked({ entityRef: props.entityRef, limit: 5 }),
    [api, props.entityRef],
  );
  const items = names.value?.items ?? [];
  if (names.error || items.length === 0) return null;
  return (
    <InfoCard title="Failures that may belong to this entity">
      {items.map(item => (
        <Box key={`${item.kind}:${item.name}`} mb={2}>
          <Typography variant="body2">
            {item.kind === 'job' ? 'Job' : 'Dataset'} <code>{item.name}</code>{' '}
            failed {item.count} {item.count === 1 ? 'time' : 'times'} with no
            catalog entity. To link it here, add:
          </Typography>
          {item.snippet && (
            <CodeSnippet
              language="yaml"
              text={item.snippet}
              showCopyCodeButton
            />
          )}
        </Box>
      ))}
    </InfoCard>
  );
}
