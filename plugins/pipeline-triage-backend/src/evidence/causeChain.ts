import { findExceptionSegments } from './exceptions';
import type { LineKind } from './lineKind';
import type { CauseLink } from './types';
import { isWrapperText, WRAPPER_PATTERNS } from './wrappers';

export interface ChainInputLine {
  id: string;
  line: number;
  body: string;
  kind: LineKind;
  /** True when the line starts a new log record (it had a timestamp / level prefix). */
  record: boolean;
}

export interface ChainResult {
  /** Root cause first, outermost wrapper last. Empty when the text declares no exception. */
  chain: CauseLink[];
  /** Lines of every exception or dbt error header, whatever group they belong to. */
  exceptionLineIds: Set<string>;
}

const TRACEBACK = /Traceback \(most recent call last\)/;
const PY_CHAINED =
  /^\s*(?:During handling of the above exception, another exception occurred|The above exception was the direct cause of the following exception)/;
// Dagster prints the outer error first, then this marker, then its cause.
const CAUSE_FOLLOWS =
  /^\s*The above exception was caused by the following exception/;
const CAUSED_BY = /^\s*Caused by:\s*/;
const PY4J_CONTINUATION = /^\s*:\s+(?=\S)/;
// dbt prints a header, then the database's message indented below it.
const DBT_HEADER =
  /\bFailure in (?:test|unit_test) [\w.-]+(?: \([^)]*\))?\s*$|\b(?:Database|Runtime|Compilation|Parsing|Dependency|Validation) Error(?: in (?:model|test|snapshot|seed|source|macro|operation|analysis|unit_test|hook|exposure) [\w.-]+(?: \([^)]*\))?)?\s*$|Database error while running on-run-(?:start|end)\s*$|\bError while running on-run-(?:start|end)/;
const DBT_INLINE_HEADER =
  /^(.*\b(?:Database|Runtime|Compilation) Error in \w+ [\w.-]+ \([^)]*\))\s+(\S.*)$/;
const DETAIL_END = /^\s*compiled (?:SQL|Code) at\b/;
const DBT_NODE_STATUS = /^\s*\d+ of \d+ |^\s*Done\. PASS=|^\s*Completed with /;
const PY_WORKER = /Python worker|PythonException/;
// Run summaries wrap nothing: what follows them is more counting.
const SUMMARY = /Done\. PASS=|Completed with \d+ errors?|Finished running \d+/;

/**
 * "Query terminated with exception: Exception thrown in awaitResult: [CODE] real message":
 * the text after the last wrapper phrase is the deeper cause.
 */
function splitAfterWrapper(body: string): [string, string] | undefined {
  let end = -1;
  for (const p of WRAPPER_PATTERNS) {
    const m = p.exec(body);
    if (m && m.index + m[0].length > end) end = m.index + m[0].length;
  }
  if (end < 0 || SUMMARY.test(body)) return undefined;
  const rest = body.slice(end).replace(/^[\s:.]+/, '');
  // A cause reads like a message, not like counters (`WARN=0 ERROR=1 TOTAL=38`).
  if (
    rest.length < 15 ||
    isWrapperText(rest) ||
    /^(?:[\w-]+=\S*\s*)+$/.test(rest)
  )
    return undefined;
  return [body.slice(0, end), rest];
}

function linksOf(l: ChainInputLine, body: string): CauseLink[] {
  const segments = findExceptionSegments(body);
  if (segments.length === 0) {
    const split = splitAfterWrapper(body);
    if (split) {
      return [
        { lineIds: [l.id], line: l.line, text: split[0].trim(), wrapper: true },
        {
          lineIds: [l.id],
          line: l.line,
          text: split[1].trim(),
          wrapper: false,
        },
      ];
    }
    return [
      {
        lineIds: [l.id],
        line: l.line,
        text: body.trim(),
        wrapper: isWrapperText(body),
      },
    ];
  }
  // Text before the first class name (e.g. "Lost task 1.0 in stage 2.0 (...): ") belongs to it.
  return segments.map(s => ({
    lineIds: [l.id],
    line: l.line,
    exception: s.exception,
    text: s.text,
    wrapper: s.message === '' || isWrapperText(s.text),
  }));
}

/**
 * Builds the exception chain from Java (`Caused by:`), Python tracebacks (chained with
 * "During handling..." / "The above exception was the direct cause..."), py4j (`: java...`),
 * Spark stage-failure wrappers (the cause printed inline) and dbt error headers.
 */
