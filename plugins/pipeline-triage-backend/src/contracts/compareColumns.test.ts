import { compareColumns, ExpectedColumn } from './compareColumns';

const col = (
  name: string,
  types: ExpectedColumn<string>['types'],
  extra: Partial<ExpectedColumn<string>> = {},
): ExpectedColumn<string> => ({
  name,
  types,
  ref: name,
  ...extra,
});

describe('compareColumns', () => {
  it('pairs a rename only when one removed and one added column share a type', () => {
    const expected = [col('a', ['string']), col('b', ['integer'])];
    expect(
      compareColumns(expected, [
        { name: 'a2', type: 'varchar' },
        { name: 'b', type: 'int' },
      ]).map(c => c.change),
    ).toEqual(['renamed']);
    // Two new strings: which one is the old column is a guess, so no rename.
    const two = compareColumns(expected, [
      { name: 'a2', type: 'text' },
      { name: 'a3', type: 'text' },
      { name: 'b', type: 'int' },
    ]);
    expect(two.map(c => c.change)).toEqual(['removed', 'added', 'added']);
    // Different types: a removal and an addition.
    const differ = compareColumns(expected, [
      { name: 'a2', type: 'boolean' },
      { name: 'b', type: 'int' },
    ]);
    expect(differ.map(c => c.change)).toEqual(['removed', 'added']);
    // Unknown types are never paired.
    const unknown = compareColumns(expected, [
      { name: 'a2' },
      { name: 'b', type: 'int' },
    ]);
    expect(unknown.map(c => c.change)).toEqual(['removed', 'added']);
  });

  it('accepts integers in a number column, and any listed type', () => {
    expect(
      compareColumns([col('n', ['number'])], [{ name: 'n', type: 'bigint' }]),
    ).toEqual([]);
    expect(
      compareColumns(
        [col('n', ['integer'])],
        [{ name: 'n', type: 'double' }],
      ).map(c => c.change),
    ).toEqual(['retyped']);
    expect(
      compareColumns(
        [col('t', ['date', 'timestamp'])],
        [{ name: 't', type: 'timestamp' }],
        { format: 'odcs-3.1' },
      ),
    ).toEqual([]);
  });

  it('matches aliases (physical names) and skips columns that may be absent', () => {
    const expected = [
      col('transaction_date', ['date'], { aliases: ['txn_dt'] }),
      col('dt', ['date'], { mayBeAbsent: true }),
    ];
    expect(
      compareColumns(expected, [{ name: 'TXN_DT', type: 'DATE' }]),
    ).toEqual([]);
  });

  it('reports nullability only from not-null to nullable', () => {
    const expected = [
      col('a', ['string'], { nullable: false }),
      col('b', ['string']),
    ];
    const changes = compareColumns(expected, [
      { name: 'a', type: 'string', nullable: true },
      { name: 'b', type: 'string', nullable: true },
    ]);
    expect(
      changes.map(c => [c.change, 'expected' in c ? c.expected.name : '']),
    ).toEqual([['nullability', 'a']]);
  });
});
