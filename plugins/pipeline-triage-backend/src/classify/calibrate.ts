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
  /** Confidence reported with `unknown`: it is rarely the right label, and says so. */
  unknownConfidence: 0.2,
} as const;

export interface Decision {
  winner: string | 'unknown';
  confidence: number;
  reason?: 'no_support' | 'conflict';
}

export function decide(ranked: Array<{ category: string; score: number }>): Decision {
  const [first, second] = ranked;
  if (!first || first.score < CALIBRATION.minSupport) {
    return { winner: 'unknown', confidence: CALIBRATION.unknownConfidence, reason: 'no_support' };
  }
  const s2 = second?.score ?? 0;
  const ratio = s2 / first.score;
  if (ratio >= CALIBRATION.conflictRatio && s2 >= CALIBRATION.conflictFloor) {
    return { winner: 'unknown', confidence: CALIBRATION.unknownConfidence, reason: 'conflict' };
  }
  // The cube keeps a distant runner-up (generic wording) from eroding a clear win, while a
  // close one still halves it.
  const confidence = first.score * (1 - CALIBRATION.runnerUpPenalty * ratio ** 3);
  return { winner: first.category, confidence: Math.round(confidence * 1000) / 1000 };
}