export function buildCauseChain(lines: ChainInputLine[]): ChainResult {
  // Each group is ordered outermost first.
  const groups: CauseLink[][] = [];
  const exceptionLineIds = new Set<string>();
  let current: CauseLink[] | undefined;
  let inTraceback = false;
  let tracebackNested = false;
  let chainOuter = false;
  let causeFollows = false;
  // After a dbt header or an exception, the next lines may carry the detailed message.
  // dbt headers accept unindented lines that are not new log records; exceptions need indent.
  let detail:
    | { group: CauseLink[]; left: number; link?: CauseLink; loose: boolean }
    | undefined;
  let lastPyWorkerLine = -100;

  const startGroup = (links: CauseLink[]) => {
    current = links;
    groups.push(links);
  };

  for (const l of lines) {
    const body = l.body;
    if (l.kind === 'blank') {
      detail = undefined;
      continue;
    }
    if (PY_WORKER.test(body)) lastPyWorkerLine = l.line;
    if (TRACEBACK.test(body)) {
      // A traceback printed right under a Java exception (PySpark UDFs) is a deeper cause.
      tracebackNested = !!current && l.line - lastPyWorkerLine <= 3;
      inTraceback = true;
      detail = undefined;
      continue;
    }
    if (PY_CHAINED.test(body)) {
      chainOuter = true;
      continue;
    }
    if (CAUSE_FOLLOWS.test(body)) {
      causeFollows = true;
      continue;
    }
    if (inTraceback) {
      if (l.kind === 'frame' || /^\s/.test(body)) continue;
      inTraceback = false;
      exceptionLineIds.add(l.id);
      const links = linksOf(l, body);
      if (chainOuter && groups.length > 0) {
        // Python prints the original exception first; the one raised while handling it wraps it.
        const previous = groups[groups.length - 1];
        previous.unshift(...links);
        current = previous;
      } else if (tracebackNested && current) {
        current.push(...links);
      } else {
        startGroup(links);
      }
      chainOuter = false;
      tracebackNested = false;
      detail = { group: current!, left: 4, loose: false };
      continue;
    }
    if (l.kind === 'frame') continue;

    const continues =
      detail &&
      detail.left > 0 &&
      !DETAIL_END.test(body) &&
      (/^\s+\S/.test(body) ||
        (detail.loose && !l.record && !DBT_NODE_STATUS.test(body)));
    if (detail && continues) {
      // Indented continuation of a dbt header or exception: the detailed message.
      detail.left -= 1;
      if (detail.link) {
        detail.link.lineIds.push(l.id);
        detail.link.text = `${detail.link.text} ${body.trim()}`.slice(0, 1000);
      } else {
        detail.link = {
          lineIds: [l.id],
          line: l.line,
          text: body.trim(),
          wrapper: isWrapperText(body),
        };
        detail.group.push(detail.link);
      }
      exceptionLineIds.add(l.id);
      continue;
    }
    detail = undefined;

    if (CAUSED_BY.test(body)) {
      exceptionLineIds.add(l.id);
      const links = linksOf(l, body.replace(CAUSED_BY, ''));
      if (current) current.push(...links);
      else startGroup(links);
      continue;
    }
    if (PY4J_CONTINUATION.test(body) && current) {
      exceptionLineIds.add(l.id);
      current.push(...linksOf(l, body.replace(PY4J_CONTINUATION, '')));
      continue;
    }
    if (/^\s*Suppressed:/.test(body)) continue;

    const inline = DBT_INLINE_HEADER.exec(body);
    if (inline && findExceptionSegments(inline[1]).length === 0) {
      // "Database Error in model x (path)  message" on one line.
      exceptionLineIds.add(l.id);
      startGroup([
        {
          lineIds: [l.id],
          line: l.line,
          text: inline[1].trim(),
          wrapper: true,
        },
        {
          lineIds: [l.id],
          line: l.line,
          text: inline[2].trim(),
          wrapper: isWrapperText(inline[2]),
        },
      ]);
      detail = { group: current!, left: 4, loose: true };
      continue;
    }
    const segments = findExceptionSegments(body);
    if (segments.length > 0 || DBT_HEADER.test(body)) {
      exceptionLineIds.add(l.id);
      const links = linksOf(l, body);
      if (segments.length === 0) links[0].wrapper = true;
      if (causeFollows && current) current.push(...links);
      else startGroup(links);
      causeFollows = false;
      detail = { group: current!, left: 4, loose: segments.length === 0 };
      continue;
    }
    if (l.kind === 'error' && splitAfterWrapper(body)) {
      exceptionLineIds.add(l.id);
      startGroup(linksOf(l, body));
      continue;
    }
    // A new log record ends the exception being printed.
    if (l.record) current = undefined;
  }

  if (groups.length === 0) return { chain: [], exceptionLineIds };
  // The primary group is the last one that says something beyond "it failed".
  let primary = groups[groups.length - 1];
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    if (groups[i].some(link => !link.wrapper)) {
      primary = groups[i];
      break;
    }
  }
  return { chain: [...primary].reverse(), exceptionLineIds };
}
