import type {
  EngineResult,
  TriageEngine,
} from '@pipeline-triage/plugin-pipeline-triage-backend/alpha';
import { CliError } from './CliError';
import type { Output } from './classifyCommand';
import { caseExpectation } from './evalCase';
import { computeEvalReport, EvalRecord } from './evalMetrics';
import { formatEvalReport } from './formatEval';
import { listFiles, readInputs } from './inputs';
import { triageItem } from './triageItem';
import type { InputItem } from './inputs';

export interface EvalOptions {
  json?: boolean;
  minAccuracy?: string;
}

/** Given with --model: the hybrid engine, rules first and the model where they are unsure. */
export type HybridStep = (
  item: InputItem,
  result: EngineResult,
) => Promise<EvalRecord['predicted'] | undefined>;

/** Scores labelled cases; exits 1 when --min-accuracy is given and not met. */
export async function evalCommand(
  engine: TriageEngine,
  dir: string,
  options: EvalOptions,
  io: Output,
  hybrid?: HybridStep,
): Promise<number> {
  const minAccuracy =
    options.minAccuracy === undefined ? undefined : Number(options.minAccuracy);
  if (minAccuracy !== undefined && !(minAccuracy >= 0 && minAccuracy <= 1)) {
    throw new CliError(
      `--min-accuracy must be a number between 0 and 1, got ${options.minAccuracy}`,
    );
  }
  const now = new Date().toISOString();
  const records: EvalRecord[] = [];
  for (const file of listFiles([dir], true)) {
    for (const item of readInputs(file, now)) {
      if (!item.case) continue;
      const expected = caseExpectation(item.case);
      if (!expected.value)
        throw new CliError(`Invalid case ${file}: ${expected.problem}`);
      const result = await triageItem(engine, item, {});
      const { verdict } = result;
      const rules = {
        category: verdict.classification.category,
        confidence: verdict.classification.confidence,
        safeToRetry: verdict.retry.safeToRetry,
        partialWrite: verdict.partialWrite.partialWrite,
      };
      records.push({
        id: item.id ?? item.input,
        input: item.input,
        expected: {
          ...expected.value,
          acceptable: expected.value.acceptable ?? [],
        },
        predicted: (await hybrid?.(item, result)) ?? rules,
      });
    }
  }
  if (records.length === 0)
    throw new CliError(`No labelled cases found in ${dir}`);
  const report = computeEvalReport(records);
  io.out(
    options.json
      ? JSON.stringify(report, null, 2)
      : formatEvalReport(report, dir),
  );
  if (minAccuracy !== undefined && report.accuracy < minAccuracy) {
    io.err(
      `accuracy ${report.accuracy} is below --min-accuracy ${minAccuracy}`,
    );
    return 1;
  }
  return 0;
}
