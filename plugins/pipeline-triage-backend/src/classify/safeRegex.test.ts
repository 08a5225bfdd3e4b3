import { checkRegexSafety, probeRegexCost } from './safeRegex';
import { BUILT_IN_RULE_PACKS } from './packs';
import { toPatternDef } from './compileRules';

describe('checkRegexSafety', () => {
  it.each(['(a+)+', '(a*)*b', '(a|a)*', '(\\w+\\s?)*$', '(?:x|xy)+z', '(\\d|\\w)+!', '(a?)+', '(.*a){20}', '(a)\\1'])(
    'rejects %s',
    source => {
      expect(checkRegexSafety(source).safe).toBe(false);
    },
  );

  it.each(['Connection refused', 'exit code (\\d+)', '(?:foo|bar)+baz', '\\[([A-Z_]+)\\]', '.*timeout.*', 'a{2,5}', '[a-z]+@[a-z]+\\.com'])(
    'accepts %s',
    source => {
      expect(checkRegexSafety(source).safe).toBe(true);
    },
  );

  it('holds the built-in patterns to the same standard', () => {
    for (const pack of BUILT_IN_RULE_PACKS) {
      for (const rule of pack.rules) {
        for (const p of [...(rule.patterns ?? []), ...(rule.unless ?? [])]) {
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
    // Exponential on the probe strings; the structural check would also catch it.
    expect(probeRegexCost(/^(a|aa)+$/, 5).safe).toBe(false);
  });
});
