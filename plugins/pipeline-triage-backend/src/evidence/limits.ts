/**
 * Bounds of the evidence reader. They keep one pathological log (a 50 MB line, a million
 * stack frames) from costing more than a normal one.
 */
export const EVIDENCE_LIMITS = {
  /** Longer lines are cut: every regex downstream then runs on at most this many characters. */
  maxLineLength: 4096,
  /** Below this many lines everything is kept, so short events are read in full. */
  keepAllUpTo: 2000,
  /** Lines kept before and after each error line, in bounded mode. */
  contextBefore: 2,
  contextAfter: 3,
  /** Stack frames kept after each exception line; deeper frames rarely add a signal. */
  framesPerException: 12,
  /** Error windows kept from the start of the log ... */
  headWindows: 150,
  /** ... and the most recent ones (the failure is usually near the end). */
  recentWindows: 250,
  /** Last lines of the log, always kept. */
  tailLines: 60,
} as const;

/** @alpha */
export type EvidenceLimits = {
  -readonly [K in keyof typeof EVIDENCE_LIMITS]: number;
};
