import type { FailureEvent, SchemaField } from '@internal/plugin-pipeline-triage-common';
import type { LinkResult } from '../linking';
import type { StoredFinding, TriageStore } from '../store';
import { observedDrift } from './observedDrift';
import type { Violation } from './violation';

const datasetKey = (ns: string, name: string) => `${ns}/${name}`;

/**
 * Stores what a failed run broke: its contract violations, and schema drift of tables without
 * a contract against the last schema seen for them. Every schema the event carries becomes the
 * new baseline of its dataset.
 */
export async function recordFindings(
  store: TriageStore,
  ids: { incidentId: string; eventId: string },
  event: FailureEvent,
  links: LinkResult,
  violations: Violation[],
): Promise<void> {
  const findings: StoredFinding[] = violations.map(v => ({
    kind: v.kind,
    clause: v.clause,
    contractRef: v.contractRef,
    tableRef: v.tableRef,
    dataset: links.inputs.concat(links.outputs).find(d => d.table?.entityRef === v.tableRef)?.dataset ?? v.tableRef,
    path: v.path,
    line: v.line,
    column: v.column,
    observed: v.observed,
    expected: v.expected,
    message: v.message,
  }));
  for (const d of [...links.inputs, ...links.outputs]) {
    const schema = d.datasetRef?.schema;
    if (!d.datasetRef || !schema?.length) continue;
    const previous = (await store.swapDatasetSchema(
      datasetKey(d.datasetRef.namespace, d.datasetRef.name),
      d.table?.entityRef,
      schema,
      event.eventTime,
    )) as SchemaField[] | undefined;
    if (d.contractDocument || !previous) continue;
    for (const f of observedDrift(previous, schema, { tableRef: d.table?.entityRef })) {
      findings.push({
        kind: 'observed_drift',
        clause: f.clause,
        tableRef: d.table?.entityRef,
        dataset: d.dataset,
        column: f.column,
        observed: f.observed,
        expected: f.expected,
        message: f.message,
      });
    }
  }
  await store.recordFindings(ids.incidentId, ids.eventId, event.eventTime, findings);
}

/** A successful run's schemas are the baseline later failures are compared with. */
export async function rememberSchemas(store: TriageStore, event: FailureEvent): Promise<void> {
  for (const d of [...(event.inputs ?? []), ...(event.outputs ?? [])]) {
    if (d.schema?.length) await store.swapDatasetSchema(datasetKey(d.namespace, d.name), undefined, d.schema, event.eventTime);
  }
}
