import { failureSignature, normaliseRootCause } from './signature';

describe('failureSignature', () => {
  it('gives the same key to one root cause seen with different ids, paths and times', () => {
    const a =
      "2024-05-08 03:12:47 Error processing job 'proj:bqjob_r3f1c5a9e2b7d4410_0000018f5a3c2e11_1': Provided Schema does not match Table proj:raw.customers. Field score has changed type from STRING to FLOAT";
    const b =
      "2024-06-11 01:02:03 Error processing job 'proj:bqjob_r99aa00bb11cc22dd_0000018f5a3c2e11_7': Provided Schema does not match Table proj:raw.customers. Field score has changed type from STRING to FLOAT";
    expect(failureSignature('schema_drift', a)).toBe(
      failureSignature('schema_drift', b),
    );
  });

  it('ignores container ids, hosts, numbers and quoted names', () => {
    const a =
      'Lost executor 12 on ip-10-0-82-205.eu-west-1.compute.internal: Container killed by YARN for exceeding memory limits. 11.0 GB of 11 GB physical memory used';
    const b =
      'Lost executor 7 on ip-10-0-91-22.eu-west-1.compute.internal: Container killed by YARN for exceeding memory limits. 15.5 GB of 16 GB physical memory used';
    expect(failureSignature('resource_exhaustion', a)).toBe(
      failureSignature('resource_exhaustion', b),
    );
    expect(
      normaliseRootCause(
        'Path does not exist: s3://bucket/dt=2024-01-02/part-0001.parquet',
      ),
    ).toBe('Path does not exist: <url>');
  });

  it('separates different root causes and different categories', () => {
    const oom = 'java.lang.OutOfMemoryError: Java heap space';
    const disk = 'java.io.IOException: No space left on device';
    expect(failureSignature('resource_exhaustion', oom)).not.toBe(
      failureSignature('resource_exhaustion', disk),
    );
    expect(failureSignature('resource_exhaustion', oom)).not.toBe(
      failureSignature('unknown', oom),
    );
  });

  it('is a short, stable, readable key', () => {
    const sig = failureSignature('permission', 'AccessDenied: not authorized');
    expect(sig).toMatch(/^permission:[0-9a-f]{12}$/);
    expect(failureSignature('permission', 'AccessDenied: not authorized')).toBe(
      sig,
    );
  });
});
