import { extractEvidence } from '../../evidence';
import { classify } from '../classify';

const categoryOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log })).category;

/** Wording that used to point at the wrong category. */
describe('signals that were misread', () => {
  it('a scheduler that found no preemption victims did not preempt anything', () => {
    expect(
      categoryOf(
        'Warning FailedScheduling pod/etl-orchestrator-7 0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
      ),
    ).not.toBe('unknown');
    const evidence = extractEvidence({
      logExcerpt:
        'preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    });
    expect(classify(evidence).rules).not.toContain('node-preempted');
  });

  it('a pod evicted because the node ran low is the node, not the pod', () => {
    expect(
      categoryOf(
        'driver pod phase=Failed reason=Evicted message="The node was low on resource: ephemeral-storage. Threshold quantity: 10%, available: 4%. Container driver was using 212Ki, request is 0, has larger consumption of ephemeral-storage."',
      ),
    ).toBe('infrastructure');
  });

  it('a job that ran out of its own time budget is not a dependency failure', () => {
    expect(
      categoryOf(
        [
          'INFO InMemoryFileIndex: It took 801442 ms to list leaf files for 1 paths.',
          'INFO FileSourceStrategy: Planning scan with 120000 files of average size 0 bytes',
          '[2024-01-04, 04:30:00 UTC] {taskinstance.py:1401} ERROR - Task timed out after 0:30:00',
        ].join('\n'),
      ),
    ).toBe('small_file_pressure');
  });

  it('a shuffle block too large to fetch is skew, not a lost executor', () => {
    expect(
      categoryOf(
        'org.apache.spark.shuffle.FetchFailedException: Too large frame: 2991947178\nCaused by: java.lang.IllegalArgumentException: Too large frame: 2991947178',
      ),
    ).toBe('data_skew');
  });

  it("the scheduler's 'Preemption is not helpful' is not a pre-emption, and a selector no node matches is configuration", () => {
    const evidence = extractEvidence({
      logExcerpt:
        "Warning  FailedScheduling  3m  default-scheduler  0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..",
    });
    const result = classify(evidence);
    expect(result.rules).not.toContain('node-preempted');
    expect(result.category).toBe('config_error');
  });

  it('a pod short of CPU on some nodes and refused by taints on the rest is a placement failure, not configuration', () => {
    expect(
      categoryOf(
        "Warning FailedScheduling pod/ci-master 0/6 nodes are available: 3 Insufficient cpu, 3 node(s) had taints that the pod didn't tolerate.",
      ),
    ).toBe('infrastructure');
  });

  it('an image pull refused for its rate is the platform, not a wrong image', () => {
    expect(
      categoryOf(
        'airflow.providers.cncf.kubernetes.kubernetes_helper_functions.PodLaunchFailedException: Pod docker image cannot be pulled, unable to start: ErrImagePull\npull QPS exceeded',
      ),
    ).toBe('infrastructure');
    expect(
      categoryOf(
        'Failed to pull image "registry.example/etl:1.4": ErrImagePull: manifest unknown',
      ),
    ).toBe('config_error');
  });

  it("Kafka Connect's 'Task is being killed' is a failed task, not a killed process", () => {
    expect(
      categoryOf(
        'org.postgresql.util.PSQLException: ERROR: replication slot "rs_orders" does not exist\nERROR WorkerSourceTask{id=cdc-0} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted',
      ),
    ).toBe('config_error');
  });

  it('a SASL mechanism the listener does not enable is configuration, not an unreachable broker', () => {
    expect(
      categoryOf(
        "org.apache.kafka.connect.errors.ConnectException: Failed to connect to and describe Kafka cluster. Check worker's broker connection and security properties.\nCaused by: org.apache.kafka.common.errors.IllegalSaslStateException: Unexpected handshake request with client mechanism SCRAM-SHA-512, enabled mechanisms are []",
      ),
    ).toBe('config_error');
  });

  it("an empty Celery transport is the executor's configuration, not a code KeyError", () => {
    expect(
      categoryOf(
        "  File \"/usr/lib/python3/site-packages/kombu/transport/__init__.py\", line 89, in resolve_transport\n    raise KeyError('No such transport: {0}'.format(transport))\nKeyError: 'No such transport: '",
      ),
    ).toBe('config_error');
  });

  it('a word that contains an errno name is not that errno', () => {
    // "FeaturePipeline" holds the letters of EPIPE; only the errno itself means a broken pipe.
    const evidence = extractEvidence({
      logExcerpt:
        'ERROR FeaturePipeline: step 3 failed\nValueError: invalid literal for int() with base 10: "abc"',
    });
    const firedRules = (log: string) =>
      classify(extractEvidence({ logExcerpt: log })).hypotheses.flatMap(
        h => h.rules,
      );
    expect(classify(evidence).category).toBe('data_quality');
    expect(
      firedRules(
        'ERROR FeaturePipeline: step 3 failed\nValueError: invalid literal for int() with base 10: "abc"',
      ),
    ).not.toContain('connection-reset');
    expect(firedRules('write failed: [Errno 32] EPIPE')).toContain(
      'connection-reset',
    );
  });
});
