import { stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@pipeline-triage/plugin-pipeline-triage-common';
import { isContractError } from '../contracts';
import type { CatalogIndex } from '../linking';
import { freshnessClauseOf, type WatchedTable } from './missedRuns';

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/** The job keys a pipeline's annotation names exactly (a pattern names no one job). */
function annotatedJobKeys(annotation: string | undefined): string[] {
  return (annotation ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(s => s.includes('/') && !s.includes('*'));
}

/**
 * Every table a catalog pipeline writes whose data contract promises a freshness (or a
 * frequency), with the pipelines that write it: what the freshness watch checks.
 */
export function watchedTables(index: CatalogIndex): WatchedTable[] {
  const tables = new Map<string, WatchedTable>();
  for (const pipeline of index.pipelines()) {
    const producer = {
      entityRef: lower(stringifyEntityRef(pipeline)),
      name: pipeline.metadata.title ?? pipeline.metadata.name,
      jobKeys: annotatedJobKeys(
        pipeline.metadata.annotations?.[ANNOTATIONS.openlineageJob],
      ),
    };
    for (const table of index.outputsOf(pipeline)) {
      const contractRef =
        table.metadata.annotations?.[ANNOTATIONS.dataContract];
      if (!contractRef) continue;
      const contract = index.contract(lower(contractRef));
      if (!contract || isContractError(contract)) continue;
      const sla = freshnessClauseOf(contract.sla);
      if (!sla) continue;
      const tableRef = lower(stringifyEntityRef(table));
      const watched = tables.get(tableRef) ?? {
        tableRef,
        tableName: table.metadata.title ?? table.metadata.name,
        contract: { name: contract.name, entityRef: lower(contractRef) },
        sla,
        producers: [],
      };
      watched.producers.push(producer);
      tables.set(tableRef, watched);
    }
  }
  return [...tables.values()];
}
