import { conservativeRetry } from './reclassify';

describe('conservativeRetry', () => {
  it('is safe only when every opinion is safe', () => {
    expect(conservativeRetry(true, true)).toBe(true);
    expect(conservativeRetry(false, true)).toBe(false);
    expect(conservativeRetry(true, false)).toBe(false);
    expect(conservativeRetry(true, undefined)).toBe(true);
    expect(conservativeRetry(undefined)).toBe(false);
  });
});
