export { KnexTriageStore, jobKeyOf } from './KnexTriageStore';
export { migrateStore, rollbackStore } from './migrateStore';
export type * from './types';
export { KnexContractStore } from './KnexContractStore';
export type { StoredContract, ContractToSave } from './KnexContractStore';
