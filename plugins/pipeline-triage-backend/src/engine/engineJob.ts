import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { TriageContext } from './createTriageEngine';

/** One event to classify with its context: what the pool sends to a worker. */
export interface EngineJob {
  event: FailureEvent;
  ctx: TriageContext;
}
