import { formatAbsolute, formatDuration, formatRelative } from './formatTime';

describe('formatTime', () => {
  const now = Date.parse('2026-01-10T12:00:00Z');

  it('formats relative times with the largest unit', () => {
    expect(formatRelative('2026-01-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2026-01-09T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelative('2026-01-10T11:59:50Z', now)).toBe('10 seconds ago');
  });

  it('formats absolute times in UTC', () => {
    expect(formatAbsolute('2026-01-10T09:05:03.120Z')).toBe(
      '2026-01-10 09:05:03 UTC',
    );
  });

  it('formats durations', () => {
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(3900)).toBe('1h 5m');
    expect(formatDuration(3 * 86400 + 7200)).toBe('3d 2h');
  });
});
