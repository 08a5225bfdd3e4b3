import { CATEGORY_INFO } from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  violationEvidence,
  type EngineResult,
  type ParsedContract,
  type TriageContext,
  type TriageEngine,
  type Violation,
} from '@pipeline-triage/plugin-pipeline-triage-backend/alpha';
import { readAnnotations } from './annotations';
import { contractViolations, readContract } from './contract';
import { InputItem, listFiles, readInputs } from './inputs';
import { triageItem } from './triageItem';

export interface ClassifyOptions {
  json?: boolean;
  contract?: string;
  annotations?: string;
}

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The per-input JSON line: the fields CI and scripts read. */
/** A violation as the JSON output names it: the clause, where it is written, what was seen. */
function violationJson(v: Violation): Record<string, unknown> {
  return {
    kind: v.kind,
    clause: v.clause,
    table: v.contractTable ?? v.tableRef,
    column: v.column ?? null,
    path: v.path,
    line: v.line ?? null,
    observed: v.observed,
    expected: v.expected,
    message: v.message,
  };
}

export function jsonLine(
  item: InputItem,
  result: EngineResult,
  violations?: Violation[],
): Record<string, unknown> {
  const v = result.verdict;
  const c = v.classification;
  const byId = new Map(result.evidenceLines.map(l => [l.id, l.text]));
  return {
    input: item.input,
    id: item.id ?? null,
    job: item.event.job.name,
    category: c.category,
    domain: c.domain,
    confidence: c.confidence,
    safeToRetry: v.retry.safeToRetry,
    partialWrite: v.partialWrite.partialWrite,
    severity: v.severity,
    signature: v.signature,
    summary: v.summary,
    rules: c.rules,
    evidence: c.evidence.map(id => byId.get(id) ?? id),
    retryReason: v.retry.reason,
    partialWriteReason: v.partialWrite.reason,
    ...(violations
      ? { contractViolations: violations.map(violationJson) }
      : {}),
  };
}

function readable(
  item: InputItem,
  result: EngineResult,
  violations?: Violation[],
): string {
  const v = result.verdict;
  const c = v.classification;
  const byId = new Map(result.evidenceLines.map(l => [l.id, l]));
  const lines = [
    `${item.input}${item.id ? ` (${item.id})` : ''}`,
    `  ${CATEGORY_INFO[c.category].label} [${c.category}, ${
      c.domain
    }] confidence ${c.confidence.toFixed(2)}`,
    `  ${v.summary}`,
    `  retry: ${v.retry.reason}`,
    `  partial write: ${v.partialWrite.partialWrite}: ${v.partialWrite.reason}`,
  ];
  for (const id of c.evidence.slice(0, 3)) {
    const l = byId.get(id);
    if (l) lines.push(`  ${id.padEnd(5)} ${l.text.trim().slice(0, 160)}`);
  }
  const runnerUp = c.hypotheses.find(
    h => h.category !== c.category && h.category !== 'unknown',
  );
  if (runnerUp)
    lines.push(
      `  runner-up: ${runnerUp.category} (${runnerUp.score.toFixed(2)}): ${
        runnerUp.reason
      }`,
    );
  if (violations) {
    lines.push(
      violations.length
        ? `  contract: ${violations.length} violation${
            violations.length === 1 ? '' : 's'
          }`
        : '  contract: no violation found',
    );
    for (const broken of violations) lines.push(`    ${broken.message}`);
  }
  return lines.join('\n');
}

export async function classifyCommand(
  engine: TriageEngine,
  paths: string[],
  options: ClassifyOptions,
  io: Output,
): Promise<number> {
  const ctx: TriageContext = options.annotations
    ? readAnnotations(options.annotations)
    : {};
  const contract: ParsedContract | undefined = options.contract
    ? readContract(options.contract)
    : undefined;
  const now = new Date().toISOString();
  const files = listFiles(paths);
  let count = 0;
  for (const file of files) {
    for (const item of readInputs(file, now)) {
      // The contract's broken clauses are evidence, scored with the rules as in the backend.
      const violations = contract
        ? contractViolations(contract, item.event)
        : undefined;
      const result = await triageItem(
        engine,
        item,
        violations?.length
          ? {
              ...ctx,
              extraEvidence: [
                ...(ctx.extraEvidence ?? []),
                ...violationEvidence(violations),
              ],
            }
          : ctx,
      );
      io.out(
        options.json
          ? JSON.stringify(jsonLine(item, result, violations))
          : `${readable(item, result, violations)}\n`,
      );
      count += 1;
    }
  }
  if (count === 0) io.err('no inputs found');
  return 0;
}
