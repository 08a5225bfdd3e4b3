import { notNullColumns, unresolvedColumns } from './columnsFromErrors';

describe('unresolvedColumns', () => {
  it.each([
    [
      "cannot resolve '`currency_code`' given input columns: [o.order_id#12, o.total#13L]; line 1 pos 7",
      'currency_code',
      ['order_id', 'total'],
    ],
    [
      'cannot resolve column name "currency_code" among (order_id, total)',
      'currency_code',
      ['order_id', 'total'],
    ],
    [
      '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `o`.`currency_code` cannot be resolved. Did you mean one of the following? [`o`.`order_id`, `o`.`total`].',
      'currency_code',
      ['order_id', 'total'],
    ],
    [
      '[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column or function parameter with name `currency_code` cannot be resolved.',
      'currency_code',
      undefined,
    ],
    [
      "Column 'currency_code' does not exist. Did you mean one of the following? [order_id, total]",
      'currency_code',
      ['order_id', 'total'],
    ],
    [
      "SQL compilation error: error line 1 at position 7 invalid identifier 'CURRENCY_CODE'",
      'CURRENCY_CODE',
      undefined,
    ],
    [
      'SQL compilation error: invalid identifier \'"o".CURRENCY_CODE\'',
      'CURRENCY_CODE',
      undefined,
    ],
    [
      'SQL compilation error: invalid identifier \'"currency_code"\'',
      'currency_code',
      undefined,
    ],
    ['Unrecognized name: currency_code at [3:5]', 'currency_code', undefined],
    [
      'Name currency_code not found inside o at [1:10]',
      'currency_code',
      undefined,
    ],
    [
      'ERROR:  column "currency_code" does not exist',
      'currency_code',
      undefined,
    ],
    [
      'ERROR:  column o.currency_code does not exist',
      'currency_code',
      undefined,
    ],
    [
      'ERROR:  column "currency_code" of relation "orders" does not exist',
      'currency_code',
      undefined,
    ],
    [
      "line 1:8: Column 'currency_code' cannot be resolved",
      'currency_code',
      undefined,
    ],
    [
      'No such struct field currency_code in order_id, total',
      'currency_code',
      ['order_id', 'total'],
    ],
  ])('%s', (message, column, available) => {
    const [found, ...rest] = unresolvedColumns(message);
    expect(rest).toEqual([]);
    expect(found.column).toBe(column);
    expect(found.available).toEqual(available);
    expect(message).toContain(found.excerpt.slice(0, 20));
  });

  it('reads several texts and reports each column once', () => {
    const found = unresolvedColumns(
      'Unrecognized name: a at [1:1]',
      "Unrecognized name: A at [1:1]\ninvalid identifier 'B'",
      undefined,
    );
    expect(found.map(f => f.column)).toEqual(['a', 'B']);
  });

  it('ignores messages that name no missing column', () => {
    expect(
      unresolvedColumns(
        'Table orders does not exist',
        'permission denied for relation orders',
        'Access Denied',
      ),
    ).toEqual([]);
  });
});

describe('notNullColumns', () => {
  it('reads PostgreSQL and Delta not-null errors', () => {
    expect(
      notNullColumns(
        'ERROR: null value in column "email" of relation "customers" violates not-null constraint',
      ).map(c => c.column),
    ).toEqual(['email']);
    expect(
      notNullColumns(
        'NOT NULL constraint violated for column: customer_id.',
      ).map(c => c.column),
    ).toEqual(['customer_id']);
    expect(notNullColumns('something else')).toEqual([]);
  });
});
