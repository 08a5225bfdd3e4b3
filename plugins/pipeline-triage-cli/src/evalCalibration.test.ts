import { computeCalibration } from './evalCalibration';

describe('computeCalibration', () => {
  it('bins confidence against accuracy and weighs each bin gap by its cases', () => {
    const c = computeCalibration([
      { confidence: 0.95, correct: true },
      { confidence: 0.85, correct: true },
      { confidence: 0.85, correct: false },
      { confidence: 0.2, correct: false },
    ]);
    const bin = (from: number) => c.bins.find(b => b.from === from)!;
    expect(bin(0.9)).toEqual({
      from: 0.9,
      to: 1,
      cases: 1,
      meanConfidence: 0.95,
      accuracy: 1,
    });
    expect(bin(0.8)).toMatchObject({
      cases: 2,
      meanConfidence: 0.85,
      accuracy: 0.5,
    });
    expect(bin(0.2)).toMatchObject({ cases: 1, accuracy: 0 });
    expect(bin(0.5)).toMatchObject({ cases: 0, accuracy: null });
    // (1/4)*0.05 + (2/4)*0.35 + (1/4)*0.2
    expect(c.ece).toBeCloseTo(0.0125 + 0.175 + 0.05, 2);
    expect(c.highConfidenceAccuracy).toBeCloseTo(2 / 3, 3);
  });

  it('puts a confidence of exactly 1 in the last bin and is zero when perfectly calibrated', () => {
    const c = computeCalibration([{ confidence: 1, correct: true }]);
    expect(c.bins[9].cases).toBe(1);
    expect(c.ece).toBe(0);
  });
});
