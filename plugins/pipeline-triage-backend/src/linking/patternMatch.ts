/**
 * Annotation values list names separated by commas; `*` matches any run of characters.
 * Compiled once per catalog snapshot, not per event.
 *
 * Job and dataset names come from senders, so a pattern is matched without regular expressions:
 * the text before the first `*` must start the name, the text after the last must end it, and
 * the parts between are found left to right with Knuth-Morris-Pratt. Taking the leftmost place
 * of each part is always right for `*`-only patterns, so no position is ever tried twice and a
 * match costs at most about twice the name's length plus the pattern's, whatever the input.
 */
export interface NamePattern {
  raw: string;
  /** The whole name, lower case, when the pattern has no `*`. */
  exact?: string;
  wildcard?: Wildcard;
}

export interface Wildcard {
  prefix: string;
  suffix: string;
  /** The non-empty parts between the first and the last `*`, in order. */
  middle: Segment[];
}

interface Segment {
  text: string;
  /** KMP failure function: the length of the longest proper border of text[0..i]. */
  border: Int32Array;
}

/** Counts character comparisons, so tests can show the cost is linear without timing. */
export interface StepCounter {
  steps: number;
}

const lower = (s: string) => s.toLocaleLowerCase('en-US');

export function parsePatterns(value: string | undefined): NamePattern[] {
  if (!value) return [];
  return value
    .split(',')
    .map(v => v.trim())
    .filter(Boolean)
    .map(raw =>
      raw.includes('*')
        ? { raw, wildcard: compileWildcard(raw) }
        : { raw, exact: lower(raw) },
    );
}

export function compileWildcard(pattern: string): Wildcard {
  const parts = lower(pattern).split('*');
  return {
    prefix: parts[0],
    suffix: parts[parts.length - 1],
    middle: parts
      .slice(1, -1)
      .filter(Boolean)
      .map(text => ({ text, border: borders(text) })),
  };
}

export function matches(
  pattern: NamePattern,
  candidate: string,
  counter?: StepCounter,
): boolean {
  if (pattern.exact !== undefined) return pattern.exact === lower(candidate);
  return matchWildcard(pattern.wildcard!, candidate, counter);
}

export function matchWildcard(
  w: Wildcard,
  candidate: string,
  counter?: StepCounter,
): boolean {
  const name = lower(candidate);
  const end = name.length - w.suffix.length;
  if (end < w.prefix.length) return false;
  if (counter) counter.steps += w.prefix.length + w.suffix.length;
  if (!name.startsWith(w.prefix) || !name.endsWith(w.suffix)) return false;
  let from = w.prefix.length;
  for (const segment of w.middle) {
    const after = find(segment, name, from, end, counter);
    if (after < 0) return false;
    from = after;
  }
  return true;
}

function borders(text: string): Int32Array {
  const border = new Int32Array(text.length);
  for (let i = 1, k = 0; i < text.length; i++) {
    while (k > 0 && text[i] !== text[k]) k = border[k - 1];
    if (text[i] === text[k]) k++;
    border[i] = k;
  }
  return border;
}

/** The index just after the first occurrence of the segment in name[from, end), or -1. */
function find(
  segment: Segment,
  name: string,
  from: number,
  end: number,
  counter?: StepCounter,
): number {
  const { text, border } = segment;
  let steps = 0;
  for (let i = from, k = 0; i < end; i++) {
    while (k > 0 && name[i] !== text[k]) {
      k = border[k - 1];
      steps++;
    }
    steps++;
    if (name[i] === text[k]) k++;
    if (k === text.length) {
      if (counter) counter.steps += steps;
      return i + 1;
    }
  }
  if (counter) counter.steps += steps;
  return -1;
}
