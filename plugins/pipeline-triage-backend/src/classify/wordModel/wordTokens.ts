import type { Evidence, ScannedLine } from '../../evidence';

/**
 * The words of a failure that a fallback may weigh: identifiers of its error lines (exception
 * classes, error names, message words), lower-cased, each dotted part on its own, and the words
 * inside CamelCase and snake_case names ("TableNotFoundException" also gives "table", "found",
 * "exception"), so a class never seen before still shares words with its family. Stack frames,
 * context and INFO lines are left out: they carry the job's own names, not the failure's kind.
 */
const ERROR_ROLES = new Set(['root', 'cause', 'error', 'wrapper', 'retried']);
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_.]*[A-Za-z0-9]/g;
const WORD_PART = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g;
// Words every failure says: they tell no category from another.
const STOP = new Set(
  'the and for with from that this was not are has have its into error failed failure exception info warn warning line file task run job'.split(
    ' ',
  ),
);

function addLine(text: string, into: Set<string>): void {
  for (const identifier of text.match(IDENTIFIER) ?? []) {
    for (const part of identifier.split('.')) {
      if (part.length < 3) continue;
      const lower = part.toLowerCase();
      if (!STOP.has(lower)) into.add(lower);
      // The words of a compound name only: a plain word would count twice.
      const words = part.match(WORD_PART) ?? [];
      if (words.length < 2) continue;
      for (const word of words) {
        const w = word.toLowerCase();
        if (w.length >= 4 && !STOP.has(w)) into.add(`~${w}`);
      }
    }
  }
}

/** The lines a fallback reads: the error lines of the evidence. */
export function errorLines(evidence: Evidence): ScannedLine[] {
  return evidence.lines.filter(l => ERROR_ROLES.has(l.role));
}

/** The distinct words of the error lines. */
export function wordTokens(lines: ScannedLine[]): Set<string> {
  const tokens = new Set<string>();
  for (const line of lines) addLine(line.body, tokens);
  return tokens;
}
