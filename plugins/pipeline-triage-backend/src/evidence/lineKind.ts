/**
 * A first, cheap reading of one line: is it an error, a warning, a stack frame, or context?
 * It runs on every line of large logs, so it uses a handful of anchored or gated regexes.
 */
export type LineKind = 'error' | 'warning' | 'frame' | 'context' | 'blank';

import { LiteralScanner } from './literalScan';

// Words that make a line worth keeping as error evidence whatever its log level says
// (tools print the real error at INFO surprisingly often). Matched case-insensitively.
export const ERROR_WORDS = [
  'error',
  'exception',
  'fail',
  'fatal',
  'denied',
  'forbidden',
  'refused',
  'timed out',
  'timeout',
  'killed',
  'cannot',
  "can't",
  'unable',
  'not found',
  'does not exist',
  "doesn't exist",
  'invalid',
  'violat',
  'exceed',
  'no space',
  'unavailable',
  'traceback',
  'oom',
  'evicted',
  'abort',
  'panic',
  'unauthori',
  'not authori',
  'could not',
  "couldn't",
  'expired',
  'lost ',
  'missing',
  'rejected',
  'incompatible',
  'too many',
  'malformed',
  'mismatch',
  'stale',
  'throttl',
  'slowdown',
  'slow down',
  'insufficient',
  'not allowed',
  'unrecognized',
  'unexpected',
  'conflict',
  'corrupt',
  'overflow',
  'out of memory',
  'deadlock',
  'crash',
  'terminated',
  'sigkill',
  'sigterm',
  'unreachable',
  'not recognized',
  'not defined',
  "isn't defined",
  'no such',
  'not enough',
  'too large',
  'reset by peer',
  'broken pipe',
  'no longer reachable',
  'hanging?',
  'not responsive',
  'unresponsive',
  // data-quality frameworks (Deequ) report a failed check without any of the words above
  'does not meet',
];

// Lines that are not errors but carry facts the policies need: commits and writes,
// exit codes, evictions, sensor pokes, dbt node results.
export const NOTABLE_WORDS = [
  'commit',
  'wrote',
  'written',
  'renam',
  'insert',
  'merge',
  'upload',
  'saved',
  'ok created',
  'success',
  'exit',
  'signal',
  'evicted',
  'preempt',
  'sensor',
  'poking',
  'waiting',
  'partition',
  'snapshot',
  'rows',
  'delay',
  'retry',
  'attempt',
];

const ERROR_BIT = 1;
const NOTABLE_BIT = 2;
/** Level words that need a case-sensitive second look (CRITICAL, SEVERE, WARN, WARNING). */
const LEVEL_BIT = 4;
const LOST_TASK_BIT = 8;

const SCANNER = new LiteralScanner([
  ERROR_WORDS,
  NOTABLE_WORDS,
  ['critical', 'severe', 'warn'],
  ['lost task'],
]);

const FRAME =
  /^\s+at\s|^\s*at [\w$.<>/]+\(|^\s*File "[^"]*", line \d+|^\s*\.\.\. \d+ (?:more|common frames omitted)|^\s*\^+\s*$/;

const LEVEL_ERROR = /\b(?:CRITICAL|SEVERE)\b/;
const LEVEL_WARN = /\bWARN(?:ING)?\b/;
const NOT_BLANK = /\S/;

/** What one scan of a line found: its kind and the facts the collector counts. */
export interface LineFacts {
  kind: LineKind;
  notable: boolean;
  lostTask: boolean;
}

/** One pass over the line decides its kind; regexes run only on the rare lines that need them. */
export function lineFacts(text: string): LineFacts {
  if (!NOT_BLANK.test(text))
    return { kind: 'blank', notable: false, lostTask: false };
  const bits = SCANNER.scan(text);
  const lostTask = (bits & LOST_TASK_BIT) !== 0;
  if (FRAME.test(text)) return { kind: 'frame', notable: false, lostTask };
  const notable = (bits & NOTABLE_BIT) !== 0;
  if ((bits & ERROR_BIT) !== 0) return { kind: 'error', notable, lostTask };
  if ((bits & LEVEL_BIT) !== 0) {
    if (LEVEL_ERROR.test(text)) return { kind: 'error', notable, lostTask };
    if (LEVEL_WARN.test(text)) return { kind: 'warning', notable, lostTask };
  }
  return { kind: 'context', notable, lostTask };
}

export function lineKind(text: string, _lower?: string): LineKind {
  return lineFacts(text).kind;
}

export function isNotable(text: string): boolean {
  return (SCANNER.scan(text) & NOTABLE_BIT) !== 0;
}
