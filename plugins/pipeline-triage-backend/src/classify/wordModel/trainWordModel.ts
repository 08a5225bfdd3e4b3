import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';

/**
 * A word model: per category, how many labelled failures it was trained on and how many of
 * them had each word on an error line. Only words seen in at least `minCases` failures are
 * kept: a word of one failure is usually a name the report carried, not a kind of failure.
 */
export interface WordModel {
  /** What the model was trained on, so a test can tell it is in step with the corpus. */
  trainedOn: { cases: number; digest: string };
  minCases: number;
  categories: Category[];
  /** Failures per category, in the order of `categories`. */
  cases: number[];
  /** Word occurrences per category (the sum over its failures of their distinct kept words). */
  totals: number[];
  /** Word -> failures per category that had it, in the order of `categories`. */
  words: Record<string, number[]>;
}

export interface LabelledTokens {
  id: string;
  category: Category;
  tokens: Set<string>;
}

export function trainWordModel(
  examples: LabelledTokens[],
  digest: string,
  minCases = 2,
): WordModel {
  // `unknown` is a class too: failures that carried too little to tell have words of their own
  // (a bare exit code, a truncated log), and a guess of `unknown` keeps the abstention.
  const categories = [...new Set(examples.map(e => e.category))].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const df = new Map<string, number>();
  for (const e of examples)
    for (const t of e.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const words: Record<string, number[]> = {};
  const cases = categories.map(() => 0);
  const totals = categories.map(() => 0);
  for (const e of examples) {
    const i = index.get(e.category);
    if (i === undefined) continue;
    cases[i] += 1;
    for (const t of e.tokens) {
      if ((df.get(t) ?? 0) < minCases) continue;
      (words[t] ??= categories.map(() => 0))[i] += 1;
      totals[i] += 1;
    }
  }
  const sorted: Record<string, number[]> = {};
  for (const w of Object.keys(words).sort()) sorted[w] = words[w];
  return {
    trainedOn: { cases: examples.length, digest },
    minCases,
    categories,
    cases,
    totals,
    words: sorted,
  };
}
