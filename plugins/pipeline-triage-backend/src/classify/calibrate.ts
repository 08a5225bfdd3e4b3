/**
 * From raw category scores to a decision and a confidence that means "probability the
 * category is right". Scores saturate towards 1 with specific evidence; the runner-up
 * pulls confidence down the closer it gets.
 */
export const CALIBRATION = {
  /** Below this, nothing supports a category: the answer is `unknown`. */
  minSupport: 0.3,
  /** Two hypotheses this close (ratio) and both this strong conflict: `unknown`. */
  conflictRatio: 0.97,
  conflictFloor: 0.45,
  /** How strongly a close runner-up lowers confidence (times the cube of the score ratio). */
  runnerUpPenalty: 0.5,
  /**
   * Confidence reported with `unknown`: the share of abstentions that were right (no category
   * fitted) on the tuning cases, shrunk towards even odds because fresh failures abstain
   * wrongly more often than the corpus does.
   */
  unknownConfidence: 0.6,
  /**
   * Rule weights are deliberately conservative, so a single specific finding on the error
   * itself (a named exception, error code or vendor message, weight >= specificWeight, on a
   * root, cause or error line) with no close competitor is right more often than its weight
   * says. Such a verdict keeps only this share of its remaining doubt.
   */
  specificWeight: 0.7,
  specificMaxRatio: 0.5,
  specificDoubt: 0.6,
  /**
   * From the raw score-based confidence to the probability of being right: knots of a
   * monotone piecewise-linear map fitted to the tuning cases' reliability table (`eval`
   * prints it). The raw figure is conservative: on the tuning cases a raw 0.65 was right
   * nine times in ten or more. The map keeps a raw score up to 0.56 (one generic finding)
   * below 0.8, where fresh failures' wrong categories sit, so they do not turn into
   * confident mistakes. On this scale the retry floor is RETRY_CONFIDENCE_FLOOR.
   */
  reliability: [
    [0, 0.3],
    [0.3, 0.6],
    [0.5, 0.76],
    [0.56, 0.79],
    [0.65, 0.86],
    [0.8, 0.96],
    [0.9, 0.985],
    [1, 0.99],
  ] as ReadonlyArray<readonly [number, number]>,
} as const;

/** The calibrated confidence of a raw one (see CALIBRATION.reliability). */
export function calibrated(raw: number): number {
  const knots = CALIBRATION.reliability;
  for (let i = 1; i < knots.length; i += 1) {
    const [a, fa] = knots[i - 1];
    const [b, fb] = knots[i];
    if (raw <= b) return fa + ((fb - fa) * (Math.max(raw, a) - a)) / (b - a);
  }
  return knots[knots.length - 1][1];
}

/** The strongest finding behind the winner: how specific it is and where it matched. */
export interface DecidingHit {
  weight: number;
  /** Role of the matched line, or 'signal' / 'extra'. */
  on: string;
}

const ON_THE_ERROR = new Set(['root', 'cause', 'error']);

/** True when the winner rests on specific evidence on the error itself. */
export function isSpecific(hit: DecidingHit | undefined): boolean {
  return (
    !!hit &&
    hit.weight >= CALIBRATION.specificWeight &&
    ON_THE_ERROR.has(hit.on)
  );
}

export interface Decision {
  winner: string | 'unknown';
  confidence: number;
  reason?: 'no_support' | 'conflict';
}

export function decide(
  ranked: Array<{ category: string; score: number }>,
  deciding?: DecidingHit,
): Decision {
  const [first, second] = ranked;
  if (!first || first.score < CALIBRATION.minSupport) {
    return {
      winner: 'unknown',
      confidence: CALIBRATION.unknownConfidence,
      reason: 'no_support',
    };
  }
  const s2 = second?.score ?? 0;
  const ratio = s2 / first.score;
  if (ratio >= CALIBRATION.conflictRatio && s2 >= CALIBRATION.conflictFloor) {
    return {
      winner: 'unknown',
      confidence: CALIBRATION.unknownConfidence,
      reason: 'conflict',
    };
  }
  // The cube keeps a distant runner-up (generic wording) from eroding a clear win, while a
  // close one still halves it.
  let confidence = first.score * (1 - CALIBRATION.runnerUpPenalty * ratio ** 3);
  if (ratio < CALIBRATION.specificMaxRatio && isSpecific(deciding)) {
    confidence = 1 - (1 - confidence) * CALIBRATION.specificDoubt;
  }
  return {
    winner: first.category,
    confidence: Math.round(calibrated(confidence) * 1000) / 1000,
  };
}
