/** One bin of the reliability table: cases whose confidence fell in [from, to). */
export interface ReliabilityBin {
  from: number;
  to: number;
  cases: number;
  /** Mean confidence of the bin's cases (null when empty). */
  meanConfidence: number | null;
  /** Share of the bin's cases whose category was right (null when empty). */
  accuracy: number | null;
}

export interface Calibration {
  bins: ReliabilityBin[];
  /** Expected calibration error: case-weighted mean of |accuracy - mean confidence| over the bins. */
  ece: number;
  /** Share of cases at confidence >= 0.8 that were right (null when there are none). */
  highConfidenceAccuracy: number | null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Confidence against observed accuracy, in equal-width bins (the last one closed at 1). A
 * calibrated engine's 0.7 is right about 70 % of the time; ECE sums how far off it is.
 */
export function computeCalibration(
  points: Array<{ confidence: number; correct: boolean }>,
  binCount = 10,
  high = 0.8,
): Calibration {
  const sums = Array.from({ length: binCount }, () => ({
    n: 0,
    conf: 0,
    right: 0,
  }));
  let highN = 0;
  let highRight = 0;
  for (const p of points) {
    const c = Math.min(1, Math.max(0, p.confidence));
    const b = sums[Math.min(binCount - 1, Math.floor(c * binCount))];
    b.n += 1;
    b.conf += c;
    if (p.correct) b.right += 1;
    if (c >= high) {
      highN += 1;
      if (p.correct) highRight += 1;
    }
  }
  const n = points.length;
  let ece = 0;
  const bins = sums.map((b, i) => {
    if (b.n > 0) ece += (b.n / n) * Math.abs(b.right / b.n - b.conf / b.n);
    return {
      from: round(i / binCount),
      to: round((i + 1) / binCount),
      cases: b.n,
      meanConfidence: b.n ? round(b.conf / b.n) : null,
      accuracy: b.n ? round(b.right / b.n) : null,
    };
  });
  return {
    bins,
    ece: n ? round(ece) : 0,
    highConfidenceAccuracy: highN ? round(highRight / highN) : null,
  };
}
