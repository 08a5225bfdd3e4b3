import { checkRegexSafety, probeRegexCost } from './safeRegex';
import { BUILT_IN_RULE_PACKS } from './packs';
import { toPatternDef } from './compileRules';

describe('checkRegexSafety', () => {
  it.each(['(a+)+', '(a*)*b', '(a|a)*', '(\\w+\\s?)*$', '(?:x|xy)+z', '(\\d|\\w)+!', '(a?)+', '(.*a){20}', '(a)\\1', '.*a.*b', 'x.*y.*z', '.*timeout'])(
    'rejects %s',
    source => {
      expect(checkRegexSafety(source).safe).toBe(false);
    },
  );

  it.each(['Connection refused', 'exit code (\\d+)', '(?:foo|bar)+baz', '\\[([A-Z_]+)\\]', 'timeout.*', 'a{2,5}', '[a-z]+@[a-z]+\\.com', "invalid identifier '[^']+' in '[^']+'", 'x.*y|z.*w', 'a.{0,200}b.{0,200}c'])(
    'accepts %s',
    source => {
      expect(checkRegexSafety(source).safe).toBe(true);
    },
  );

  it('holds the built-in patterns to the same standard', () => {
    for (const pack of BUILT_IN_RULE_PACKS) {
      for (const rule of pack.rules) {
        for (const p of [...(rule.patterns ?? []), ...(rule.unless ?? []), ...(rule.requires ?? [])]) {
          const { source } = toPatternDef(p);
          expect({ rule: rule.id, ...checkRegexSafety(source) }).toEqual({ rule: rule.id, safe: true });
        }
      }
    }
  });
});

describe('probeRegexCost', () => {
  it('measures a pattern on adversarial input', () => {
    expect(probeRegexCost(/Connection refused/).safe).toBe(true);
    // Quadratic on a run of digits: harmless at 1 KB with a normal budget, caught by a tiny one.
    // (Exponential shapes never get here: they would not return, so the structural check runs first.)
    expect(probeRegexCost(/\d+\d+x/, 0.001).safe).toBe(false);
  });
});
