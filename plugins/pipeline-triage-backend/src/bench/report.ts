/** One figure of the benchmark, printed as one JSON line as soon as it is measured. */
export interface Figure {
  bench: string;
  db: string;
  metric: string;
  value: number;
  unit: string;
}

const figures: Figure[] = [];

export function emit(
  bench: string,
  db: string,
  metric: string,
  value: number,
  unit: string,
): void {
  const figure = {
    bench,
    db,
    metric,
    value: Math.round(value * 1000) / 1000,
    unit,
  };
  figures.push(figure);
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Milliseconds since `start` (from process.hrtime.bigint()). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function printTable(): void {
  const rows = figures.map(f => [
    f.bench,
    f.db,
    f.metric,
    String(f.value),
    f.unit,
  ]);
  const header = ['bench', 'db', 'metric', 'value', 'unit'];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(r => r[i].length)),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ');
  process.stdout.write(
    `\n${line(header)}\n${widths.map(w => '-'.repeat(w)).join('  ')}\n`,
  );
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}
