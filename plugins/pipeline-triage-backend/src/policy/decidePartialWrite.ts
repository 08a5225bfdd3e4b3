import type {
  FailureEvent,
  PartialWriteVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { KeywordIndex, requiredLiterals } from '../classify';
import type { Evidence, ScannedLine } from '../evidence';
import {
  FAILURE_POINTS,
  HOUSEKEEPING_STEP,
  NOTHING_WRITTEN,
  SCRIPT_DML_STATEMENT,
  STATEMENT_ACKS,
  WRITE_ACTIVITY,
  WRITE_STARTED,
  WritePattern,
  WROTE,
  WROTE_NEGATION,
} from './writeEvidence';

type Signals = NonNullable<FailureEvent['signals']>;

function inScope(
  p: WritePattern,
  line: ScannedLine,
  lines: ScannedLine[],
): boolean {
  if (p.where !== 'any' && (line.role === 'context' || line.role === 'frame'))
    return false;
  if (p.requires && !lines.some(l => p.requires!.test(l.text))) return false;
  if (p.announcedBefore) {
    // The line announces a unit before doing it: only a later announcement proves it done.
    const at = lines.indexOf(line);
    if (!lines.slice(at + 1).some(l => p.regex.test(l.text))) return false;
  }
  if (p.followedBy) {
    // The line says a unit was being saved: only the tool's "done" line after it proves it.
    const at = lines.indexOf(line);
    if (!lines.slice(at + 1).some(l => p.followedBy!.test(l.text)))
      return false;
  }
  if (p.unitFailed) {
    // The unit this line reports done: another line saying it failed cancels the line.
    const unit = p.regex.exec(line.text)?.[1];
    if (unit) {
      const failed = new RegExp(
        p.unitFailed.replace('{unit}', () =>
          unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        ),
      );
      if (lines.some(l => l !== line && failed.test(l.text))) return false;
    }
  }
  return (
    !p.unless || !lines.some(l => l.role !== 'frame' && p.unless!.test(l.text))
  );
}

/**
 * Which patterns of a list can match a line at all: each pattern's required literals (the text
 * it cannot match without) go into one keyword index, so a line costs one scan plus the few
 * regexes whose literal it contains. Most lines of a log match no write pattern, and this keeps
 * the verdict cheap as the list grows. A pattern without such a literal is always tested.
 */
interface Prefiltered {
  keywords: KeywordIndex;
  patternsOf: number[][];
  always: number[];
}
const PREFILTERS = new WeakMap<WritePattern[], Prefiltered>();

function prefilterOf(patterns: WritePattern[]): Prefiltered {
  let cached = PREFILTERS.get(patterns);
  if (!cached) {
    const ids = new Map<string, number>();
    const patternsOf: number[][] = [];
    const always: number[] = [];
    patterns.forEach((p, i) => {
      const literals = requiredLiterals(p.regex.source);
      if (!literals) {
        always.push(i);
        return;
      }
      for (const lit of literals) {
        let id = ids.get(lit);
        if (id === undefined) {
          id = patternsOf.length;
          ids.set(lit, id);
          patternsOf.push([]);
        }
        patternsOf[id].push(i);
      }
    });
    cached = {
      keywords: new KeywordIndex([...ids.keys()]),
      patternsOf,
      always,
    };
    PREFILTERS.set(patterns, cached);
  }
  return cached;
}

function firstMatch(
  patterns: WritePattern[],
  lines: ScannedLine[],
  accept: (line: ScannedLine) => boolean = () => true,
): { pattern: WritePattern; line: ScannedLine } | undefined {
  const { keywords, patternsOf, always } = prefilterOf(patterns);
  // Line order decides (callers put the root cause first), then pattern order.
  for (const line of lines) {
    const candidates = always.slice();
    keywords.scan(line.lower, k => {
      for (const i of patternsOf[k]) candidates.push(i);
    });
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => a - b);
    for (let c = 0; c < candidates.length; c += 1) {
      const i = candidates[c];
      if (c > 0 && i === candidates[c - 1]) continue;
      const pattern = patterns[i];
      if (
        pattern.regex.test(line.text) &&
        inScope(pattern, line, lines) &&
        accept(line)
      ) {
        return { pattern, line };
      }
    }
  }
  return undefined;
}

