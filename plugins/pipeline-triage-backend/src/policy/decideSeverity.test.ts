import { contractSeverity, decideSeverity } from './decideSeverity';

describe('decideSeverity', () => {
  it('ranks half-written production output highest and dev lowest', () => {
    const base = { category: 'code_error' as const, safeToRetry: false };
    expect(
      decideSeverity({ ...base, partialWrite: 'true', environment: 'prod' }),
    ).toBe('critical');
    expect(
      decideSeverity({
        ...base,
        partialWrite: 'true',
        environment: 'prod',
        idempotent: true,
      }),
    ).toBe('high');
    expect(decideSeverity({ ...base, partialWrite: 'false' })).toBe('high');
    expect(
      decideSeverity({ ...base, partialWrite: 'false', safeToRetry: true }),
    ).toBe('normal');
    expect(
      decideSeverity({
        ...base,
        partialWrite: 'false',
        environment: 'staging',
      }),
    ).toBe('normal');
    expect(
      decideSeverity({
        ...base,
        partialWrite: 'false',
        environment: 'staging',
        safeToRetry: true,
      }),
    ).toBe('low');
    expect(
      decideSeverity({ ...base, partialWrite: 'true', environment: 'dev' }),
    ).toBe('low');
  });
});

describe('contractSeverity', () => {
  it('lifts a broken contract to high and leaves higher severities alone', () => {
    expect(contractSeverity('low', true)).toBe('high');
    expect(contractSeverity('normal', true)).toBe('high');
    expect(contractSeverity('critical', true)).toBe('critical');
    expect(contractSeverity('normal', false)).toBe('normal');
  });
});
