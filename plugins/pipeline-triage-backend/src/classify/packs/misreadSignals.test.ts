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
});
