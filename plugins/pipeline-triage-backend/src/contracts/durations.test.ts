import {
  cronPeriodSeconds,
  durationSeconds,
  formatDuration,
  unitSeconds,
} from './durations';

describe('durationSeconds', () => {
  it.each([
    [4, 'h', 4 * 3600],
    [1, 'd', 86400],
    [2, 'day', 2 * 86400],
    [3, 'days', 3 * 86400],
    [90, 'm', 90 * 60],
    [15, 'min', 15 * 60],
    [1, 'hour', 3600],
    [3, 'y', 3 * 365 * 86400],
    [1, 'yr', 365 * 86400],
    ['6', 'h', 6 * 3600],
  ])('converts %p %s', (value, unit, seconds) => {
    expect(durationSeconds(value, unit)).toBe(seconds);
  });

  it.each([
    ['26h', 26 * 3600],
    ['30m', 1800],
    ['PT6H', 6 * 3600],
    ['P14D', 14 * 86400],
    ['P1DT2H30M', 86400 + 2 * 3600 + 1800],
    ['daily', 86400],
    ['hourly', 3600],
  ])('reads %p', (value, seconds) => {
    expect(durationSeconds(value)).toBe(seconds);
  });

  it('is undefined for what is not a duration', () => {
    expect(durationSeconds(4)).toBeUndefined();
    expect(durationSeconds(4, 'rows')).toBeUndefined();
    expect(durationSeconds('03:00Z')).toBeUndefined();
    expect(durationSeconds('2022-05-12T09:30:10-08:00')).toBeUndefined();
    expect(durationSeconds('P')).toBeUndefined();
    expect(durationSeconds(true, 'd')).toBeUndefined();
    expect(unitSeconds('percent')).toBeUndefined();
  });

  it('formats durations for people', () => {
    expect(formatDuration(5.5 * 3600)).toBe('5h 30m');
    expect(formatDuration(86400)).toBe('1d');
    expect(formatDuration(26 * 3600)).toBe('1d 2h');
    expect(formatDuration(42)).toBe('42s');
  });
});

describe('cronPeriodSeconds', () => {
  it.each([
    ['0 2 * * *', 86400],
    ['15 * * * *', 3600],
    ['0 3 * * 1', 7 * 86400],
    ['0 3 1 * *', 30 * 86400],
    ['*/5 * * * *', undefined],
    ['0 2 * * 1-5', undefined],
    ['daily', undefined],
  ])('%p fires every %p seconds', (cron, seconds) => {
    expect(cronPeriodSeconds(cron)).toBe(seconds);
  });
});
