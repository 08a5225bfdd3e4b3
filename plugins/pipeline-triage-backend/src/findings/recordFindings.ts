import type {
  FailureEvent,
  SchemaField,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { observedDrift, type Violation } from '../contracts';
import type { LinkResult } from '../linking';
import type { StoredFinding, TriageStore } from '../store';

const datasetKey = (ns: string, name: string) => `${ns}/${name}`;

export interface FindingsOf {
  incidentId: string;
  eventId: string;
  event: FailureEvent;
  links: LinkResult;
  violations: Violation[];
}

/**
 * Stores what failed runs broke: their contract violations, and schema drift of tables without
 * a contract against the last schema seen for them. Every schema an event carries becomes the
 * new baseline of its dataset; a batch's events are applied in order, with one write for all.
 */
export async function recordFindings(
  store: TriageStore,
  batch: FindingsOf[],
): Promise<void> {
  const swaps = batch.flatMap((item, i) =>
    [...item.links.inputs, ...item.links.outputs]
      .filter(d => d.datasetRef && d.datasetRef.schema?.length)
      .map(d => ({
        i,
        d,
        dataset: datasetKey(d.datasetRef!.namespace, d.datasetRef!.name),
        tableRef: d.table?.entityRef,
        fields: d.datasetRef!.schema!,
        at: item.event.eventTime,
      })),
  );
  const previous = swaps.length ? await store.swapDatasetSchemas(swaps) : [];
  const rows: Array<{
    incidentId: string;
    eventId: string;
    at: string;
    finding: StoredFinding;
  }> = [];
  for (const [
    i,
    { incidentId, eventId, event, links, violations },
  ] of batch.entries()) {
    const add = (finding: StoredFinding) =>
      rows.push({ incidentId, eventId, at: event.eventTime, finding });
    for (const v of violations) {
      add({
        kind: v.kind,
        clause: v.clause,
        contractRef: v.contractRef,
        tableRef: v.tableRef,
        dataset:
          links.inputs
            .concat(links.outputs)
            .find(d => d.table?.entityRef === v.tableRef)?.dataset ??
          v.tableRef,
        path: v.path,
        line: v.line,
        column: v.column,
        observed: v.observed,
        expected: v.expected,
        message: v.message,
      });
    }
    for (const [j, swap] of swaps.entries()) {
      const before = previous[j] as SchemaField[] | undefined;
      if (swap.i !== i || swap.d.contractDocument || !before) continue;
      for (const f of observedDrift(before, swap.fields, {
        tableRef: swap.tableRef,
      })) {
        add({
          kind: 'observed_drift',
          clause: f.clause,
          tableRef: swap.tableRef,
          dataset: swap.d.dataset,
          column: f.column,
          observed: f.observed,
          expected: f.expected,
          message: f.message,
        });
      }
    }
  }
  if (rows.length) await store.recordFindings(rows);
}

/** A successful run's schemas are the baseline later failures are compared with. */
export async function rememberSchemas(
  store: TriageStore,
  event: FailureEvent,
): Promise<void> {
  const swaps = [...(event.inputs ?? []), ...(event.outputs ?? [])]
    .filter(d => d.schema?.length)
    .map(d => ({
      dataset: datasetKey(d.namespace, d.name),
      fields: d.schema!,
      at: event.eventTime,
    }));
  if (swaps.length) await store.swapDatasetSchemas(swaps);
}
