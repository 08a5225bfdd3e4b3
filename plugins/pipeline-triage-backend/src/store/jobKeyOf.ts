import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';

/** The key a job's failures, successes and incidents are grouped under. */
export function jobKeyOf(event: FailureEvent): string {
  return `${event.job.namespace}/${event.job.name}`;
}
