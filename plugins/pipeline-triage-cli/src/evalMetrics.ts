import type {
  Category,
  PartialWrite,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { Calibration, computeCalibration } from './evalCalibration';

export interface EvalRecord {
  id: string;
  input: string;
  expected: {
    category: Category;
    acceptable: Category[];
    safe_to_retry?: boolean;
    partial_write?: boolean;
  };
  predicted: {
    category: Category;
    confidence: number;
    safeToRetry: boolean;
    partialWrite: PartialWrite;
  };
}

export interface EvalReport {
  cases: number;
  accuracy: number;
  safeRetry: {
    precision: number | null;
    recall: number | null;
    predictedSafe: number;
    actuallySafe: number;
    truePositives: number;
  };
  /** Share of all cases predicted with confidence >= 0.8 and wrong. */
  falseConfidenceRate: number;
  /** Share of all cases predicted with confidence >= 0.8. */
  highConfidenceShare: number;
  /** Mean squared error of confidence as the probability that the category is right. */
  brier: number;
  /** Reliability table, expected calibration error and the accuracy at confidence >= 0.8. */
  calibration: Calibration;
  partialWrite: {
    recall: number | null;
    expectedTrue: number;
    predictedTrueOfThose: number;
  };
  perCategory: Record<
    string,
    { cases: number; correct: number; recall: number }
  >;
  confusion: Array<{ expected: string; predicted: string; count: number }>;
  misses: Array<{
    id: string;
    expected: string;
    acceptable: string[];
    predicted: string;
    confidence: number;
  }>;
}

export const HIGH_CONFIDENCE = 0.8;

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const round = (x: number | null): number | null =>
  x === null ? null : Math.round(x * 1000) / 1000;

export function isCorrect(r: EvalRecord): boolean {
  return (
    r.predicted.category === r.expected.category ||
    r.expected.acceptable.includes(r.predicted.category)
  );
}

/** The figures of an eval run; pure, so the CLI and tests compute them the same way. */
export function computeEvalReport(records: EvalRecord[]): EvalReport {
  const n = records.length;
  let correct = 0;
  let highConfidence = 0;
  let falseConfident = 0;
  let brier = 0;
  let predictedSafe = 0;
  let actuallySafe = 0;
  let truePositives = 0;
  let expectedPartial = 0;
  let foundPartial = 0;
  const perCategory: EvalReport['perCategory'] = {};
  const confusion = new Map<string, number>();
  const misses: EvalReport['misses'] = [];

  for (const r of records) {
    const ok = isCorrect(r);
    const conf = r.predicted.confidence;
    if (ok) correct += 1;
    if (conf >= HIGH_CONFIDENCE) {
      highConfidence += 1;
      if (!ok) falseConfident += 1;
    }
    brier += (conf - (ok ? 1 : 0)) ** 2;
    const cat = (perCategory[r.expected.category] ??= {
      cases: 0,
      correct: 0,
      recall: 0,
    });
    cat.cases += 1;
    if (ok) cat.correct += 1;
    else {
      const key = `${r.expected.category}\u0000${r.predicted.category}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
      misses.push({
        id: r.id,
        expected: r.expected.category,
        acceptable: r.expected.acceptable,
        predicted: r.predicted.category,
        confidence: conf,
      });
    }
    if (r.expected.safe_to_retry !== undefined) {
      if (r.predicted.safeToRetry) predictedSafe += 1;
      if (r.expected.safe_to_retry) actuallySafe += 1;
      if (r.predicted.safeToRetry && r.expected.safe_to_retry)
        truePositives += 1;
    }
    if (r.expected.partial_write === true) {
      expectedPartial += 1;
      if (r.predicted.partialWrite === 'true') foundPartial += 1;
    }
  }
  for (const c of Object.values(perCategory))
    c.recall = round(c.correct / c.cases)!;
  return {
    cases: n,
    accuracy: round(n === 0 ? 0 : correct / n)!,
    safeRetry: {
      precision: round(ratio(truePositives, predictedSafe)),
      recall: round(ratio(truePositives, actuallySafe)),
      predictedSafe,
      actuallySafe,
      truePositives,
    },
    falseConfidenceRate: round(n === 0 ? 0 : falseConfident / n)!,
    highConfidenceShare: round(n === 0 ? 0 : highConfidence / n)!,
    brier: round(n === 0 ? 0 : brier / n)!,
    calibration: computeCalibration(
      records.map(r => ({
        confidence: r.predicted.confidence,
        correct: isCorrect(r),
      })),
      10,
      HIGH_CONFIDENCE,
    ),
    partialWrite: {
      recall: round(ratio(foundPartial, expectedPartial)),
      expectedTrue: expectedPartial,
      predictedTrueOfThose: foundPartial,
    },
    perCategory,
    confusion: [...confusion.entries()]
      .map(([k, count]) => {
        const [expected, predicted] = k.split('\u0000');
        return { expected, predicted, count };
      })
      .sort(
        (a, b) => b.count - a.count || a.expected.localeCompare(b.expected),
      ),
    misses,
  };
}
