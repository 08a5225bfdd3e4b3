/**
 * The normalised shape of a data contract, whatever format it was written in (ODCS v3.0.x,
 * ODCS v3.1.x or the older Data Contract Specification). Every clause keeps the JSON path where
 * it sits in the document and its 1-based line in the source text, so a violation can point a
 * person at the exact line to read.
 */

/** ODCS logical types (v3.1 vocabulary; v3.0 has no `timestamp`/`time` and uses `date`). */
export const LOGICAL_TYPES = [
  'string',
  'integer',
  'number',
  'boolean',
  'date',
  'timestamp',
  'time',
  'object',
  'array',
] as const;
export type LogicalType = (typeof LOGICAL_TYPES)[number];

export type ContractFormat = 'odcs-3.0' | 'odcs-3.1' | 'dcs';

/**
 * Where a contract's text came from; both parts are optional and only echoed back.
 *
 * @alpha
 */
export interface ContractSource {
  entityRef?: string;
  file?: string;
}

/** Where a clause sits: `schema[0].properties[3]` and its 1-based line in the text. */
export interface ClauseLocation {
  path: string;
  line?: number;
}

export interface ContractProblem extends ClauseLocation {
  message: string;
}

/**
 * A contract that cannot be used: every problem names the path in the document.
 *
 * @alpha
 */
export interface ContractError {
  entityRef?: string;
  file?: string;
  /** One line for logs: the first problems, `path: message`. */
  message: string;
  problems: ContractProblem[];
}

export interface ContractMember extends ClauseLocation {
  username: string;
  name?: string;
  role?: string;
  email?: string;
  dateIn?: string;
  dateOut?: string;
  replacedByUsername?: string;
}

export interface ContractOwner {
  team?: string;
  members: ContractMember[];
}

export interface SupportChannel extends ClauseLocation {
  channel: string;
  url?: string;
  tool?: string;
  /** interactive | announcements | issues | notifications; `issues` is where breakages go. */
  scope?: string;
  description?: string;
}

/** An SLA clause whose value is a duration, converted to seconds. */
export interface SlaDuration extends ClauseLocation {
  property: string;
  value: number | string;
  unit?: string;
  seconds: number;
  element?: string;
}

/** Any SLA clause as written (slaProperties[] in ODCS, servicelevels in DCS). */
export interface SlaClause extends ClauseLocation {
  property: string;
  value: unknown;
  unit?: string;
  element?: string;
  driver?: string;
  /** Set when the value is a duration this module understands. */
  seconds?: number;
}

export interface ContractSla {
  latency?: SlaDuration;
  frequency?: SlaDuration;
  freshness?: SlaDuration;
  retention?: SlaDuration;
  timeOfAvailability?: SlaClause;
  /** Default element the SLA applies to (ODCS slaDefaultElement). */
  defaultElement?: string;
  /** Every clause as written, durations included. */
  clauses: SlaClause[];
}

/** The metrics ODCS v3.1 names; v3.0 `rule` names and DCS SodaCL checks normalise onto them. */
export type QualityMetric =
  | 'nullValues'
  | 'missingValues'
  | 'invalidValues'
  | 'duplicateValues'
  | 'rowCount'
  | 'freshness';

/** The comparison operators of an ODCS / DCS quality rule. */
export const QUALITY_OPERATORS = [
  'mustBe',
  'mustNotBe',
  'mustBeGreaterThan',
  'mustBeGreaterOrEqualTo',
  'mustBeLessThan',
  'mustBeLessOrEqualTo',
  'mustBeBetween',
  'mustNotBeBetween',
] as const;

export type QualityOperator = (typeof QUALITY_OPERATORS)[number];

export interface QualityRule extends ClauseLocation {
  /** The contract table (schema object / model) the rule belongs to. */
  table: string;
  /** Set for property-level rules (or rules that name one column). */
  column?: string;
  name?: string;
  description?: string;
  /** library | sql | custom | text (ODCS); `sodacl` for DCS SodaCL checks. */
  type: string;
  /** Normalised metric when known (v3.1 `metric`, v3.0 `rule`, SodaCL function). */
  metric?: QualityMetric;
  /** The rule or metric name as written. */
  rule?: string;
  operator?: QualityOperator;
  threshold?: unknown;
  validValues?: unknown[];
  unit?: string;
  dimension?: string;
  severity?: string;
  engine?: string;
  query?: string;
}

export interface ContractProperty extends ClauseLocation {
  name: string;
  physicalName?: string;
  logicalType?: LogicalType;
  physicalType?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  partitioned?: boolean;
  /** Derived: false when the property is required or a primary key. */
  nullable: boolean;
  description?: string;
  /** Lines of the keys that clauses point at, when written. */
  keyLocations: Partial<
    Record<
      'logicalType' | 'physicalType' | 'required' | 'unique' | 'primaryKey',
      ClauseLocation
    >
  >;
  quality: QualityRule[];
  /** Nested properties of objects and of array items. */
  children: ContractProperty[];
}

/** @alpha */
export interface ContractTable extends ClauseLocation {
  name: string;
  physicalName?: string;
  physicalType?: string;
  description?: string;
  properties: ContractProperty[];
  /** Table-level rules (schema[i].quality, DCS model quality). */
  quality: QualityRule[];
}

/** @alpha */
export interface ParsedContract {
  format: ContractFormat;
  /** apiVersion (ODCS) or dataContractSpecification (DCS), as written. */
  specVersion: string;
  id: string;
  name: string;
  version: string;
  status?: string;
  source: ContractSource;
  owner: ContractOwner;
  support: SupportChannel[];
  sla: ContractSla;
  tables: ContractTable[];
  /** Every quality rule of the contract, table- and property-level, nested ones included. */
  quality: QualityRule[];
  /** Things that do not stop the contract from being used: unknown keys, version mix-ups. */
  warnings: ContractProblem[];
}

/** @alpha */
export function isContractError(
  result: ParsedContract | ContractError,
): result is ContractError {
  return !('format' in result);
}

/** `path: message`, with `(document)` for the root. */
export function formatProblem(problem: ContractProblem): string {
  const at = problem.line ? ` (line ${problem.line})` : '';
  return `${problem.path || '(document)'}${at}: ${problem.message}`;
}
