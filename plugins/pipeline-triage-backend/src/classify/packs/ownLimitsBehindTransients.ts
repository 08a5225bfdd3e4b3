import type { RulePack } from '../ruleTypes';

/**
 * Failures worded like capacity, a lost pod or a refused connection whose cause is the job's own
 * setting (issue 17, round traps6). The retry policy refuses them through its deterministic signs
 * (policy/deterministicSigns.ts); these rules give them their category.
 *
 * Sources:
 * - Databricks Jobs API `max_concurrent_runs`: a run over the limit is SKIPPED with "Skipping this
 *   run because the limit of N maximum concurrent runs has been reached".
 * - AWS Glue StartJobRun ConcurrentRunsExceededException, bounded by the job's
 *   ExecutionProperty.MaxConcurrentRuns (Glue API "Jobs").
 * - Kubernetes `activeDeadlineSeconds` (pod reason DeadlineExceeded, "Pod was active on the node
 *   longer than the specified deadline"; Job "Job was active longer than specified deadline").
 * - SageMaker "Please ensure that the subnet's route table has a route to an S3 VPC endpoint or a
 *   NAT device"; Glue "VPC S3 endpoint validation failed ... Could not find S3 endpoint or NAT
 *   gateway" (Glue, "Amazon VPC endpoints for Amazon S3").
 * - PgJDBC "Connection to localhost:5432 refused", libpq 'Is the server running on host
 *   "localhost"', urllib3 host='127.0.0.1' refusals: the loopback of the job's own container
 *   (Docker "Networking", host.docker.internal).
 */
export const ownLimitsBehindTransientsPack: RulePack = {
  name: 'own-limits-behind-transients',
  origin: 'built-in',
  rules: [
    {
      id: 'job-own-max-concurrent-runs',
      category: 'config_error',
      description:
        "the job's own concurrency limit (max_concurrent_runs / MaxConcurrentRuns) is taken by other runs of it",
      patterns: [
        '\\bSkipping this run because the limit of \\d+ maximum concurrent runs has been reached\\b',
        '\\bConcurrentRunsExceededException\\b|\\bConcurrent runs exceeded for\\b',
      ],
      where: 'any',
      weight: 0.9,
      explains: ['resource_exhaustion', 'dependency_unavailable'],
    },
    {
      id: 'kubernetes-active-deadline-exceeded',
      category: 'config_error',
      description:
        'the pod or Job ran past its own activeDeadlineSeconds (DeadlineExceeded), not a platform loss',
      patterns: [
        '\\bPod was active on the node longer than the specified deadline\\b|\\bJob was active longer than specified deadline\\b',
      ],
      where: 'any',
      weight: 0.88,
      explains: ['infrastructure'],
    },
    {
      id: 'no-route-to-s3-from-subnet',
      category: 'config_error',
      description:
        'the subnet has no route to S3 (no VPC endpoint or NAT gateway)',
      patterns: [
        '\\bhas a route to an S3 VPC endpoint or a NAT device\\b|\\bVPC S3 endpoint validation failed\\b|\\bCould not find S3 endpoint or NAT gateway\\b',
      ],
      where: 'any',
      weight: 0.9,
      explains: ['dependency_unavailable', 'permission'],
    },
    {
      id: 'connection-refused-on-container-loopback',
      category: 'config_error',
      description:
        "a connection refused on localhost/127.0.0.1, the job's own container, where the configured service does not run",
      patterns: [
        '\\bConnection to (?:localhost|127\\.0\\.0\\.1|\\[?::1\\]?):\\d+ refused\\b',
        '\\bIs the server running on host "localhost" \\((?:127\\.0\\.0\\.1|::1)\\) and accepting\\b',
        "\\bhost='(?:localhost|127\\.0\\.0\\.1)', port=\\d+\\).{0,300}\\bConnection refused\\b",
      ],
      where: 'any',
      weight: 0.9,
      // A sidecar proxy on the loopback may still be starting.
      unless: [
        '\\bcloud[-_]sql[-_]proxy\\b|\\bistio-proxy\\b|\\benvoy\\b|\\bsidecar\\b',
      ],
      explains: ['dependency_unavailable'],
    },
  ],
};
