import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { CommandId } from './commands';

/** What to do about a category, as data: the first action, what to run, how to prevent it. */
export interface Playbook {
  action: string;
  /** Diagnostics in order of usefulness; only those for the involved platforms are shown. */
  diagnostics: CommandId[];
  prevention: string;
}

// Log commands that help whatever the category.
const LOGS: CommandId[] = [
  'airflowStates',
  'glueRun',
  'glueErrorLogs',
  'yarnStatus',
  'databricksRun',
  'dagsterExport',
];

export const PLAYBOOKS: Record<Category, Playbook> = {
  schema_drift: {
    action:
      'Compare the incoming schema with the table or contract, then agree with the producer whether to evolve the target or fix the feed. Do not rerun unchanged.',
    diagnostics: [
      'bqShow',
      'snowDescribe',
      'pgDescribe',
      'deltaHistory',
      'icebergSnapshots',
      'dbtCompile',
      ...LOGS,
    ],
    prevention:
      'Publish a data contract for the source and check it in CI and at ingestion (dbt contracts, schema registry compatibility), so drift is caught before the load.',
  },
  data_quality: {
    action:
      'Inspect the offending rows and fix them at the source (or quarantine them); rerunning unchanged fails the same checks.',
    diagnostics: [
      'dbtTest',
      'redshiftLoadErrors',
      'bqJobs',
      'snowHistory',
      ...LOGS,
    ],
    prevention:
      'Move the check upstream (contract tests on the producer) and quarantine bad rows instead of failing the whole load.',
  },
  source_delay: {
    action:
      'Confirm the upstream input has landed (or is still late), then rerun; tell the upstream owner if it is past the SLA.',
    diagnostics: [
      's3List',
      'gcsList',
      'dbtFreshness',
      'airflowStates',
      'glueRun',
    ],
    prevention:
      'Trigger on data arrival (datasets, events, sensors with reschedule mode) instead of the clock, with a freshness SLA owned by the producer.',
  },
  permission: {
    action:
      'Find the identity the job runs as and the exact action denied, then request the missing grant from the owner of the resource.',
    diagnostics: [
      'awsIdentity',
      'awsSimulate',
      'gcpIam',
      'snowGrants',
      'pgGrants',
      'kafkaAcls',
      ...LOGS,
    ],
    prevention:
      'Manage grants as code next to the pipeline and test access in a deploy check; alert on credentials before they expire.',
  },
  resource_exhaustion: {
    action:
      'Find which limit was hit (memory, disk, quota) and on which task; raise that limit or reduce the work per task before rerunning.',
    diagnostics: [
      'yarnLogs',
      'kubectlDescribe',
      'kubectlEvents',
      'glueErrorLogs',
      'snowHistory',
      'bqJobs',
      ...LOGS,
    ],
    prevention:
      'Size resources from observed peaks with headroom, and alert on memory and disk trends before they reach the limit.',
  },
  data_skew: {
    action:
      'Find the hot key or partition behind the slow task and split it (salting, skew join hints, AQE skew handling) before rerunning.',
    diagnostics: ['sparkSkew', 'yarnLogs', ...LOGS],
    prevention:
      'Enable adaptive skew handling and monitor the max/median task ratio so growing skew is seen before it fails a run.',
  },
  small_file_pressure: {
    action:
      'Compact the affected prefix or table, and lower the request rate (fewer, larger files) before rerunning.',
    diagnostics: [
      's3List',
      'gcsList',
      'deltaHistory',
      'icebergSnapshots',
      'hudiCommits',
      ...LOGS,
    ],
    prevention:
      'Schedule compaction (OPTIMIZE, rewrite_data_files, clustering) and size output files by coalescing before the write.',
  },
  dependency_unavailable: {
    action:
      'Check the status of the failing service; retry with backoff once it answers, and escalate to its owner if it stays down.',
    diagnostics: ['pgActivity', 'kafkaGroups', ...LOGS],
    prevention:
      'Give calls to the service retries with exponential backoff and a circuit breaker, and respect its rate limits.',
  },
  infrastructure: {
    action:
      'Check the cluster or node events around the failure time; rerun once the platform is healthy, and involve the platform team if it repeats.',
    diagnostics: [
      'kubectlEvents',
      'kubectlDescribe',
      'yarnStatus',
      'yarnLogs',
      ...LOGS,
    ],
    prevention:
      'Use on-demand or mixed capacity for critical jobs and make tasks tolerate executor loss (retries, checkpoints).',
  },
  code_error: {
    action:
      'Reproduce the failing step locally with the same input, fix the code or SQL, and deploy before rerunning; check the last deploy first.',
    diagnostics: [
      'airflowTest',
      'dbtCompile',
      'dbtRun',
      'kubectlLogs',
      'yarnLogs',
      ...LOGS,
    ],
    prevention:
      'Test the job against representative data in CI (dbt build on a sample, unit tests for transforms) before deploying.',
  },
  config_error: {
    action:
      'Fix the missing or wrong setting (connection, variable, secret, profile, path, package version) in the environment, then rerun.',
    diagnostics: [
      'airflowConnection',
      'airflowVariables',
      'dbtDebug',
      'dbtDeps',
      'kubectlDescribe',
      'awsIdentity',
      ...LOGS,
    ],
    prevention:
      'Validate configuration at deploy time (a dry run that resolves every connection, secret and path) and pin package versions.',
  },
  unknown: {
    action:
      'Read the evidence below: no category fits it confidently. Triage by hand and, if it recurs, add a rule for its signature.',
    diagnostics: [...LOGS, 'yarnLogs', 'kubectlLogs'],
    prevention:
      'Add a rule pack entry for this signature once the cause is known, so the next occurrence is classified.',
  },
};
