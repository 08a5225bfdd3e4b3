import { makeSummary } from '../../__testUtils__/fixtures';
import { topRepeatFailures } from './topRepeatFailures';

describe('topRepeatFailures', () => {
  it('keeps repeats only, most occurrences first, newest on ties', () => {
    const items = [
      makeSummary({ id: 'once', occurrences: 1 }),
      makeSummary({
        id: 'old',
        occurrences: 5,
        lastSeen: '2026-01-01T00:00:00Z',
      }),
      makeSummary({ id: 'many', occurrences: 9 }),
      makeSummary({
        id: 'new',
        occurrences: 5,
        lastSeen: '2026-01-09T00:00:00Z',
      }),
    ];
    expect(topRepeatFailures(items, 3).map(i => i.id)).toEqual([
      'many',
      'new',
      'old',
    ]);
  });
});