/**
 * The last step the job announced before its first error, when that step reads: "Querying
 * orders for 2024-05-07", "Fetching page 3", "Running statement: SELECT ...", or a
 * Dagster/Prefect step named as a read ("extract_gl", "fetch_accounts"). Used only when no
 * line shows write activity, like the weak failure points.
 */
const READ_PHASE =
  /\b(?:Querying|Fetching|Extracting|Reading|Downloading|Listing|Scanning|Polling|Loading (?:data )?from|Pulling|Exporting from|Selecting|Retrieving)\b|\b(?:Running|Executing) (?:statement|query|sql)?:? ?(?:SELECT|SHOW|DESCRIBE)\b/i;

/** Announcements that say nothing about the phase: skipped when looking back. */
const NEUTRAL_PHASE =
  /\b(?:Using connection|Starting attempt|Marking task|Sending|Setting|Exporting env|Tmp dir|Running command|Running with dbt|Registered adapter|Found \d+ models|Dependencies all met|Pausing|Resuming|Checking|Received)\b/;

// Orchestrators whose steps hand their outputs to IO managers or result storage after the
// step's code returns: a step that fails while reading has written nothing.
const STEP_START = /STEP_START|Started execution of step|Created task run/;
const READ_STEP =
  /(?:step|task run) ?['"]?(?:[\w.]*\.)?(?:extract|fetch|download|read|get|list|poll|wait_for|sense|scan|query)_\w*/i;

interface FailurePoint {
  stage: string;
  line: ScannedLine;
}

function lastPhaseWasRead(lines: ScannedLine[]): FailurePoint | undefined {
  const firstError = lines.findIndex(
    l => l.role === 'root' || l.role === 'cause' || l.role === 'error',
  );
  if (firstError <= 0) return undefined;
  for (let i = firstError - 1; i >= 0; i -= 1) {
    const l = lines[i];
    if (l.role !== 'context') continue;
    if (STEP_START.test(l.body)) {
      // The step that was running when the run failed: its name tells whether it reads.
      return READ_STEP.test(l.body)
        ? {
            stage: `running a read-only step ("${shorten(l.body, 60)}")`,
            line: l,
          }
        : undefined;
    }
    if (!/\b[A-Z][a-z]+ing\b/.test(l.body) || NEUTRAL_PHASE.test(l.body))
      continue;
    if (!READ_PHASE.test(l.body)) return undefined;
    return {
      stage: `reading its input (last step: "${shorten(l.body, 60)}")`,
      line: l,
    };
  }
  return undefined;
}

/** The failure itself or its chain: what a line before it may say happened before the failure. */
function isFailureLine(line: ScannedLine): boolean {
  return (
    line.role === 'root' ||
    line.role === 'cause' ||
    line.role === 'error' ||
    line.role === 'wrapper'
  );
}

/** Two writes to different destinations announced one after the other: the first finished. */
function earlierWriteFinished(lines: ScannedLine[]): ScannedLine | undefined {
  let first: { line: ScannedLine; target: string } | undefined;
  for (const line of lines) {
    // Only what happened before the failure: stop at the first error of any kind.
    if (isFailureLine(line)) break;
    if (line.role !== 'context') continue;
    const m = WRITE_STARTED.exec(line.body);
    if (!m) continue;
    const target = m[2];
    if (!first) first = { line, target };
    else if (target !== first.target) return first.line;
  }
  return undefined;
}

/** Other statements: an acknowledgement after one of them is not about the DML before it. */
const OTHER_STATEMENT =
  /^\s*(?:SELECT|WITH|CREATE|DROP|ALTER|USE|SET|TRUNCATE|GRANT|REVOKE|SHOW|DESCRIBE|CALL|ROLLBACK)\b/i;
const TXN_BEGIN =
  /^\s*(?:BEGIN(?:\s+TRANSACTION)?|START\s+TRANSACTION)\s*;?\s*$/i;
const TXN_END = /^\s*(?:COMMIT|END)\s*;?\s*$/i;

/**
 * A script runner echoed a DML statement and then its acknowledgement before the first error:
 * that statement finished (and, outside an explicit transaction, committed) before the failure.
 */
function acknowledgedStatement(lines: ScannedLine[]): ScannedLine | undefined {
  let pending: ScannedLine | undefined;
  let inTxn = false;
  for (const line of lines) {
    if (isFailureLine(line)) break;
    const body = line.body;
    if (TXN_BEGIN.test(body)) inTxn = true;
    else if (TXN_END.test(body)) inTxn = false;
    else if (SCRIPT_DML_STATEMENT.test(body)) pending = line;
    else if (OTHER_STATEMENT.test(body)) pending = undefined;
    else if (pending && !inTxn && STATEMENT_ACKS.some(a => a.regex.test(body)))
      return pending;
  }
  return undefined;
}

/**
 * The run failed in a housekeeping step (VACUUM, a view refresh, a meta sync, dropping a
 * staging table, ...) that it reached after a line showing it writing: the failing step names
 * itself in the error chain (or a stack frame), or it is the last step announced before the
 * first error. Tools run these steps only once the write before them returned.
 */
function housekeepingAfterWrite(
  lines: ScannedLine[],
): { step: ScannedLine; write: ScannedLine } | undefined {
  const firstError = lines.findIndex(isFailureLine);
  if (firstError <= 0) return undefined;
  let stepAt = lines.findIndex(
    l =>
      (isFailureLine(l) || l.role === 'frame') &&
      HOUSEKEEPING_STEP.test(l.text) &&
      // "Conflicting commit: {operation: OPTIMIZE}" describes another transaction.
      !WROTE_NEGATION.test(l.text),
  );
  if (stepAt < 0) {
    // The last step announced before the first error.
    for (let i = firstError - 1; i >= 0; i -= 1) {
      if (lines[i].role !== 'context') continue;
      if (HOUSEKEEPING_STEP.test(lines[i].body)) stepAt = i;
      break;
    }
  }
  if (stepAt < 0) return undefined;
  const before = Math.min(stepAt, firstError);
  const write = lines
    .slice(0, before)
    .find(
      l =>
        l.role === 'context' &&
        WRITE_ACTIVITY.test(l.text) &&
        !HOUSEKEEPING_STEP.test(l.text),
    );
  return write ? { step: lines[stepAt], write } : undefined;
}

// Module-level so each list keeps its prefilter (keyed by the array).
const STRONG_POINTS = FAILURE_POINTS.filter(p => p.tier === 'strong');
const WEAK_POINTS = FAILURE_POINTS.filter(p => p.tier === 'weak');

function signalWrites(s: Signals): { name: string; value: number } | undefined {
  if ((s.commitsDuringRun ?? 0) > 0)
    return { name: 'commitsDuringRun', value: s.commitsDuringRun! };
  if ((s.snapshotIds?.length ?? 0) > 0)
    return { name: 'snapshotIds', value: s.snapshotIds!.length };
  if ((s.partitionsWritten ?? 0) > 0)
    return { name: 'partitionsWritten', value: s.partitionsWritten! };
  if ((s.rowsWritten ?? 0) > 0)
    return { name: 'rowsWritten', value: s.rowsWritten! };
  return undefined;
}

function signalsSayNothing(s: Signals): string | undefined {
  const zero = (
    ['commitsDuringRun', 'rowsWritten', 'partitionsWritten'] as const
  ).filter(k => s[k] === 0);
  return zero.length > 0 ? zero.map(k => `${k}=0`).join(', ') : undefined;
}

function shorten(text: string, max = 100): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * Did the failed run already write or commit some output? Structured signals decide first,
 * then commit lines in the log, then explicit "nothing written" lines, then the point where
 * the run failed when that point comes before any write (connecting, authenticating, reading,
 * compiling, waiting). Anything else is `unknown`.
 */
export function decidePartialWrite(
  event: Pick<FailureEvent, 'signals'>,
  evidence: Evidence,
): PartialWriteVerdict {
  const signals = event.signals ?? {};
  const wrote = signalWrites(signals);
  if (wrote) {
    const id = evidence.signalLines.find(l =>
      l.text.startsWith(`${wrote.name}=`),
    )?.id;
    return {
      partialWrite: 'true',
      reason: `The run reported ${wrote.name}=${wrote.value} before it failed.`,
      evidence: id ? [id] : [],
    };
  }
  const lines = evidence.lines;
  const commit = firstMatch(WROTE, lines, l => !WROTE_NEGATION.test(l.text));
  if (commit) {
    return {
      partialWrite: 'true',
      reason: `The log shows output written before the failure (${
        commit.line.id
      }: "${shorten(commit.line.body)}").`,
      evidence: [commit.line.id],
    };
  }
  const acked = acknowledgedStatement(lines);
  if (acked) {
    return {
      partialWrite: 'true',
      reason: `A statement of the script finished before the failure (${
        acked.id
      }: "${shorten(acked.body)}").`,
      evidence: [acked.id],
    };
  }
  const earlier = earlierWriteFinished(lines);
  if (earlier) {
    return {
      partialWrite: 'true',
      reason: `The run finished one write and started another before failing (${
        earlier.id
      }: "${shorten(earlier.body)}").`,
      evidence: [earlier.id],
    };
  }
  const zero = signalsSayNothing(signals);
  if (zero) {
    const ids = evidence.signalLines
      .filter(l => /=0$/.test(l.text))
      .map(l => l.id);
    return {
      partialWrite: 'false',
      reason: `The run reported ${zero}.`,
      evidence: ids,
    };
  }
  const nothing = firstMatch(NOTHING_WRITTEN, lines);
  if (nothing) {
    return {
      partialWrite: 'false',
      reason: `The log says nothing was kept (${nothing.line.id}: "${shorten(
        nothing.line.body,
      )}").`,
      evidence: [nothing.line.id],
    };
  }
  const housekeeping = housekeepingAfterWrite(lines);
  if (housekeeping) {
    return {
      partialWrite: 'true',
      reason: `It failed in a housekeeping step (${
        housekeeping.step.id
      }: "${shorten(housekeeping.step.body, 60)}") after writing (${
        housekeeping.write.id
      }: "${shorten(housekeeping.write.body, 60)}").`,
      evidence: [housekeeping.write.id, housekeeping.step.id],
    };
  }
  // Failure points: the root cause and its chain speak first, then the other lines.
  const rootFirst = [
    ...lines.filter(l => l.role === 'root' || l.role === 'cause'),
    ...lines.filter(l => l.role !== 'root' && l.role !== 'cause'),
  ];
  const wroteSomething = lines.find(l => WRITE_ACTIVITY.test(l.text));
  const asPoint = (m?: {
    pattern: WritePattern;
    line: ScannedLine;
  }): FailurePoint | undefined =>
    m && { stage: m.pattern.stage ?? 'before writing', line: m.line };
  const point =
    asPoint(firstMatch(STRONG_POINTS, rootFirst)) ??
    (wroteSomething
      ? undefined
      : asPoint(firstMatch(WEAK_POINTS, rootFirst)) ?? lastPhaseWasRead(lines));
  if (point) {
    return {
      partialWrite: 'false',
      reason: `It failed while ${point.stage}, before writing output (${point.line.id}).`,
      evidence: [point.line.id],
    };
  }
  return {
    partialWrite: 'unknown',
    reason: wroteSomething
      ? `The log shows write activity (${wroteSomething.id}) but not whether any of it was kept.`
      : 'Nothing in the event shows whether output was written before the failure.',
    evidence: wroteSomething ? [wroteSomething.id] : [],
  };
}
