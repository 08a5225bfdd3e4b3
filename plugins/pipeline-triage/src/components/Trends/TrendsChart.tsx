import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrendsResponse } from '@pipeline-triage/plugin-pipeline-triage-common';
import { colorFor, keysByVolume, labelFor, toChartRows } from './trendsData';

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Stacked bars per ISO week. Without a fixed size it fills its container; tests pass one
 * because jsdom has no layout.
 */
export function TrendsChart(props: {
  trends: TrendsResponse;
  size?: ChartSize;
  height?: number;
}) {
  const { trends, size } = props;
  const keys = keysByVolume(trends);
  const chart = (
    <BarChart
      data={toChartRows(trends)}
      width={size?.width}
      height={size?.height}
      margin={{ top: 8, right: 8, left: -16, bottom: 0 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="week" />
      <YAxis allowDecimals={false} />
      <Tooltip
        labelFormatter={(_label, payload) => {
          const row = payload?.[0]?.payload as
            | { isoWeek?: string; weekStart?: string; total?: number }
            | undefined;
          return row
            ? `${row.isoWeek} (from ${row.weekStart}): ${row.total} failures`
            : '';
        }}
      />
      <Legend />
      {keys.map((key, index) => (
        <Bar
          key={key}
          dataKey={key}
          name={labelFor(trends.groupBy, key)}
          stackId="failures"
          fill={colorFor(trends.groupBy, key, index)}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
  if (size) return chart;
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 280}>
      {chart}
    </ResponsiveContainer>
  );
}
