import { Area, AreaChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { TrendWeek } from '@pipeline-triage/plugin-pipeline-triage-common';

/** Weekly totals as a tiny area chart: shape over precision on an overview card. */
export function Sparkline(props: {
  weeks: TrendWeek[];
  size?: { width: number; height: number };
}) {
  const data = props.weeks.map(w => ({ week: w.week, total: w.total }));
  const chart = (
    <AreaChart
      data={data}
      width={props.size?.width}
      height={props.size?.height}
      margin={{ top: 4, right: 0, left: 0, bottom: 0 }}
    >
      <Tooltip
        formatter={(value: number) => [`${value} failures`, '']}
        labelFormatter={(_l, p) => String(p?.[0]?.payload?.week ?? '')}
      />
      <Area
        type="monotone"
        dataKey="total"
        stroke="#e53935"
        fill="#e53935"
        fillOpacity={0.2}
        isAnimationActive={false}
      />
    </AreaChart>
  );
  return (
    <div
      aria-label={`Weekly failures: ${data.map(d => d.total).join(', ')}`}
      role="img"
    >
      {props.size ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={48}>
          {chart}
        </ResponsiveContainer>
      )}
    </div>
  );
}
