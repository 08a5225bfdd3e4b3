export {
  KnexTriageStore,
  createKnexStores,
  type KnexStores,
} from './KnexTriageStore';
export { KnexContractStore } from './KnexContractStore';
export type { StoredContract, ContractToSave } from './KnexContractStore';
export { jobKeyOf } from './jobKeyOf';
export { rowsWrittenOf, snapshotOf } from './jobRuns';
export { migrateStore, rollbackStore } from './migrateStore';
export { toIso } from './time';
export type * from './types';
