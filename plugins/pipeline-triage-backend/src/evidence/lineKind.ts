/**
 * A first, cheap reading of one line: is it an error, a warning, a stack frame, or context?
 * It runs on every line of large logs, so it uses a handful of anchored or gated regexes.
 */
export type LineKind = 'error' | 'warning' | 'frame' | 'context' | 'blank';

// Words that make a line worth keeping as error evidence whatever its log level says
// (tools print the real error at INFO surprisingly often).
const ERROR_WORDS =
  /error|exception|fail|fatal|denied|forbidden|refused|timed out|timeout|killed|cannot|can't|unable|not found|does not exist|doesn't exist|invalid|violat|exceed|no space|unavailable|traceback|oom|evicted|abort|panic|unauthori|not authori|could not|couldn't|expired|lost |missing|rejected|incompatible|too many|malformed|mismatch|stale|throttl|slow ?down|insufficient|not allowed|unrecognized|unexpected|conflict|corrupt|overflow|out of memory|deadlock|crash|terminated|sigkill|sigterm|unreachable|not recognized|not defined|isn't defined|no such|not enough|too large|reset by peer|broken pipe|no longer reachable|hanging\?|not responsive|unresponsive/;

const FRAME =
  /^\s+at\s|^\s*at [\w$.<>/]+\(|^\s*File "[^"]*", line \d+|^\s*\.\.\. \d+ (?:more|common frames omitted)|^\s*\^+\s*$/;

const LEVEL_ERROR = /\b(?:ERROR|FATAL|CRITICAL|SEVERE)\b/;
const LEVEL_WARN = /\bWARN(?:ING)?\b/;

export function lineKind(text: string, lower: string): LineKind {
  if (text.trim() === '') return 'blank';
  if (FRAME.test(text)) return 'frame';
  if (ERROR_WORDS.test(lower) || LEVEL_ERROR.test(text)) return 'error';
  if (LEVEL_WARN.test(text)) return 'warning';
  return 'context';
}

// Lines that are not errors but carry facts the policies need: commits and writes,
// exit codes, evictions, sensor pokes, dbt node results.
const NOTABLE =
  /commit|wrote|written|renam|insert|merge|upload|saved|ok created|success|exit|signal|evicted|preempt|sensor|poking|waiting|partition|snapshot|rows|delay|retry|attempt/;

export function isNotable(lower: string): boolean {
  return NOTABLE.test(lower);
}
