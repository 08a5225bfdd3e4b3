import { parseEntityRef } from '@backstage/catalog-model';
import {
  CATEGORY_INFO,
  DOMAIN_COLORS,
  isCategory,
  type Domain,
  type TrendsResponse,
} from '@pipeline-triage/plugin-pipeline-triage-common';

export type GroupBy = TrendsResponse['groupBy'];

/** Teams have no fixed colour, so they take stable colours from this list by position. */
const TEAM_PALETTE = [
  '#1e88e5',
  '#43a047',
  '#fb8c00',
  '#8e24aa',
  '#00897b',
  '#e53935',
  '#3949ab',
  '#6d4c41',
  '#c0ca33',
  '#546e7a',
];

export function colorFor(groupBy: GroupBy, key: string, index: number): string {
  if (groupBy === 'category')
    return isCategory(key)
      ? CATEGORY_INFO[key].color
      : CATEGORY_INFO.unknown.color;
  if (groupBy === 'domain')
    return DOMAIN_COLORS[key as Domain] ?? DOMAIN_COLORS.unknown;
  return TEAM_PALETTE[index % TEAM_PALETTE.length];
}

export function labelFor(groupBy: GroupBy, key: string): string {
  if (groupBy === 'category')
    return isCategory(key) ? CATEGORY_INFO[key].label : key;
  if (groupBy === 'domain')
    return key.charAt(0).toLocaleUpperCase('en-US') + key.slice(1);
  try {
    return parseEntityRef(key).name;
  } catch {
    return key || 'Unrouted';
  }
}

/** "2026-W47" → "W47": the year only matters at the turn, and the tooltip has the date. */
export function shortWeek(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  return match ? `W${match[2]}` : week;
}

/** "+25% vs previous week"; null means the week before had no failures to compare with. */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined)
    return 'no failures the week before';
  const percent = Math.round(change * 100);
  if (percent === 0) return 'same as previous week';
  return `${percent > 0 ? '+' : ''}${percent}% vs previous week`;
}

/** recharts wants one flat object per bar: the week plus one field per stacked key. */
export function toChartRows(
  trends: TrendsResponse,
): Array<Record<string, string | number>> {
  return trends.weeks.map(w => {
    const row: Record<string, string | number> = {
      week: shortWeek(w.week),
      isoWeek: w.week,
      weekStart: w.weekStart,
      total: w.total,
    };
    for (const key of trends.keys) row[key] = w.counts[key] ?? 0;
    return row;
  });
}

/** Keys ordered by volume so the biggest contributor sits at the bottom of every stack. */
export function keysByVolume(trends: TrendsResponse): string[] {
  const sum = (key: string) =>
    trends.weeks.reduce((n, w) => n + (w.counts[key] ?? 0), 0);
  return [...trends.keys]
    .filter(k => sum(k) > 0)
    .sort((a, b) => sum(b) - sum(a));
}
