/**
 * What a failed run broke, as triage uses it: the contract clauses of its linked tables as
 * evidence, and the violations and observed schema drift recorded through the store.
 */
export { violationsForEvent, violationEvidence } from './violationsForEvent';
export {
  recordFindings,
  rememberSchemas,
  type FindingsOf,
} from './recordFindings';
