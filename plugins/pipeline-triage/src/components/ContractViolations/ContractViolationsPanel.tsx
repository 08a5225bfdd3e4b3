import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { CONTRACT_API_TYPE } from '@pipeline-triage/plugin-pipeline-triage-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { pipelineTriageApiRef } from '../../api';
import { IncidentDrawer } from '../IncidentDrawer';
import { TriageErrorPanel, useIncidentSignal } from '../shared';
import { ContractDefinition } from './ContractDefinition';
import { FindingsTable } from './FindingsTable';

export function isContract(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'api' &&
    entity.spec?.type === CONTRACT_API_TYPE
  );
}

/**
 * Contract violations of the entity (a table, a contract, a pipeline or a team) grouped by
 * clause, then the schema drift observed on tables without a contract, kept apart because it
 * is a change against the last schema seen, not a broken promise. A contract also shows the
 * state of its definition.
 */
export function ContractViolationsPanel() {
  const { entity } = useEntity();
  const api = useApi(pipelineTriageApiRef);
  const ref = stringifyEntityRef(entity);
  const contract = isContract(entity);
  const table = entity.kind.toLocaleLowerCase('en-US') === 'resource';
  const [selected, setSelected] = useState<string>();

  const violations = useAsyncRetry(
    () => api.listContractViolations({ entityRef: ref }),
    [api, ref],
  );
  const drift = useAsyncRetry(
    async () =>
      contract ? { items: [] } : api.listSchemaDrift({ entityRef: ref }),
    [api, ref, contract],
  );
  const state = useAsyncRetry(
    async () => (contract ? api.getContract(ref) : undefined),
    [api, ref, contract],
  );
  useIncidentSignal(undefined, () => {
    violations.retry();
    drift.retry();
  });

  const definition =
    typeof entity.spec?.definition === 'string'
      ? entity.spec.definition
      : undefined;
  const violatedLines = (violations.value?.items ?? [])
    .map(v => v.line)
    .filter((l): l is number => Boolean(l));
  const driftItems = drift.value?.items ?? [];

  return (
    <>
      <Grid container spacing={3}>
        {contract && (
          <Grid item xs={12}>
            <ContractDefinition
              state={state.value}
              loading={state.loading}
              error={state.error}
              definition={definition}
              violatedLines={violatedLines}
            />
          </Grid>
        )}
        <Grid item xs={12}>
          <InfoCard
            title="Contract violations"
            subheader="Clauses of data contracts that failed runs broke, grouped by clause"
            noPadding
          >
            {violations.loading && !violations.value && <Progress />}
            {violations.error && (
              <Box p={2}>
                <TriageErrorPanel
                  error={violations.error}
                  title="Could not load contract violations"
                />
              </Box>
            )}
            {violations.value &&
              (violations.value.items.length ? (
                <FindingsTable
                  items={violations.value.items}
                  hideTable={table}
                  onOpenIncident={setSelected}
                />
              ) : (
                <Box p={2}>
                  <Typography variant="body2" color="textSecondary">
                    No contract violations recorded.
                  </Typography>
                </Box>
              ))}
          </InfoCard>
        </Grid>
        {(driftItems.length > 0 || drift.error) && (
          <Grid item xs={12}>
            <InfoCard
              title="Observed schema drift"
              subheader="Not a contract violation: columns that changed against the last schema seen, on tables without a contract"
              noPadding
            >
              {drift.error ? (
                <Box p={2}>
                  <TriageErrorPanel
                    error={drift.error}
                    title="Could not load schema drift"
                  />
                </Box>
              ) : (
                <FindingsTable
                  items={driftItems}
                  drift
                  hideTable={table}
                  onOpenIncident={setSelected}
                />
              )}
            </InfoCard>
          </Grid>
        )}
      </Grid>
      <IncidentDrawer
        incidentId={selected}
        onClose={() => setSelected(undefined)}
      />
    </>
  );
}
