import { signalMatches } from './useIncidentSignal';

describe('signalMatches', () => {
  const signal = { incidentId: 'inc-1', entityRefs: ['component:default/Orders-Daily', 'group:default/data'] };

  it('matches any signal without a filter', () => {
    expect(signalMatches(signal)).toBe(true);
  });

  it('matches entity refs case-insensitively', () => {
    expect(signalMatches(signal, { entityRefs: ['component:default/orders-daily'] })).toBe(true);
    expect(signalMatches(signal, { entityRefs: ['component:default/other'] })).toBe(false);
  });

  it('matches by incident id', () => {
    expect(signalMatches(signal, { incidentId: 'inc-1' })).toBe(true);
    expect(signalMatches({ incidentId: 'inc-2' }, { incidentId: 'inc-1' })).toBe(false);
  });
});
