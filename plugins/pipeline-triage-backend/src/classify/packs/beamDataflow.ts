import type { RulePack } from '../ruleTypes';

/**
 * How the Dataflow service reports a failed Beam pipeline: "Workflow failed. Causes: ..." names
 * the service's own diagnosis, which the SDK's DataflowRuntimeException only repeats.
 */
export const beamDataflowPack: RulePack = {
  name: 'beam-dataflow',
  origin: 'built-in',
  rules: [
    // No worker could start: project quota or the zone's capacity (the service says "check your quota").
    {
      id: 'dataflow-workers-not-started',
      category: 'resource_exhaustion',
      description: 'Dataflow could not bring up the minimum number of workers',
      patterns: [
        'Unable to bring up enough workers: minimum \\d+, actual \\d+|Please check your quota and retry later',
      ],
      weight: 0.85,
      explains: ['infrastructure'],
    },
    // Dataflow retried the work item itself (4 times in batch) and each worker died under it.
    {
      id: 'dataflow-work-item-lost-contact',
      category: 'infrastructure',
      description:
        'a work item failed repeatedly because its worker lost contact with the service',
      patterns: [
        'A work item was attempted \\d+ times without success\\. Each time the worker eventually lost contact with the service',
      ],
      weight: 0.75,
    },
    // The service's watchdog: workers that never started their harness or hang in user code.
    {
      id: 'dataflow-stuck-no-worker-activity',
      category: 'infrastructure',
      description:
        'Dataflow saw no worker activity for an hour and failed the job',
      patterns: [
        'The Dataflow job appears to be stuck because no worker activity has been seen',
      ],
      weight: 0.6,
    },
  ],
};
