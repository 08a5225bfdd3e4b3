export { createTriageEngine } from './createTriageEngine';
export type {
  EngineResult,
  TriageContext,
  TriageEngine,
  TriageEngineOptions,
} from './createTriageEngine';
export { failureSignature, normaliseRootCause } from './signature';
export { summarise } from './summary';
export {
  EnginePool,
  defaultEngineWorkers,
  runEngineWorker,
} from './enginePool';
export type { BatchEngine, EngineJob } from './enginePool';
