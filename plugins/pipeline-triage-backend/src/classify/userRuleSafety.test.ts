import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { createTriageEngine } from '../engine';
import { EVIDENCE_LIMITS, extractEvidence } from '../evidence';
import { parseRulePack } from './loadRulePacks';

/** Known catastrophic shapes: exponential, and polynomial of a degree a probe could not survive. */
const CATASTROPHIC = [
  '(a+)+$',
  '(x+x+)+y',
  '(a|aa)+$',
  '(.*)*',
  '^(\\w+\\s?)*$',
  '(\\d+)*[a-z]',
  '([a-zA-Z]+)*$',
  '(a|a?)+',
  '(.*a){12}',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
  '(\\w|\\d)+$',
  '(?:a+){2,}',
  '(a+){10}',
  '(?:\\s*,\\s*)*$',
  '(a|b|ab)*c',
  '^(a?){25}a{25}$',
  '(?:[^"]|"")*"',
  '(\\S+\\s*)+=',
  '\\s*\\s*\\s*$',
  '.*.*=.*',
  '(?:a*)*',
  '(?:a{1,}){1,}',
  '(a+)+?b',
  '(?=(a+)+)b',
  '(?<x>a+)+\\k<x>',
  '[\\s\\S]*[\\s\\S]*x',
  '(?:\\d+\\.?)+$',
  '(ab|a)*c',
  '(a*b?)*c',
  'a*a*a*a*a*b',
  '(.+)+x',
  '\\w+\\w+\\w+\\w+!',
];

/** What rule authors really write: must load. */
const ORDINARY = [
  'Connection refused',
  'OutOfMemoryError: Java heap space',
  'exit code (\\d+)',
  'ERROR \\[[A-Z_]+\\]',
  'timed? ?out after \\d+ ?(?:s|ms|seconds)',
  'relation "[^"]+" does not exist',
  '(?:ORA|PLS)-\\d{5}',
  'Killed process \\d+ \\(java\\)',
  'status(?:Code)?[=:] ?5\\d\\d',
  'column [`"]?\\w+[`"]? not found',
  'a.{0,200}b',
  '(?:foo|bar)+baz',
];

const pack = (pattern: string, field: 'patterns' | 'unless' = 'patterns') => ({
  name: 'team-rules',
  rules: [
    {
      id: 'fine',
      category: 'dependency_unavailable',
      patterns: ['Connection reset by peer'],
      weight: 0.6,
    },
    {
      id: 'custom',
      category: 'code_error',
      weight: 0.8,
      patterns: field === 'patterns' ? [pattern] : ['NullPointerException'],
      ...(field === 'unless' ? { unless: ['harmless', pattern] } : {}),
    },
  ],
});

/** Patterns RE2 cannot run at all: they need backtracking (lookaround, back-references). */
const NEEDS_BACKTRACKING = [
  '(?=(a+)+)b',
  '(?<x>a+)+\\k<x>',
  '(a+)\\1',
  '(?<=a)b',
  '(?!a)(a+)+$',
];

/** Lines that make a backtracking engine explode on the patterns above (each under the 4 KB cap). */
const ADVERSARIAL = ['a', 'x', ' ', '1', 'ab', 'a ', '"', '=', ','].map(
  unit => `${unit.repeat(Math.floor(3000 / unit.length))}!`,
);

