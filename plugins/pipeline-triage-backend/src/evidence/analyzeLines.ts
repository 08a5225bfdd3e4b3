import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { buildCauseChain, ChainInputLine } from './causeChain';
import { extractCodes } from './errorCodes';
import { findExceptionSegments } from './exceptions';
import { extractExitFacts } from './exitSignals';
import { deriveSignals, signalEvidenceLines } from './derivedSignals';
import type { CollectedLine } from './lineCollector';
import type { LineKind } from './lineKind';
import { stripLogPrefix } from './logPrefix';
import type {
  CauseLink,
  ErrorCode,
  Evidence,
  LineRole,
  ScannedLine,
} from './types';
import { isWrapperText } from './wrappers';

// "Retrying in 5 seconds (attempt 1): Connection reset": an error the tool is handling.
const RETRIED =
  /\b(?:retrying|will (?:be )?retr(?:y|ied)|retry(?:ing)? in \d|retry attempt|succeeded after \d* ?retr|after retr(?:y|ies) succeeded|backing off|recovered after)\b/i;

const ROLE_OF_KIND: Record<LineKind, LineRole> = {
  error: 'error',
  warning: 'warning',
  frame: 'frame',
  context: 'context',
  blank: 'context',
};

export interface CollectorTotals {
  lines: number;
  errors: number;
  warnings: number;
  lostTasks: number;
  truncated: boolean;
}

/** Picks the root: the deepest link that is not a wrapper, else the best plain error line. */
function chooseRoot(
  chain: CauseLink[],
  scanned: ScannedLine[],
  wrapperIds: Set<string>,
): CauseLink[] {
  const rootIndex = chain.findIndex(link => !link.wrapper);
  if (rootIndex > 0) {
    const reordered = [...chain];
    const [root] = reordered.splice(rootIndex, 1);
    return [root, ...reordered];
  }
  if (rootIndex === 0) return chain;
  // Only wrappers: the tool printed the real error as plain output before it (bash operators,
  // dbt summaries). Take the last specific error line before the wrapper chain, else any.
  const firstWrapperLine =
    chain.length > 0 ? Math.min(...chain.map(l => l.line)) : Infinity;
  const candidates = scanned.filter(
    l => l.role === 'error' && !wrapperIds.has(l.id) && !isWrapperText(l.body),
  );
  const before = candidates.filter(l => l.line < firstWrapperLine);
  const pick = (before.length > 0 ? before : candidates).at(-1);
  if (!pick) return chain;
  return [
    {
      lineIds: [pick.id],
      line: pick.line,
      text: pick.body.trim(),
      wrapper: false,
    },
    ...chain,
  ];
}

/** Turns retained lines into evidence: roles, the cause chain, codes, exit facts, signals. */
export function analyzeLines(
  collected: CollectedLine[],
  totals: CollectorTotals,
  event: Pick<FailureEvent, 'signals' | 'attempt' | 'maxAttempts'>,
): Evidence {
  const scanned: ScannedLine[] = [];
  const chainInput: ChainInputLine[] = [];
  const codes: ErrorCode[] = [];
  const exitCodes: number[] = [];
  const killSignals: string[] = [];
  const wrapperIds = new Set<string>();

  for (const c of collected) {
    const id = `L${c.line}`;
    const { body, level } = stripLogPrefix(c.text);
    const role: LineRole = ROLE_OF_KIND[c.kind];
    const line: ScannedLine = {
      id,
      line: c.line,
      section: c.section,
      text: c.text,
      lower: c.lower,
      body,
      level,
      role,
    };
    if (c.kind !== 'frame' && c.kind !== 'blank') {
      if (isWrapperText(body)) wrapperIds.add(id);
      for (const code of extractCodes(c.text, c.lower, id)) {
        if (!codes.some(k => k.system === code.system && k.code === code.code))
          codes.push(code);
      }
      const exit = extractExitFacts(c.text, c.lower);
      for (const e of exit.exitCodes)
        if (!exitCodes.includes(e)) exitCodes.push(e);
      for (const s of exit.signals)
        if (!killSignals.includes(s)) killSignals.push(s);
    }
    if (c.kind !== 'blank') scanned.push(line);
    chainInput.push({
      id,
      line: c.line,
      body,
      kind: c.kind,
      record: body !== c.text,
    });
  }

  // A short message with no error wording at all (an error field, a one-line summary) is
  // still the error: with nothing else to go on, its lines count as error lines.
  if (
    !scanned.some(l => l.role === 'error' || l.role === 'warning') &&
    scanned.length <= 20
  ) {
    for (const l of scanned) if (l.role === 'context') l.role = 'error';
    for (const c of chainInput) if (c.kind === 'context') c.kind = 'error';
  }
  const { chain: rawChain, exceptionLineIds } = buildCauseChain(chainInput);
  const byId = new Map(scanned.map(l => [l.id, l]));
  for (const id of exceptionLineIds) {
    const l = byId.get(id);
    if (l && l.role !== 'frame') {
      l.role = 'error';
      l.exception ??= findExceptionSegments(l.body)[0]?.exception;
    }
  }
  const chain = chooseRoot(rawChain, scanned, wrapperIds);

  // Roles, strongest last so it wins: retried < wrapper < cause < root.
  for (const l of scanned) {
    if ((l.role === 'error' || l.role === 'warning') && RETRIED.test(l.body))
      l.role = 'retried';
  }
  for (const id of wrapperIds) {
    const l = byId.get(id);
    if (l) l.role = 'wrapper';
  }
  chain.forEach((link, i) => {
    if (i === 0 && !link.wrapper) return;
    for (const id of link.lineIds) {
      const l = byId.get(id);
      if (l && l.role !== 'root') l.role = link.wrapper ? 'wrapper' : 'cause';
    }
  });
  const rootIds =
    chain.length > 0 && !chain[0].wrapper ? [...chain[0].lineIds] : [];
  for (const id of rootIds) {
    const l = byId.get(id);
    if (l) l.role = 'root';
  }

  const signals = deriveSignals(event, exitCodes, killSignals);
  const failedTasks =
    signals.failedTasks ??
    (totals.lostTasks > 0 ? totals.lostTasks : undefined);
  return {
    lines: scanned,
    byId,
    causeChain: chain,
    rootIds,
    codes,
    signals,
    signalLines: signalEvidenceLines(signals),
    counts: {
      lines: totals.lines,
      errors: totals.errors,
      warnings: totals.warnings,
      failedTasks,
    },
    truncated: totals.truncated,
  };
}
