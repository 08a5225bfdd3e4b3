/**
 * The persisted parsed copy of every data contract, kept in step with the catalog: the refresher
 * (read by linking and /v1/contracts) and its scheduled job.
 */
export {
  ContractRefresher,
  type ContractCopy,
  type ContractRefreshSummary,
} from './ContractRefresher';
export { definitionHash, parseEntityDefinition } from './parseEntityDefinition';
export { ContractRefreshJob } from './ContractRefreshJob';
