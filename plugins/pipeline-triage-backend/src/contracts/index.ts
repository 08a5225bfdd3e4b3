/**
 * Data contracts: parsing ODCS v3.0/v3.1 and Data Contract Specification documents into one
 * normalised shape, and detecting which of their clauses a failed run broke. Pure functions:
 * this folder imports the common package and itself only (no store, linking or I/O); the
 * stages that apply it live in linking/, findings/ and contractSync/.
 */
export { parseContract } from './parseContract';
export { logicalTypeOf, logicalTypesCompatible } from './logicalTypeOf';
export { detectViolations } from './detectViolations';
export { contractTableFor, propertyNamed } from './contractTableFor';
export { observedDrift } from './observedDrift';
export type { DriftClause, DriftFinding } from './observedDrift';
export { contractOwners } from './contractOwners';
export type { ContractOwners, ContractOwnersOptions } from './contractOwners';
export { durationSeconds, formatDuration } from './durations';
export { formatProblem, isContractError, LOGICAL_TYPES } from './types';
export type {
  ClauseLocation,
  ContractError,
  ContractFormat,
  ContractMember,
  ContractOwner,
  ContractProblem,
  ContractProperty,
  ContractSla,
  ContractSource,
  ContractTable,
  LogicalType,
  ParsedContract,
  QualityMetric,
  QualityOperator,
  QualityRule,
  SlaClause,
  SlaDuration,
  SupportChannel,
} from './types';
export type {
  DetectViolationsInput,
  Violation,
  ViolationClause,
  ViolationEvidence,
  ViolationKind,
} from './violation';
export { describeContract } from './describeContract';
