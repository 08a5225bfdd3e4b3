import fs from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { runCli } from '../cli';

/**
 * The engine's accuracy may not regress below what was measured when the floors were set.
 * Holdout, 2026-12-07, after 22 cases from fresh public reports joined it (81 cases): accuracy
 * 0.926, safe-retry precision 1.00 and recall 0.50, false confidence 0.000, 0.531 of the cases
 * at confidence >= 0.8, Brier 0.130. The new cases are harder than the first 59 (less common
 * engines, stragglers, placement failures), so the share of confident answers fell from 0.559.
 * Tuning (199 cases): accuracy 1.00, safe-retry precision 0.96 and recall 0.875 (the misses are
 * retry verdicts on infrastructure and dependency cases, a policy matter). Each floor sits just
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
    expect(report.cases).toBeGreaterThanOrEqual(75);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.92);
    expect(report.safeRetry.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.safeRetry.recall).toBeGreaterThanOrEqual(0.45);
    expect(report.falseConfidenceRate).toBeLessThanOrEqual(0.05);
    expect(report.highConfidenceShare).toBeGreaterThanOrEqual(0.52);
    expect(report.brier).toBeLessThanOrEqual(0.135);
  });

  it('holds on the tuning cases', async () => {
    const report = await evaluate(`${CASES}/tuning`);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.99);
    expect(report.safeRetry.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.safeRetry.recall).toBeGreaterThanOrEqual(0.85);
    expect(report.falseConfidenceRate).toBeLessThanOrEqual(0.05);
    expect(report.highConfidenceShare).toBeGreaterThanOrEqual(0.62);
  });

});

// ../shared is beside the repository in development and CI; under CI its absence is a failure.
const describeShared = fs.existsSync(SHARED_DEV) || process.env.CI === 'true' ? describe : describe.skip;
describeShared('classifier accuracy floors on ../shared/eval/dev', () => {
  it('holds', async () => {
    expect(fs.existsSync(SHARED_DEV)).toBe(true);
    const report = await evaluate(SHARED_DEV);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.96);
    expect(report.safeRetry.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.safeRetry.recall).toBeGreaterThanOrEqual(0.8);
    expect(report.falseConfidenceRate).toBeLessThanOrEqual(0.05);
    expect(report.highConfidenceShare).toBeGreaterThanOrEqual(0.75);
  });
});
