import Grid from '@material-ui/core/Grid';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { pipelineTriageApiRef } from '../../api';
import { IncidentHistory } from '../IncidentTable';
import { TriageErrorPanel, useIncidentSignal } from '../shared';
import { EntityStatusLine } from './EntityStatusLine';
import { UnlinkedEmptyState } from './UnlinkedEmptyState';
import { UnlinkedSuggestions } from './UnlinkedSuggestions';
import { TrendsPanel } from '../Trends';
import { ContractViolationsPanel, isContract } from '../ContractViolations';
import { EntityCascadeCard } from '../Cascade';
import {
  entityScopes,
  hasLinkingAnnotation,
  isGroup,
  trendsScope,
} from './entityScopes';

/** @public */
export interface EntityPipelineTriageContentProps {
  /** Where the empty state sends people to learn about the linking annotations. */
  readMoreUrl?: string;
}

/** The entity tab: current status, then the triage history for each scope of the entity. */
export function EntityPipelineTriageContent(
  props: EntityPipelineTriageContentProps,
) {
  const { entity } = useEntity();
  const api = useApi(pipelineTriageApiRef);
  const ref = stringifyEntityRef(entity);
  const group = isGroup(entity);
  // A contract's page always shows its definition's state, invalid or not.
  const contract = isContract(entity);
  const linked = group || contract || hasLinkingAnnotation(entity);
  // Tables and contracts are what contracts are about: their violations come before the history.
  const violationsFirst =
    contract || entity.kind.toLocaleLowerCase('en-US') === 'resource';

  // An unannotated entity can still be linked through lineage (a table a job writes), so ask
  // once before telling people to add annotations.
  const probe = useAsync(
    async () =>
      linked ||
      (await api.listIncidents({ entityRef: ref, limit: 1 })).items.length > 0,
    [api, ref, linked],
  );
  const status = useAsyncRetry(
    async () => (group ? undefined : api.getStatus(ref)),
    [api, ref, group],
  );
  useIncidentSignal(undefined, status.retry);

  if (probe.loading) return <Progress />;
  if (probe.error)
    return (
      <TriageErrorPanel error={probe.error} title="Could not load incidents" />
    );
  if (!probe.value) {
    return (
      <>
        <UnlinkedSuggestions entityRef={ref} />
        <UnlinkedEmptyState entity={entity} readMoreUrl={props.readMoreUrl} />
      </>
    );
  }

  return (
    <Grid container spacing={3}>
      {!group && (
        <Grid item xs={12}>
          <InfoCard title="Failure status">
            <EntityStatusLine
              status={status.value}
              loading={status.loading}
              error={status.error}
            />
          </InfoCard>
        </Grid>
      )}
      {!group && (
        <Grid item xs={12}>
          <EntityCascadeCard entityRef={ref} />
        </Grid>
      )}
      {violationsFirst && (
        <Grid item xs={12}>
          <ContractViolationsPanel />
        </Grid>
      )}
      {entityScopes(entity).map(scope => (
        <Grid item xs={12} key={scope.title}>
          <IncidentHistory
            title={scope.title}
            scope={scope.query}
            openFirst={scope.openFirst}
          />
        </Grid>
      ))}
      {!violationsFirst && (
        <Grid item xs={12}>
          <ContractViolationsPanel />
        </Grid>
      )}
      <Grid item xs={12}>
        <TrendsPanel
          title={
            group
              ? 'Weekly failures of entities this team owns'
              : 'Weekly failures'
          }
          scope={trendsScope(entity)}
        />
      </Grid>
    </Grid>
  );
}