describe('user rule patterns on load', () => {
  it.each(NEEDS_BACKTRACKING)(
    'rejects %s with the file, rule and field',
    pattern => {
      expect(() => parseRulePack(pack(pattern), 'rules/team.yaml')).toThrow(
        /^Invalid rule pack rules\/team\.yaml: rule 'custom' field 'patterns\.0': pattern \/.*\/ rejected: not accepted by the linear-time engine/,
      );
      expect(() =>
        parseRulePack(pack(pattern, 'unless'), 'rules/team.yaml'),
      ).toThrow(/rule 'custom' field 'unless\.1': pattern/);
    },
  );

  it('rejects what is not a JavaScript regular expression, naming the field', () => {
    expect(() => parseRulePack(pack('(unclosed'), 'rules/team.yaml')).toThrow(
      /rule 'custom' field 'patterns\.0': invalid regular expression: /,
    );
  });

  it.each(CATASTROPHIC.filter(p => !NEEDS_BACKTRACKING.includes(p)))(
    'loads %s and runs it on lines that make a backtracking engine explode, in linear time',
    pattern => {
      // Loaded through the rule-pack path and run by the engine on every adversarial line. With
      // native RegExp several of these take longer than the age of the universe on one line;
      // the test would never finish. The budget is lifted so that nothing is skipped.
      const engine = createTriageEngine({
        userRulePacks: [pack(pattern)],
        userRuleBudgetMs: 3_600_000,
      });
      const custom = engine.ruleSet.rules.find(r => r.def.id === 'custom')!;
      expect(custom.patterns[0]).not.toBeInstanceOf(RegExp);
      const { verdict } = engine.triage({
        source: 'generic',
        outcome: 'fail',
        job: { namespace: 'airflow', name: 'orders_daily.load' },
        eventTime: '2026-11-20T10:00:00Z',
        errorMessage: 'ERROR task failed',
        logExcerpt: ADVERSARIAL.map(line => `ERROR ${line}`).join('\n'),
      });
      expect(verdict.classification.warnings).toBeUndefined();
      // The same answer as the pattern means: RE2 matching is not an approximation.
      const native = new RegExp(pattern);
      const short = ['aaa', 'xxxy', 'a=b', 'ab c', '12a', 'aab'];
      for (const line of short)
        expect(custom.patterns[0].test(line)).toBe(native.test(line));
    },
  );

  it.each(ORDINARY)('accepts %s', pattern => {
    expect(
      parseRulePack(pack(pattern), 'rules/team.yaml').rules.map(r => r.id),
    ).toEqual(['fine', 'custom']);
  });

  it('keeps built-in packs on native RegExp and runs user packs on the linear-time engine', () => {
    const engine = createTriageEngine({
      userRulePacks: [pack('exit code (\\d+)')],
    });
    const builtIn = engine.ruleSet.rules.filter(
      r => !r.userOrigin && r.patterns.length > 0,
    );
    expect(builtIn.length).toBeGreaterThan(50);
    for (const rule of builtIn)
      for (const re of rule.patterns) expect(re).toBeInstanceOf(RegExp);
    const user = engine.ruleSet.rules.filter(r => r.userOrigin);
    expect(user.map(r => r.def.id).sort()).toEqual(['custom', 'fine']);
    for (const rule of user)
      for (const re of rule.patterns) expect(re).not.toBeInstanceOf(RegExp);
  });
});

describe('user rule packs at classification time', () => {
  const event: FailureEvent = {
    source: 'generic',
    outcome: 'fail',
    job: { namespace: 'airflow', name: 'orders_daily.load' },
    eventTime: '2026-11-20T10:00:00Z',
    errorMessage: 'TeamSpecificError: ledger closed for period 2026-11',
  };
  const teamPack = {
    name: 'team',
    origin: 'rules/team.yaml',
    rules: [
      {
        id: 'team.ledger-closed',
        category: 'code_error',
        weight: 0.95,
        patterns: ['TeamSpecificError: ledger closed'],
      },
    ],
  };

  it('runs user rules within the budget and records no warning', () => {
    const engine = createTriageEngine({ userRulePacks: [teamPack] });
    const { verdict } = engine.triage(event);
    expect(verdict.classification.rules).toContain('team.ledger-closed');
    expect(verdict.classification.warnings).toBeUndefined();
  });

  it('stops a user pack past its per-event budget and says so, naming file, rule and field', () => {
    // Two user rules match the same line. A zero budget is spent by the first pattern test,
    // which still counts; the other rule is skipped for this event, and the verdict says so.
    const twoRules = {
      ...teamPack,
      rules: [
        ...teamPack.rules,
        {
          id: 'team.period',
          category: 'code_error',
          weight: 0.9,
          patterns: ['ledger closed for period'],
        },
      ],
    };
    const engine = createTriageEngine({
      userRulePacks: [twoRules],
      userRuleBudgetMs: 0,
    });
    const { verdict } = engine.triage(event);
    const userHits = verdict.classification.rules.filter(r =>
      r.startsWith('team.'),
    );
    expect(userHits).toHaveLength(1);
    expect(verdict.classification.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^User rule pack rules/team\\.yaml: rule '${userHits[0].replace(
            '.',
            '\\.',
          )}' field 'patterns' ran past the 0 ms budget for one event \\(\\d+ ms\\); the remaining user rules were skipped for this event$`,
        ),
      ),
    ]);
    // With the default budget both count.
    const relaxed = createTriageEngine({ userRulePacks: [twoRules] }).triage(
      event,
    ).verdict.classification;
    expect(relaxed.rules.filter(r => r.startsWith('team.')).sort()).toEqual([
      'team.ledger-closed',
      'team.period',
    ]);
  });

  it('only ever shows patterns capped lines, however long the log line', () => {
    const huge = `${'x'.repeat(2_000_000)} TeamSpecificError: ledger closed`;
    const evidence = extractEvidence({
      ...event,
      errorMessage: undefined,
      logExcerpt: huge,
    });
    expect(evidence.lines.length).toBeGreaterThan(0);
    for (const line of evidence.lines)
      expect(line.text.length).toBeLessThanOrEqual(
        EVIDENCE_LIMITS.maxLineLength + 1,
      );
  });
});
