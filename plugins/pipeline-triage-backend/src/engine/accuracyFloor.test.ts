import fs from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { runCli } from '../cli';

/**
 * The engine's accuracy may not regress below what was measured when the floors were set
 * (holdout, 2026-11-22: accuracy 0.915, safe-retry precision 1.00 and recall 0.50, false
 * confidence 0.000, 0.559 of the cases at confidence >= 0.8, Brier 0.123; 2026-12-07, after 35
 * harder holdout cases from fresh public reports were added (94 cases): accuracy 0.872, recall
 * 0.59, false confidence 0.000, 0.596 at confidence >= 0.8, Brier 0.100). Each floor sits just
 * under the measurement. The holdout part is never used to tune rules; it only guards against
 * regressions.
 */
const CASES = resolvePackagePath('@internal/plugin-pipeline-triage-backend', 'fixtures/cases');
const SHARED_DEV = resolvePackagePath('@internal/plugin-pipeline-triage-backend', '../../../shared/eval/dev');

async function evaluate(dir: string) {
  const out: string[] = [];
  const code = await runCli(['node', 'pipeline-triage', 'eval', '--json', dir], {
    out: t => out.push(t),
    err: t => out.push(t),
  });
  expect(code).toBe(0);
  return JSON.parse(out.join(''));
}

describe('classifier accuracy floors', () => {
  it('holds on the project holdout', async () => {
    const report = await evaluate(`${CASES}/holdout`);
    expect(report.cases).toBeGreaterThanOrEqual(90);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.86);
    expect(report.safeRetry.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.safeRetry.recall).toBeGreaterThanOrEqual(0.5);
    expect(report.falseConfidenceRate).toBeLessThanOrEqual(0.03);
    expect(report.highConfidenceShare).toBeGreaterThanOrEqual(0.54);
    expect(report.brier).toBeLessThanOrEqual(0.13);
  });

  it('holds on the tuning cases', async () => {
    const report = await evaluate(`${CASES}/tuning`);
    expect(report.cases).toBeGreaterThanOrEqual(220);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(report.safeRetry.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.safeRetry.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.falseConfidenceRate).toBeLessThanOrEqual(0.05);
    expect(report.highConfidenceShare).toBeGreaterThanOrEqual(0.65);
  });

});

// ../shared is beside the repository in development and CI; under CI its absence is a failure.
const describeShared = fs.existsSync(SHARED_DEV) || process.env.CI === 'true' ? describe : describe.skip;
describeShared('classifier accuracy floors on ../shared/eval/dev', () => {
  it('holds', async () => {
    expect(fs.existsSync(SHARED_DEV)).toBe(true);
    const report = await evaluate(SHARED_DEV);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.safeRetry.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.safeRetry.recall).toBeGreaterThanOrEqual(0.8);
    expect(report.falseConfidenceRate).toBeLessThanOrEqual(0.05);
    expect(report.highConfidenceShare).toBeGreaterThanOrEqual(0.75);
  });
});
