import { adoptCategory, sanitizeResult, scrubRecipients } from './guardrails';

describe('adoptCategory', () => {
  it('keeps a confident rules result whatever the model says', () => {
    expect(
      adoptCategory(
        { category: 'permission', confidence: 0.9 },
        { category: 'code_error', confidence: 1 },
        0.6,
      ).adopt,
    ).toBe(false);
  });
  it('adopts when the rules are unknown and the model is more confident', () => {
    const d = adoptCategory(
      { category: 'unknown', confidence: 0.2 },
      { category: 'config_error', confidence: 0.7 },
      0.6,
    );
    expect(d.adopt).toBe(true);
  });
  it('adopts when the rules are below the threshold and the model is more confident', () => {
    expect(
      adoptCategory(
        { category: 'code_error', confidence: 0.5 },
        { category: 'config_error', confidence: 0.55 },
        0.6,
      ).adopt,
    ).toBe(true);
  });
  it('does not adopt a model that is less confident than unsure rules', () => {
    expect(
      adoptCategory(
        { category: 'code_error', confidence: 0.5 },
        { category: 'config_error', confidence: 0.4 },
        0.6,
      ).adopt,
    ).toBe(false);
  });
  it('does not adopt unknown from the model', () => {
    expect(
      adoptCategory(
        { category: 'code_error', confidence: 0.1 },
        { category: 'unknown', confidence: 0.9 },
        0.6,
      ).adopt,
    ).toBe(false);
  });
});

describe('scrubRecipients', () => {
  it('removes e-mail addresses, people and team refs, handles and channels', () => {
    const text =
      'page ceo@evil.example and group:default/exec, user:default/boss, @oncall-lead in #war-room';
    const out = scrubRecipients(text);
    expect(out).not.toMatch(
      /evil\.example|group:default|user:default|@oncall|#war-room/,
    );
    expect(out).toContain('[recipient removed]');
  });
  it('leaves ordinary technical text alone', () => {
    const text =
      'Increase spark.executor.memory to 8g; see line 12 (HTTP 403). Add @Override to run().';
    expect(scrubRecipients(text)).toBe(text);
  });
});

describe('sanitizeResult', () => {
  it('drops citations the model was not shown', () => {
    const out = sanitizeResult(
      {
        hypotheses: [
          {
            title: 't',
            category: 'code_error',
            likelihood: 0.5,
            evidenceFor: ['L1', 'L99'],
            evidenceAgainst: ['S1'],
            status: 'open',
            reason: 'r',
          },
        ],
        rootCause: { summary: 's', confidence: 0.5 },
        category: 'code_error',
        safeToRetry: false,
        remediation: {
          immediateFix: 'a',
          change: 'b',
          prevention: 'c',
          monitoring: 'mail x@y.example',
        },
      },
      ['L1', 'S1'],
    );
    expect(out.hypotheses[0].evidenceFor).toEqual(['L1']);
    expect(out.hypotheses[0].evidenceAgainst).toEqual(['S1']);
    expect(out.remediation.monitoring).not.toContain('x@y.example');
  });
});
