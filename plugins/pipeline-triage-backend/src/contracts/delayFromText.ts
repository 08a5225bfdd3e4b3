import { unitSeconds } from './durations';

/**
 * How long a run waited for its input, read from the words schedulers use when they give up:
 * Airflow's `Sensor has timed out; run duration of 21600.2 seconds exceeded …`, `timed out after
 * 6 hours`, `waited 7200 seconds`, `late by 5h`. Undefined when nothing says so; the waiting time
 * is a lower bound of the delay.
 */
export function delayFromText(
  ...texts: Array<string | undefined>
): number | undefined {
  const patterns = [
    /run duration of\s+(\d+(?:\.\d+)?)\s*(seconds?|s)\b/i,
    /timed out after\s+(\d+(?:\.\d+)?)\s*([a-z]+)/i,
    /waited(?: for)?\s+(\d+(?:\.\d+)?)\s*([a-z]+)/i,
    /(?:late by|delayed by)\s+(\d+(?:\.\d+)?)\s*([a-z]+)/i,
    /(\d+(?:\.\d+)?)\s*([a-z]+)\s+(?:late|overdue|behind schedule)\b/i,
  ];
  for (const text of texts) {
    if (!text) continue;
    for (const re of patterns) {
      const m = re.exec(text);
      if (!m) continue;
      const perUnit = unitSeconds(m[2]);
      if (perUnit !== undefined) return Number(m[1]) * perUnit;
    }
  }
  return undefined;
}
