import { signalMatches } from './useIncidentSignal';

describe('signalMatches', () => {
  const signal = { kind: 'incident-changed' as const, incidentId: 'inc-1' };

  it('matches any signal without a filter (lists and entity pages refetch through the API)', () => {
    expect(signalMatches(signal)).toBe(true);
    expect(signalMatches(signal, {})).toBe(true);
  });

  it('matches by incident id', () => {
    expect(signalMatches(signal, { incidentId: 'inc-1' })).toBe(true);
    expect(
      signalMatches(
        { kind: 'incident-changed', incidentId: 'inc-2' },
        { incidentId: 'inc-1' },
      ),
    ).toBe(false);
  });
});
