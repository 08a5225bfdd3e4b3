import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { WordModel } from './trainWordModel';

export interface WordGuess {
  category: Category;
  /** The model's posterior for the category among those it compared. */
  posterior: number;
  /** The runner-up categories with their posteriors. */
  others: Array<{ category: Category; posterior: number }>;
  /** The words that spoke most for the category (most characteristic first). */
  words: string[];
}

const SMOOTHING = 1;

/**
 * Naive Bayes over the words of the error lines: which category's labelled failures use these
 * words most. `among` limits the comparison (for a tie between two rule-backed categories).
 */
export function guessCategory(
  model: WordModel,
  tokens: Set<string>,
  among?: Category[],
): WordGuess | undefined {
  const vocabulary = Object.keys(model.words).length;
  const known = [...tokens].filter(t => model.words[t]);
  if (known.length === 0) return undefined;
  const all = model.cases.reduce((a, b) => a + b, 0);
  const scored = model.categories
    .map((category, i) => ({ category, i }))
    .filter(({ category }) => !among || among.includes(category))
    .map(({ category, i }) => {
      let score = Math.log(model.cases[i] / all);
      const denominator = model.totals[i] + SMOOTHING * vocabulary;
      for (const t of known)
        score += Math.log((model.words[t][i] + SMOOTHING) / denominator);
      return { category, i, score };
    })
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return undefined;
  const top = scored[0].score;
  const z = scored.reduce((sum, s) => sum + Math.exp(s.score - top), 0);
  const posteriors = scored.map(s => ({
    category: s.category,
    posterior: Math.exp(s.score - top) / z,
  }));
  // Characteristic words: how much likelier under the winner than across all failures.
  const w = scored[0].i;
  const totalAll = model.totals.reduce((a, b) => a + b, 0);
  const lift = (t: string) => {
    const counts = model.words[t];
    const inWinner =
      (counts[w] + SMOOTHING) / (model.totals[w] + SMOOTHING * vocabulary);
    const overall =
      (counts.reduce((a, b) => a + b, 0) + SMOOTHING) /
      (totalAll + SMOOTHING * vocabulary);
    return inWinner / overall;
  };
  const words = known
    .filter(t => lift(t) > 1.2)
    .sort((a, b) => lift(b) - lift(a))
    .slice(0, 5)
    .map(t => t.replace(/^~/, ''));
  return {
    category: posteriors[0].category,
    posterior: posteriors[0].posterior,
    others: posteriors.slice(1, 3),
    words: [...new Set(words)],
  };
}
