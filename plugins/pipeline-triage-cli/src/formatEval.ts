import type { EvalReport } from './evalMetrics';

const pct = (x: number | null) =>
  x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
  return rows
    .map(r =>
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The eval report as readable tables. */
export function formatEvalReport(report: EvalReport, dir: string): string {
  const s = report.safeRetry;
  const out: string[] = [];
  out.push(`Eval of ${report.cases} cases in ${dir}`, '');
  out.push(
    table([
      ['metric', 'value'],
      ['accuracy (category or acceptable)', pct(report.accuracy)],
      [
        'safe-retry precision',
        `${pct(s.precision)} (${s.truePositives}/${s.predictedSafe})`,
      ],
      [
        'safe-retry recall',
        `${pct(s.recall)} (${s.truePositives}/${s.actuallySafe})`,
      ],
      [
        'false-confidence rate (>=0.8 and wrong)',
        pct(report.falseConfidenceRate),
      ],
      ['cases with confidence >= 0.8', pct(report.highConfidenceShare)],
      ['Brier score of confidence', report.brier.toFixed(3)],
      ['expected calibration error (ECE)', report.calibration.ece.toFixed(3)],
      [
        'right when confidence >= 0.8',
        pct(report.calibration.highConfidenceAccuracy),
      ],
      [
        'partial-write recall (true only)',
        `${pct(report.partialWrite.recall)} (${
          report.partialWrite.predictedTrueOfThose
        }/${report.partialWrite.expectedTrue})`,
      ],
    ]),
  );
  out.push('', 'Reliability (confidence bin -> observed accuracy):');
  out.push(
    table([
      ['confidence', 'cases', 'mean confidence', 'accuracy'],
      ...report.calibration.bins
        .filter(b => b.cases > 0)
        .map(b => [
          `${b.from.toFixed(1)}-${b.to.toFixed(1)}`,
          String(b.cases),
          b.meanConfidence!.toFixed(3),
          pct(b.accuracy),
        ]),
    ]),
  );
  out.push('', 'Per category (expected):');
  out.push(
    table([
      ['category', 'cases', 'correct', 'recall'],
      ...Object.entries(report.perCategory)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([c, v]) => [
          c,
          String(v.cases),
          String(v.correct),
          pct(v.recall),
        ]),
    ]),
  );
  if (report.confusion.length > 0) {
    out.push('', 'Confusions (expected -> predicted):');
    for (const c of report.confusion)
      out.push(`  ${c.expected} -> ${c.predicted}: ${c.count}`);
  }
  if (report.misses.length > 0) {
    out.push('', 'Misses:');
    out.push(
      table([
        ['id', 'expected', 'predicted', 'confidence'],
        ...report.misses.map(m => [
          m.id,
          m.acceptable.length > 0
            ? `${m.expected} (or ${m.acceptable.join(', ')})`
            : m.expected,
          m.predicted,
          m.confidence.toFixed(2),
        ]),
      ]),
    );
  }
  return `${out.join('\n')}\n`;
}
