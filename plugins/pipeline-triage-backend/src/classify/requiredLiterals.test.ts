import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toPatternDef, compilePattern } from './compileRules';
import { BUILT_IN_RULE_PACKS } from './packs';
import { requiredLiterals } from './requiredLiterals';

describe('requiredLiterals', () => {
  it('finds one literal per branch', () => {
    expect(requiredLiterals('Container killed by YARN|OOMKilled')).toEqual([
      'container killed by yarn',
      'oomkilled',
    ]);
    expect(requiredLiterals('(?:AccessDenied|Forbidden)')).toEqual([
      'accessdenied',
      'forbidden',
    ]);
    expect(requiredLiterals('exit code (\\d+) after retries')).toEqual([
      ' after retries',
    ]);
    expect(requiredLiterals('No such file\\.? or directory')).toEqual([
      ' or directory',
    ]);
  });

  it('gives up when a branch has no usable literal', () => {
    expect(requiredLiterals('\\d+|timeout')).toBeUndefined();
    expect(requiredLiterals('(foo|bar)')).toEqual(['foo', 'bar']);
    expect(requiredLiterals('(foo)?x')).toBeUndefined();
  });

  // Soundness on real text: a line the regex matches always contains one of the literals.
  it('never skips a line that a built-in pattern matches', () => {
    const texts: string[] = [];
    for (const dir of [
      '../../fixtures/cases/tuning',
      '../../fixtures/cases/holdout',
    ]) {
      const abs = join(__dirname, dir);
      let files: string[] = [];
      try {
        files = readdirSync(abs).filter(f => f.endsWith('.json'));
      } catch {
        continue;
      }
      for (const f of files)
        texts.push(
          ...String(
            JSON.parse(readFileSync(join(abs, f), 'utf8')).log ?? '',
          ).split('\n'),
        );
    }
    texts.push(
      'java.lang.OutOfMemoryError: Java heap space',
      'Connection refused',
      'SLOWDOWN slow down',
    );
    const missed: string[] = [];
    for (const pack of BUILT_IN_RULE_PACKS) {
      for (const rule of pack.rules) {
        for (const p of rule.patterns ?? []) {
          const literals = requiredLiterals(toPatternDef(p).source);
          if (!literals) continue;
          const re = compilePattern(p);
          for (const text of texts) {
            const lower = text.toLowerCase();
            if (re.test(text) && !literals.some(l => lower.includes(l)))
              missed.push(`${rule.id}: ${text}`);
          }
        }
      }
    }
    expect(missed).toEqual([]);
  });
});
