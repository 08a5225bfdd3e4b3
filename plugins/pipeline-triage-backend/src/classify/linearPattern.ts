import { RE2JS } from 're2js';
import type { PatternDef } from './ruleTypes';

/** What the scorer needs of a pattern: does it occur in this line. */
export interface LineMatcher {
  test(text: string): boolean;
}

const FLAGS: Record<string, number> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
  // RE2 always matches by code point.
  u: 0,
};

const ENGINE =
  'not accepted by the linear-time engine (RE2 syntax; no back-references or lookaround): ';

/**
 * A user pattern compiled for RE2JS, the JavaScript port of RE2: matching time is linear in the
 * line whatever the pattern, so a user pack cannot stall the engine with `(a+)+$`. RE2 has no
 * back-references and no lookaround, which are the features that need backtracking; a pattern
 * using them is refused with the engine's reason.
 */
export function compileLinearPattern(def: PatternDef): LineMatcher {
  let flags = 0;
  for (const flag of def.flags ?? '') {
    if (!(flag in FLAGS))
      throw new Error(`flag '${flag}' is not supported (i, m, s, u)`);
    flags |= FLAGS[flag];
  }
  // RE2JS's translation would quietly turn `\k<name>` into the letters `k<name>`.
  if (hasNamedBackReference(def.source))
    throw new Error(`${ENGINE}back-reference \\k<...>`);
  try {
    return RE2JS.compile(RE2JS.translateRegExp(def.source), flags);
  } catch (e) {
    throw new Error(`${ENGINE}${(e as Error).message}`);
  }
}

function hasNamedBackReference(source: string): boolean {
  for (let i = 0; i < source.length - 2; i++) {
    if (source[i] !== '\\') continue;
    if (source[i + 1] === 'k' && source[i + 2] === '<') return true;
    i++; // an escaped character, e.g. the second backslash of `\\k<`
  }
  return false;
}
