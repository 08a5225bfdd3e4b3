import { calibrated, CALIBRATION, decide } from './calibrate';

describe('calibrated confidence', () => {
  it('is monotone and stays within the knots', () => {
    let last = -1;
    for (let raw = 0; raw <= 1.0001; raw += 0.01) {
      const c = calibrated(raw);
      expect(c).toBeGreaterThanOrEqual(last);
      expect(c).toBeLessThanOrEqual(0.99);
      last = c;
    }
  });

  it('keeps one generic finding below the confident range and lifts strong evidence into it', () => {
    expect(calibrated(0.56)).toBeLessThan(0.8);
    expect(calibrated(0.8)).toBeGreaterThanOrEqual(0.95);
  });

  it('is what decide reports for a winner', () => {
    const d = decide([
      { category: 'permission', score: 0.7 },
      { category: 'config_error', score: 0.1 },
    ]);
    const raw = 0.7 * (1 - CALIBRATION.runnerUpPenalty * (0.1 / 0.7) ** 3);
    expect(d.confidence).toBeCloseTo(calibrated(raw), 3);
  });
});
