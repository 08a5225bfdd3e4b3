export { KnexTriageStore, createKnexStores, type KnexStores } from './KnexTriageStore';
export { KnexContractStore } from './KnexContractStore';
export { jobKeyOf } from './jobKeyOf';
export { migrateStore, rollbackStore } from './migrateStore';
export type * from './types';
