import { extractEvidence } from '../evidence';
import { classify } from './classify';

const OOM = [
  '25/01/01 12:00:00 ERROR Executor: Exception in task 7.0 in stage 3.0 (TID 99)',
  'java.lang.OutOfMemoryError: Java heap space',
  '\tat java.util.Arrays.copyOf(Arrays.java:3236)',
  'org.apache.spark.SparkException: Job aborted due to stage failure: Task 7 in stage 3.0 failed 4 times, most recent failure: Lost task 7.3 in stage 3.0: java.lang.OutOfMemoryError: Java heap space',
].join('\n');

describe('hypotheses', () => {
  it('weighs an OOM with one task reading 100x the median: skew wins, memory is dismissed and why', () => {
    const c = classify(
      extractEvidence({
        logExcerpt: OOM,
        signals: {
          maxTaskInputBytes: 100 * 200e6,
          medianTaskInputBytes: 200e6,
          taskCount: 400,
        },
      }),
    );
    expect(c.category).toBe('data_skew');
    expect(c.hypotheses).toHaveLength(3);
    expect(c.hypotheses[0].category).toBe('data_skew');
    const memory = c.hypotheses.find(
      h => h.category === 'resource_exhaustion',
    )!;
    expect(memory.score).toBeGreaterThan(0);
    expect(memory.score).toBeLessThan(c.hypotheses[0].score);
    expect(memory.against!.join('\n')).toMatch(
      /one task read 100x the median task's input: memory ran out on one overloaded task/,
    );
    expect(memory.against!.join('\n')).toMatch(/for data_skew/);
    expect(c.hypotheses[0].against).toBeUndefined();
  });

  it('without task figures the same OOM is memory, and skew is dismissed for want of them', () => {
    const c = classify(extractEvidence({ logExcerpt: OOM }));
    expect(c.category).toBe('resource_exhaustion');
    const skew = c.hypotheses.find(h => h.category === 'data_skew')!;
    expect(skew.against).toContain(
      'no task figures (max and median task input or duration) show an uneven split',
    );
  });

  it('always shows three, filling with the categories most often mistaken for the winner', () => {
    const c = classify(
      extractEvidence({
        logExcerpt:
          'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
      }),
    );
    expect(c.category).toBe('permission');
    expect(c.hypotheses.map(h => h.category)).toHaveLength(3);
    for (const h of c.hypotheses.slice(1))
      expect(h.against!.length).toBeGreaterThan(0);
  });
});
