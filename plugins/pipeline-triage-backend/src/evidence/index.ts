export { extractEvidence, eventSections } from './extractEvidence';
export { extractEvidenceFromStream } from './streamEvidence';
export type { LogSource } from './streamEvidence';
export { EVIDENCE_LIMITS } from './limits';
export type { EvidenceLimits } from './limits';
export type {
  CauseLink,
  ErrorCode,
  Evidence,
  EvidenceCounts,
  EvidenceSignals,
  LineRole,
  ScannedLine,
  Section,
} from './types';
