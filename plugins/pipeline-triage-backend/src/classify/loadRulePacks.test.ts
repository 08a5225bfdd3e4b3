import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractEvidence } from '../evidence';
import { classify } from './classify';
import { compileRulePacks } from './compileRules';
import { loadRulePackFile, parseRulePack } from './loadRulePacks';
import { BUILT_IN_RULE_PACKS } from './packs';

function writePack(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  const file = join(dir, 'acme-rules.yaml');
  writeFileSync(file, text);
  return file;
}

describe('user rule packs', () => {
  it('loads a YAML pack that classifies through the same engine', () => {
    const file = writePack(`
name: acme
rules:
  - id: acme-vault-sealed
    category: dependency_unavailable
    description: Vault is sealed
    patterns: ['Vault is sealed']
    weight: 0.9
`);
    const pack = loadRulePackFile(file);
    const rules = compileRulePacks([...BUILT_IN_RULE_PACKS, pack]);
    const c = classify(
      extractEvidence({
        logExcerpt: 'ERROR secret fetch failed: Vault is sealed',
      }),
      { rules },
    );
    expect(c.category).toBe('dependency_unavailable');
    expect(c.rules).toContain('acme-vault-sealed');
  });

  it('matches an exception family by package and ending, leaving out listed classes', () => {
    const file = writePack(`
name: acme
rules:
  - id: acme-pool-exhausted
    category: resource_exhaustion
    code: { system: exception, prefix: 'com.acme.', suffix: 'PoolExhaustedException', except: ['com.acme.legacy.PoolExhaustedException'] }
    weight: 0.9
`);
    const rules = compileRulePacks([
      ...BUILT_IN_RULE_PACKS,
      loadRulePackFile(file),
    ]);
    const of = (log: string) =>
      classify(extractEvidence({ logExcerpt: log }), { rules });
    expect(
      of('com.acme.db.ConnPoolExhaustedException: no free slots').rules,
    ).toContain('acme-pool-exhausted');
    expect(
      of('com.acme.legacy.PoolExhaustedException: no free slots').rules,
    ).not.toContain('acme-pool-exhausted');
  });

  it('names the file, the rule and the field in validation errors', () => {
    const file = writePack(`
name: acme
rules:
  - id: ok-rule
    category: permission
    patterns: ['denied']
    weight: 0.5
  - id: bad-weight
    category: permission
    patterns: ['nope']
    weight: 3
`);
    expect(() => loadRulePackFile(file)).toThrow(
      `Invalid rule pack ${file}: rule 'bad-weight' field 'weight'`,
    );
    expect(() =>
      parseRulePack(
        {
          name: 'x',
          rules: [
            {
              id: 'r1',
              category: 'not_a_category',
              patterns: ['a'],
              weight: 0.5,
            },
          ],
        },
        'app-config pipelineTriage.rules[0]',
      ),
    ).toThrow(
      "Invalid rule pack app-config pipelineTriage.rules[0]: rule 'r1' field 'category'",
    );
    expect(() =>
      parseRulePack(
        {
          name: 'x',
          rules: [{ id: 'r2', category: 'permission', weight: 0.5 }],
        },
        'cfg',
      ),
    ).toThrow(
      "rule 'r2' field 'patterns': a rule needs patterns, signals or code",
    );
    expect(() =>
      parseRulePack(
        {
          name: 'x',
          rules: [
            { id: 'r3', category: 'permission', patterns: ['('], weight: 0.5 },
          ],
        },
        'cfg',
      ),
    ).toThrow("rule 'r3' field 'patterns.0'");
  });

  it('rejects patterns the linear-time engine cannot run, naming file, rule and field', () => {
    expect(() =>
      parseRulePack(
        {
          name: 'x',
          rules: [
            {
              id: 'evil',
              category: 'code_error',
              patterns: ['(?=(a+)+)b'],
              weight: 0.5,
            },
          ],
        },
        'evil.yaml',
      ),
    ).toThrow(
      /Invalid rule pack evil.yaml: rule 'evil' field 'patterns.0': pattern \/\(\?=\(a\+\)\+\)b\/ rejected: not accepted by the linear-time engine/,
    );
    expect(() =>
      parseRulePack(
        {
          name: 'x',
          rules: [
            {
              id: 'alt',
              category: 'code_error',
              patterns: ['ok'],
              unless: ['(x)\\1'],
              weight: 0.5,
            },
          ],
        },
        'f',
      ),
    ).toThrow(/field 'unless.0'.*linear-time engine.*escape/);
    expect(() =>
      parseRulePack(
        {
          name: 'x',
          rules: [
            {
              id: 'req',
              category: 'code_error',
              patterns: ['ok'],
              requires: ['(?<=a)b'],
              weight: 0.5,
            },
          ],
        },
        'f',
      ),
    ).toThrow(/rule 'req' field 'requires.0'.*linear-time engine/);
  });

  it('reports unreadable and malformed files by name', () => {
    expect(() => loadRulePackFile('/nonexistent/rules.yaml')).toThrow(
      'Cannot read rule pack /nonexistent/rules.yaml',
    );
    const file = writePack('name: [unclosed');
    expect(() => loadRulePackFile(file)).toThrow(
      `Invalid rule pack ${file}: not valid YAML`,
    );
  });

  it('lets a user rule with a built-in id retune or switch it off', () => {
    const off = parseRulePack(
      {
        name: 'o',
        rules: [
          {
            id: 'jvm-out-of-memory',
            category: 'resource_exhaustion',
            patterns: ['OutOfMemoryError'],
            weight: 0,
          },
        ],
      },
      'o',
    );
    const rules = compileRulePacks([...BUILT_IN_RULE_PACKS, off]);
    expect(rules.rules.some(r => r.def.id === 'jvm-out-of-memory')).toBe(false);
  });
});
