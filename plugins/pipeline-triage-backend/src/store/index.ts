export { KnexTriageStore, jobKeyOf } from './KnexTriageStore';
export { migrateStore, rollbackStore } from './migrateStore';
export type * from './types';
