import {
  Category,
  Hypothesis,
  WORD_MODEL_RULE,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Evidence } from '../../evidence';
import { guessCategory } from './guessCategory';
import type { WordModel } from './trainWordModel';
import { errorLines, wordTokens } from './wordTokens';
import MODEL from './wordModel.json';

/**
 * Posterior of the word model below which the engine keeps `unknown`, and the calibrated
 * confidence of a guess by posterior. Both come from replaying the engine on each tuning case
 * as it was first seen (`npm run eval:first-seen -- --records`): where no rule fired, a guess
 * with posterior >= 0.8 was right about half the time against 27 % for abstaining (and every
 * such case had at least five known words: the floor only keeps one-line messages out). Every figure
 * stays below the retry floor (0.75) and the investigator's threshold (0.8): a guess never
 * makes a retry safe, and the model, when configured, still investigates.
 */
export const WORD_FALLBACK = {
  minPosterior: 0.8,
  /** Fewer known words than this (a one-line message) is too little to lean on. */
  minWords: 5,
  confidence: [
    [0.9, 0.45],
    [0.99, 0.55],
    [1.01, 0.7],
  ] as ReadonlyArray<readonly [number, number]>,
} as const;

export interface WordFallback {
  category: Category;
  confidence: number;
  evidence: string[];
  hypotheses: Hypothesis[];
}

function confidenceOf(posterior: number): number {
  for (const [below, confidence] of WORD_FALLBACK.confidence)
    if (posterior < below) return confidence;
  return WORD_FALLBACK.confidence[WORD_FALLBACK.confidence.length - 1][1];
}

/**
 * When no rule settles the category: the category whose labelled failures use the words of
 * these error lines most, as a lead with low confidence, or nothing when the words do not
 * point clearly one way. `among` restricts it to the categories the rules could not separate.
 */
export function wordFallback(
  evidence: Evidence,
  among?: Category[],
  model: WordModel = MODEL as WordModel,
): WordFallback | undefined {
  const lines = errorLines(evidence);
  // Wrappers alone ("Job aborted", "Task failed") say that something failed, not what: such a
  // log stays `unknown` and asks for the real error.
  if (lines.every(l => l.role === 'wrapper')) return undefined;
  const tokens = wordTokens(lines);
  const known = [...tokens].filter(t => model.words[t]).length;
  if (known < WORD_FALLBACK.minWords) return undefined;
  const guess = guessCategory(model, tokens, among);
  if (
    !guess ||
    guess.category === 'unknown' ||
    guess.posterior < WORD_FALLBACK.minPosterior
  )
    return undefined;
  const confidence = confidenceOf(guess.posterior);
  const words = guess.words.length
    ? `its error lines use words that mark ${
        guess.category
      } failures (${guess.words.map(w => `"${w}"`).join(', ')})`
    : `its error lines read most like ${guess.category} failures`;
  const lineIds = lines
    .filter(l => guess.words.some(w => l.lower.includes(w)))
    .map(l => l.id)
    .slice(0, 3);
  return {
    category: guess.category,
    confidence,
    evidence: lineIds,
    hypotheses: [
      {
        category: guess.category,
        score: Number(guess.posterior.toFixed(2)),
        rules: [WORD_MODEL_RULE],
        reason: `No rule recognised this failure; ${words}. A lead, not a finding: confirm it against the log.`,
      },
      ...guess.others
        .filter(o => o.category !== 'unknown')
        .map(o => ({
          category: o.category,
          score: Number(o.posterior.toFixed(2)),
          rules: [WORD_MODEL_RULE],
          reason: `Fewer of its words are typical of ${
            o.category
          } failures (word model ${o.posterior.toFixed(2)}).`,
        })),
    ],
  };
}
