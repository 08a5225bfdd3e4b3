import type { LineRole } from '../evidence';

/**
 * How much a match counts depending on the line it is on. The root cause counts fully; a
 * wrapper ("Task failed with exception") or a stack frame barely: the same words there are
 * an echo of the root, not independent evidence.
 */
export const SALIENCE: Record<LineRole | 'signal', number> = {
  root: 1,
  cause: 0.95,
  error: 0.9,
  warning: 0.6,
  context: 0.55,
  wrapper: 0.4,
  retried: 0.3,
  frame: 0.3,
  signal: 1,
};
