import { computeEvalReport, EvalRecord } from './evalMetrics';

const rec = (
  id: string,
  expected: string,
  predicted: string,
  confidence: number,
  more: Partial<EvalRecord['expected']> = {},
  pred: Partial<EvalRecord['predicted']> = {},
): EvalRecord => ({
  id,
  input: `${id}.json`,
  expected: { category: expected as never, acceptable: [], ...more },
  predicted: {
    category: predicted as never,
    confidence,
    safeToRetry: false,
    partialWrite: 'unknown',
    ...pred,
  },
});

describe('computeEvalReport', () => {
  it('computes accuracy with acceptable labels, retry precision/recall, false confidence and Brier', () => {
    const report = computeEvalReport([
      rec('a', 'permission', 'permission', 0.9, { safe_to_retry: false }),
      rec(
        'b',
        'source_delay',
        'config_error',
        0.85,
        { acceptable: ['config_error'], safe_to_retry: true },
        { safeToRetry: true },
      ),
      rec(
        'c',
        'infrastructure',
        'dependency_unavailable',
        0.9,
        { safe_to_retry: false, partial_write: true },
        { safeToRetry: true, partialWrite: 'true' },
      ),
      rec('d', 'dependency_unavailable', 'unknown', 0.2, {
        safe_to_retry: true,
        partial_write: true,
      }),
    ]);
    expect(report.accuracy).toBe(0.5);
    expect(report.safeRetry).toMatchObject({
      precision: 0.5,
      recall: 0.5,
      predictedSafe: 2,
      actuallySafe: 2,
    });
    expect(report.falseConfidenceRate).toBe(0.25);
    expect(report.highConfidenceShare).toBe(0.75);
    expect(report.brier).toBeCloseTo((0.01 + 0.0225 + 0.81 + 0.04) / 4, 3);
    expect(report.calibration.highConfidenceAccuracy).toBeCloseTo(2 / 3, 3);
    expect(report.calibration.bins.find(b => b.from === 0.2)).toMatchObject({
      cases: 1,
      accuracy: 0,
    });
    expect(report.partialWrite).toEqual({
      recall: 0.5,
      expectedTrue: 2,
      predictedTrueOfThose: 1,
    });
    expect(report.perCategory.infrastructure).toEqual({
      cases: 1,
      correct: 0,
      recall: 0,
    });
    expect(report.misses.map(m => m.id)).toEqual(['c', 'd']);
  });
});
