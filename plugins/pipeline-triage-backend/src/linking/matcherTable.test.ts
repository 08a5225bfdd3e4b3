import { MatcherTable } from './matcherTable';
import { matches, parsePatterns } from './patternMatch';

const m = (entityRef: string, value: string) => ({
  entityRef,
  patterns: parsePatterns(value),
});
const scan = (ordered: ReturnType<typeof m>[], names: string[]) =>
  ordered.find(x => x.patterns.some(p => names.some(n => matches(p, n))))
    ?.entityRef;

describe('MatcherTable', () => {
  const ordered = [
    m('a', 'shop.orders'),
    m('b', 'shop.*, other.exact'),
    m('c', 'shop.orders, shop.payments'),
    m('d', '*'),
  ];
  const table = new MatcherTable(ordered);

  it('answers as a scan in order would: the first matcher wins, wildcard or exact', () => {
    for (const names of [
      ['shop.orders'],
      ['SHOP.PAYMENTS'],
      ['other.exact'],
      ['x'],
      ['shop.payments', 'shop.orders'],
      [],
    ]) {
      expect({ names, ref: table.find(names)?.matcher.entityRef }).toEqual({
        names,
        ref: scan(ordered, names),
      });
    }
  });

  it('reports the pattern that matched', () => {
    expect(table.find(['shop.payments'])?.pattern.raw).toBe('shop.*');
    expect(new MatcherTable([m('x', 'a, b')]).find(['B'])?.pattern.raw).toBe(
      'b',
    );
    expect(new MatcherTable([m('x', 'a')]).find(['c'])).toBeUndefined();
  });
});
