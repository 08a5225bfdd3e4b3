import { LiteralScanner } from './literalScan';

describe('LiteralScanner', () => {
  const scanner = new LiteralScanner([
    ['error', 'timed out', 'lost '],
    ['commit', 'rows'],
    ['he', 'she', 'hers'],
  ]);

  it('reports each group whose word occurs, case-insensitively', () => {
    expect(scanner.scan('INFO all good')).toBe(0);
    expect(scanner.scan('java.lang.RuntimeError: boom')).toBe(1);
    expect(scanner.scan('Connection TIMED OUT after 3 rows')).toBe(1 | 2);
    expect(scanner.scan('Committed 3 ROWS')).toBe(2);
  });

  it('finds words that overlap or end inside other words (failure links)', () => {
    expect(scanner.scan('ushers')).toBe(4);
    expect(scanner.scan('xxsh')).toBe(0);
    expect(scanner.scan('lost task 3')).toBe(1);
    expect(scanner.scan('lost')).toBe(0);
    expect(scanner.scan('errerror')).toBe(1);
  });

  it('treats non-ASCII characters as breaking a word', () => {
    expect(scanner.scan('err\u00e9or')).toBe(0);
    expect(scanner.scan('\u00e9error\u00e9')).toBe(1);
  });

  it('agrees with a case-insensitive regex on random text', () => {
    const words = [
      'error',
      'timed out',
      'lost ',
      'commit',
      'rows',
      'he',
      'she',
      'hers',
    ];
    const res = [/error|timed out|lost /i, /commit|rows/i, /he|she|hers/i];
    const alphabet = 'errohstimdcwl EROHS';
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 2000; n += 1) {
      let text = '';
      const len = Math.floor(rand() * 30);
      for (let k = 0; k < len; k += 1)
        text += alphabet[Math.floor(rand() * alphabet.length)];
      if (rand() < 0.2) text += words[Math.floor(rand() * words.length)];
      const expected = res.reduce(
        (bits, re, i) => (re.test(text) ? bits | (1 << i) : bits),
        0,
      );
      expect([text, scanner.scan(text)]).toEqual([text, expected]);
    }
  });
});
