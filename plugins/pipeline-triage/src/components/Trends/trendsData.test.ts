import { makeTrends } from '../../__testUtils__/fixtures';
import {
  colorFor,
  formatChange,
  keysByVolume,
  labelFor,
  shortWeek,
  toChartRows,
} from './trendsData';

describe('trendsData', () => {
  it('flattens weeks into chart rows', () => {
    expect(toChartRows(makeTrends())[1]).toEqual({
      week: 'W02',
      isoWeek: '2026-W02',
      weekStart: '2026-01-05',
      total: 4,
      schema_drift: 1,
      permission: 3,
    });
  });

  it('orders keys by volume and drops empty ones', () => {
    const trends = makeTrends({
      keys: ['schema_drift', 'permission', 'unknown'],
    });
    expect(keysByVolume(trends)).toEqual(['permission', 'schema_drift']);
  });

  it('formats week-over-week change', () => {
    expect(formatChange(0.25)).toBe('+25% vs previous week');
    expect(formatChange(-0.5)).toBe('-50% vs previous week');
    expect(formatChange(0)).toBe('same as previous week');
    expect(formatChange(null)).toBe('no failures the week before');
  });

  it('uses the taxonomy colours and labels', () => {
    expect(colorFor('category', 'permission', 0)).toBe('#e53935');
    expect(colorFor('domain', 'infra', 0)).toBe('#1e88e5');
    expect(labelFor('category', 'source_delay')).toBe('Source delay');
    expect(labelFor('team', 'group:default/data-platform')).toBe(
      'data-platform',
    );
    expect(shortWeek('2026-W47')).toBe('W47');
  });
});
