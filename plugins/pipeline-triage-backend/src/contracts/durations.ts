const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * Seconds in one of each unit SLA clauses use. ODCS writes `d`, `day`, `days`, `h`, `y`, `yr`…;
 * `m` is minutes (a month is `mo` or `month`), as in `30m`.
 */
const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: MINUTE,
  min: MINUTE,
  mins: MINUTE,
  minute: MINUTE,
  minutes: MINUTE,
  h: HOUR,
  hr: HOUR,
  hrs: HOUR,
  hour: HOUR,
  hours: HOUR,
  d: DAY,
  day: DAY,
  days: DAY,
  w: WEEK,
  wk: WEEK,
  week: WEEK,
  weeks: WEEK,
  mo: MONTH,
  month: MONTH,
  months: MONTH,
  y: YEAR,
  yr: YEAR,
  yrs: YEAR,
  year: YEAR,
  years: YEAR,
};

/** Seconds in one `unit`, or undefined for a unit that is not a duration. */
export function unitSeconds(unit: string): number | undefined {
  return UNIT_SECONDS[unit.trim().toLowerCase()];
}

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const NUMBER_AND_UNIT = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i;
const NAMED_INTERVALS: Record<string, number> = {
  hourly: HOUR,
  daily: DAY,
  nightly: DAY,
  weekly: WEEK,
  monthly: MONTH,
  yearly: YEAR,
  annually: YEAR,
};

/**
 * Seconds in a duration written as a value and an optional unit: `(4, 'h')`, `('26h')`,
 * `('PT6H')`, `('P14D')`, `('daily')`. Undefined when the value is not a duration.
 */
export function durationSeconds(
  value: unknown,
  unit?: string,
): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    if (!unit) return undefined;
    const perUnit = unitSeconds(unit);
    return perUnit === undefined ? undefined : value * perUnit;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (unit && /^\d+(\.\d+)?$/.test(text))
    return durationSeconds(Number(text), unit);
  const named = NAMED_INTERVALS[text.toLowerCase()];
  if (named) return named;
  const iso = ISO_DURATION.exec(text);
  if (iso && text.length > 1 && text.toUpperCase() !== 'PT') {
    const [, y, mo, w, d, h, mi, s] = iso.map(v => (v ? Number(v) : 0));
    return (
      y * YEAR + mo * MONTH + w * WEEK + d * DAY + h * HOUR + mi * MINUTE + s
    );
  }
  const withUnit = NUMBER_AND_UNIT.exec(text);
  if (withUnit) {
    const perUnit = unitSeconds(withUnit[2]);
    return perUnit === undefined ? undefined : Number(withUnit[1]) * perUnit;
  }
  return undefined;
}

/** `5h 30m`, `2d`, `45s`: a duration for people. */
export function formatDuration(seconds: number): string {
  if (seconds < MINUTE) return `${Math.round(seconds)}s`;
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [size, label] of [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'm'],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${label}`);
    rest -= n * size;
  }
  if (rest > 0 && parts.length < 2) parts.push(`${rest}s`);
  return parts.slice(0, 2).join(' ');
}

/**
 * How often a five-field cron expression fires, for the simple schedules contracts write:
 * `0 2 * * *` is daily, `15 * * * *` hourly, `0 3 * * 1` weekly. Undefined otherwise.
 */
export function cronPeriodSeconds(cron: string): number | undefined {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  const fixed = (f: string) => /^\d+$/.test(f);
  if (!fixed(minute)) return undefined;
  if (hour === '*' && dayOfMonth === '*' && month === '*' && dayOfWeek === '*')
    return HOUR;
  if (!fixed(hour) || month !== '*') return undefined;
  if (dayOfMonth === '*' && dayOfWeek === '*') return DAY;
  if (dayOfMonth === '*' && fixed(dayOfWeek)) return WEEK;
  if (fixed(dayOfMonth) && dayOfWeek === '*') return MONTH;
  return undefined;
}
