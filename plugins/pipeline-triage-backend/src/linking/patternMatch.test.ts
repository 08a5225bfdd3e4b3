import fc from 'fast-check';
import {
  compileWildcard,
  matches,
  matchWildcard,
  parsePatterns,
  type StepCounter,
} from './patternMatch';

/** The obvious reference: the regular expression the matcher replaced, for short inputs only. */
const reference = (pattern: string, name: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'is',
  ).test(name);

describe('annotation patterns', () => {
  it('matches exact names case-insensitively and `*` as any run of characters', () => {
    const [exact, glob, both] = parsePatterns(
      'Orders_Daily, model.shop.*, *.load*_v*',
    );
    expect(matches(exact, 'orders_daily')).toBe(true);
    expect(matches(exact, 'orders_daily2')).toBe(false);
    expect(matches(glob, 'MODEL.shop.orders')).toBe(true);
    expect(matches(glob, 'model.shop.')).toBe(true);
    expect(matches(glob, 'model.shopx')).toBe(false);
    expect(matches(both, 'dag.load_v2')).toBe(true);
    expect(matches(both, 'dag.loadX_v')).toBe(true);
    expect(matches(both, 'dag.lod_v2')).toBe(false);
    // The prefix and suffix may not share characters: `ab*ba` needs at least four.
    expect(matchWildcard(compileWildcard('ab*ba'), 'aba')).toBe(false);
    expect(matchWildcard(compileWildcard('ab*ba'), 'abba')).toBe(true);
  });

  it('agrees with the regular expression it replaced (property, small alphabet)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[ab*.]{0,8}$/),
        fc.stringMatching(/^[ab.]{0,12}$/),
        (pattern, name) => {
          const compiled = pattern.includes('*')
            ? matchWildcard(compileWildcard(pattern), name)
            : pattern === name;
          expect(compiled).toBe(reference(pattern, name));
        },
      ),
      { seed: Number(process.env.PT_FUZZ_SEED ?? 15), numRuns: 3000 },
    );
  });

  it('does a linear number of comparisons on adversarial names and patterns, without regular expressions', () => {
    const exec = jest.spyOn(RegExp.prototype, 'exec');
    const test = jest.spyOn(RegExp.prototype, 'test');
    try {
      const cases = [
        // Many stars before a missing last character: what makes `.*` backtrack polynomially.
        { pattern: `${'*a'.repeat(20)}*b`, name: 'a'.repeat(50_000) },
        // A part that almost matches everywhere: what makes naive substring search quadratic.
        { pattern: `*${'a'.repeat(999)}b*`, name: 'a'.repeat(50_000) },
        {
          pattern: `x*${'ab'.repeat(200)}c*${'ab'.repeat(200)}*y`,
          name: `x${'ab'.repeat(25_000)}y`,
        },
      ];
      for (const { pattern, name } of cases) {
        const counter: StepCounter = { steps: 0 };
        expect(matchWildcard(compileWildcard(pattern), name, counter)).toBe(
          false,
        );
        expect(counter.steps).toBeGreaterThan(0);
        expect(counter.steps).toBeLessThanOrEqual(
          2 * (name.length + pattern.length),
        );
      }
      expect(exec).not.toHaveBeenCalled();
      expect(test).not.toHaveBeenCalled();
    } finally {
      exec.mockRestore();
      test.mockRestore();
    }
  });
});
