import type {
  Category,
  PartialWrite,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { decideRetry, RetryInput } from './decideRetry';

const cause = {
  classId: 'http-throttled-or-unavailable',
  label: 'an HTTP status the vendor declares retryable',
  lineId: 'L3',
  source: 'x',
};
const base: RetryInput = {
  category: 'dependency_unavailable',
  partialWrite: 'false',
  confidence: 0.9,
  transientCause: cause,
};

describe('decideRetry', () => {
  // category, partial write, idempotent, writesOutput → safe?, wait
  const table: Array<
    [
      Category,
      PartialWrite,
      boolean | undefined,
      boolean | undefined,
      boolean,
      string | undefined,
    ]
  > = [
    ['source_delay', 'false', undefined, undefined, true, 'upstream'],
    ['dependency_unavailable', 'false', undefined, undefined, true, 'backoff'],
    ['infrastructure', 'false', undefined, undefined, true, 'none'],
    ['schema_drift', 'false', undefined, undefined, false, undefined],
    ['data_quality', 'false', true, undefined, false, undefined],
    ['permission', 'false', undefined, undefined, false, undefined],
    ['resource_exhaustion', 'false', undefined, undefined, false, undefined],
    ['data_skew', 'false', undefined, undefined, false, undefined],
    ['small_file_pressure', 'false', undefined, undefined, false, undefined],
    ['code_error', 'false', undefined, undefined, false, undefined],
    ['config_error', 'false', undefined, undefined, false, undefined],
    ['unknown', 'false', true, undefined, false, undefined],
    // partial write true → no, unless idempotent
    ['infrastructure', 'true', undefined, undefined, false, undefined],
    ['infrastructure', 'true', true, undefined, true, 'none'],
    // unknown partial write for a job that writes output → no; idempotent or no output → yes
    [
      'dependency_unavailable',
      'unknown',
      undefined,
      undefined,
      false,
      undefined,
    ],
    ['dependency_unavailable', 'unknown', undefined, true, false, undefined],
    ['dependency_unavailable', 'unknown', true, undefined, true, 'backoff'],
    ['source_delay', 'unknown', undefined, false, true, 'upstream'],
  ];

  it.each(table)(
    '%s with partial write %s (idempotent %s, writes %s) → safe %s',
    (...row) => {
      const [category, partialWrite, idempotent, writesOutput, safe, wait] =
        row;
      const v = decideRetry({
        ...base,
        category,
        partialWrite,
        idempotent,
        writesOutput,
      });
      expect(v.safeToRetry).toBe(safe);
      expect(v.wait).toBe(safe ? wait : undefined);
      expect(v.reason).toMatch(/^(Safe|Not safe)/);
      expect(v.reason.split('. ').length).toBe(1);
    },
  );

  it('never says yes on a category default alone: a transient cause must be named', () => {
    for (const category of [
      'source_delay',
      'dependency_unavailable',
      'infrastructure',
    ] as Category[]) {
      const v = decideRetry({
        ...base,
        category,
        transientCause: undefined,
        idempotent: true,
      });
      expect(v.safeToRetry).toBe(false);
      expect(v.reason).toMatch(
        /nothing in the evidence names a transient cause/,
      );
      expect(v.wouldAllowYes).toMatch(
        /HTTP 429\/503.*SQLSTATE class 08.*gRPC UNAVAILABLE.*pre-emption/,
      );
    }
  });

  it('names the transient cause and its line when it says yes', () => {
    const v = decideRetry(base);
    expect(v.safeToRetry).toBe(true);
    expect(v.reason).toContain(
      'an HTTP status the vendor declares retryable (L3)',
    );
  });

  it('says which signal would have allowed a yes, for every no', () => {
    for (const category of [
      'schema_drift',
      'code_error',
      'unknown',
    ] as Category[]) {
      expect(decideRetry({ ...base, category }).wouldAllowYes).toMatch(
        /HTTP 429\/503/,
      );
    }
    expect(
      decideRetry({ ...base, partialWrite: 'unknown' }).wouldAllowYes,
    ).toMatch(/commitsDuringRun=0 or rowsWritten=0.*idempotent/);
    expect(
      decideRetry({ ...base, partialWrite: 'true' }).wouldAllowYes,
    ).toMatch(/pipeline-triage\.io\/idempotent/);
  });

  it('refuses once retries are exhausted, but not after a single allowed attempt', () => {
    expect(
      decideRetry({ ...base, attempt: 3, maxAttempts: 3 }).safeToRetry,
    ).toBe(false);
    expect(
      decideRetry({ ...base, attempt: 2, maxAttempts: 3 }).safeToRetry,
    ).toBe(true);
    expect(
      decideRetry({ ...base, attempt: 1, maxAttempts: 1 }).safeToRetry,
    ).toBe(true);
  });

  it('refuses when the classification is below the calibrated floor or the failure is not transient', () => {
    expect(decideRetry({ ...base, confidence: 0.7 }).safeToRetry).toBe(false);
    expect(decideRetry({ ...base, confidence: 0.7 }).wouldAllowYes).toMatch(
      /root-cause line/,
    );
    const v = decideRetry({
      ...base,
      nonTransient: 'the service rejected the request itself (HTTP 400)',
    });
    expect(v.safeToRetry).toBe(false);
    expect(v.reason).toContain('HTTP 400');
  });
});
