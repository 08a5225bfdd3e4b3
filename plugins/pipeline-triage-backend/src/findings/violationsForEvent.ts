import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { ExtraEvidence } from '../classify';
import { detectViolations, type Violation } from '../contracts';
import type { LinkResult } from '../linking';

/** The contract clauses a failed run broke, over every linked table that has a contract. */
export function violationsForEvent(
  event: FailureEvent,
  links: LinkResult,
): Violation[] {
  const out: Violation[] = [];
  for (const d of [...links.inputs, ...links.outputs]) {
    if (!d.contractDocument || !d.contract || !d.table) continue;
    out.push(
      ...detectViolations({
        contract: d.contractDocument,
        contractEntityRef: d.contract.entityRef,
        tableEntityRef: d.table.entityRef,
        dataset: d.datasetRef ?? {
          namespace: '',
          name: d.table.entityRef.split('/').pop()!,
        },
        event,
      }),
    );
  }
  return out;
}

const CATEGORY_OF: Record<Violation['kind'], ExtraEvidence['category']> = {
  schema: 'schema_drift',
  quality: 'data_quality',
  freshness: 'source_delay',
};

/** A schema the run actually saw outweighs a column name read from an error message. */
const WEIGHT_OF: Record<Violation['evidence'], number> = {
  schema: 0.97,
  quality_check: 0.95,
  signals: 0.9,
  error_message: 0.85,
};

/**
 * Violations as evidence for the same scoring as the rules: a broken clause is strong proof.
 *
 * @alpha
 */
export function violationEvidence(violations: Violation[]): ExtraEvidence[] {
  return violations.map(v => ({
    kind: 'contract_violation',
    category: CATEGORY_OF[v.kind],
    text: v.evidenceText,
    weight: WEIGHT_OF[v.evidence],
  }));
}
