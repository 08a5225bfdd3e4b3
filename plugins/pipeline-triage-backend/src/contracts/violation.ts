import type {
  DatasetRef,
  FailureEvent,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { ParsedContract } from './types';

export type ViolationKind = 'schema' | 'quality' | 'freshness';

export type ViolationClause =
  | 'missing_required_column'
  | 'unexpected_column'
  | 'renamed_column'
  | 'type_changed'
  | 'nullability_changed'
  | 'null_values'
  | 'duplicate_values'
  | 'invalid_values'
  | 'row_count'
  | 'latency';

/** What the violation was read from. */
export type ViolationEvidence =
  | 'schema'
  | 'error_message'
  | 'quality_check'
  | 'signals';

/**
 * A clause of a data contract that a failed run broke, pointing at the clause's line.
 *
 * @alpha
 */
export interface Violation {
  kind: ViolationKind;
  clause: ViolationClause;
  contractRef: string;
  tableRef: string;
  /** The contract's table (schema object / model) the clause belongs to. */
  contractTable?: string;
  /** JSON path of the clause in the contract document: `schema[0].properties[3]`. */
  path: string;
  line?: number;
  file?: string;
  column?: string;
  observed: string;
  expected: string;
  message: string;
  /** One short line for the triage engine's evidence list. */
  evidenceText: string;
  evidence: ViolationEvidence;
  eventId?: string;
  incidentId?: string;
}

/** @alpha */
export interface DetectViolationsInput {
  contract: ParsedContract;
  contractEntityRef: string;
  contractFile?: string;
  tableEntityRef: string;
  /** The dataset as the event reports it; may carry a schema and quality check results. */
  dataset: DatasetRef;
  event: FailureEvent;
  eventId?: string;
  incidentId?: string;
  /** The contract table this dataset is, when the caller knows; otherwise matched by name. */
  contractTable?: string;
  /** The classified category, when known: a `source_delay` lets the delay be read from logs. */
  category?: string;
  /** A delay the evidence stage established (seconds); wins over the event's signals. */
  delaySeconds?: number;
}

/** The three stages' common view of one detection: the contract, the dataset and how to name them. */
export interface ViolationContext {
  input: DetectViolationsInput;
  contractName: string;
  tableName: string;
}

/** `api:default/checkout-orders` → `checkout-orders`. */
export function entityName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1) || ref;
}

export function violationContext(
  input: DetectViolationsInput,
): ViolationContext {
  return {
    input,
    contractName: input.contractEntityRef
      ? entityName(input.contractEntityRef)
      : input.contract.name,
    tableName: entityName(input.tableEntityRef),
  };
}

/** The fields every violation of a detection shares. */
export function violationBase(
  ctx: ViolationContext,
): Pick<
  Violation,
  'contractRef' | 'tableRef' | 'file' | 'eventId' | 'incidentId'
> {
  const { input } = ctx;
  const base: Pick<
    Violation,
    'contractRef' | 'tableRef' | 'file' | 'eventId' | 'incidentId'
  > = {
    contractRef: input.contractEntityRef,
    tableRef: input.tableEntityRef,
  };
  const file = input.contractFile ?? input.contract.source.file;
  if (file) base.file = file;
  if (input.eventId) base.eventId = input.eventId;
  if (input.incidentId) base.incidentId = input.incidentId;
  return base;
}

/** ` (schema[0].properties[3], line 148)` */
export function where(path: string, line?: number): string {
  return ` (${path}${line ? `, line ${line}` : ''})`;
}
