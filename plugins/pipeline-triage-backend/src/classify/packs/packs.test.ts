import { CATEGORIES } from '@pipeline-triage/plugin-pipeline-triage-common';
import { compileRulePacks } from '../compileRules';
import { BUILT_IN_RULE_PACKS } from '.';

describe('built-in rule packs', () => {
  it('are one pack per platform family', () => {
    expect(BUILT_IN_RULE_PACKS.map(p => p.name)).toEqual([
      'jvm-spark',
      'python-airflow',
      'sql-warehouse',
      'dbt',
      'kafka-streaming',
      'beam-dataflow',
      'dlt-loads',
      'ingestion-connectors',
      'cloud-storage-iam',
      'kubernetes-yarn',
      'table-formats',
      'waits-checks-files',
      'newer-engines',
      'config-reporting',
      'config-code-seams',
      'tool-config-families',
      'settings-behind-transients',
      'own-limits-behind-transients',
      'repeating-causes-behind-transients',
      'connection-settings',
      'general-reports',
      'forum-reports',
      'provider-operators',
      'housekeeping-steps',
      'generic',
      'vendor-codes',
      'exception-name-words',
    ]);
  });

  it('have unique ids, known categories, weights in (0, 1] and something to match', () => {
    const ids = new Set<string>();
    for (const pack of BUILT_IN_RULE_PACKS) {
      for (const rule of pack.rules) {
        expect(ids.has(rule.id)).toBe(false);
        ids.add(rule.id);
        expect(CATEGORIES).toContain(rule.category);
        expect(rule.category).not.toBe('unknown');
        expect(rule.weight).toBeGreaterThan(0);
        expect(rule.weight).toBeLessThanOrEqual(1);
        expect(
          (rule.patterns?.length ?? 0) > 0 ||
            (rule.signals?.length ?? 0) > 0 ||
            !!rule.code,
        ).toBe(true);
      }
    }
  });

  it('compile, and most pattern rules get a keyword prefilter', () => {
    const set = compileRulePacks(BUILT_IN_RULE_PACKS);
    const patternRules = set.rules.length - set.predicateRules.length;
    expect(set.alwaysRules.length / patternRules).toBeLessThan(0.1);
  });
});
