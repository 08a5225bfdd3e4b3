import type { Evidence } from '../evidence';

/**
 * Lines drivers print after an error to suggest what to check ("Is the server running on
 * host ...", "HINT: ...", "Did you mean ..."). They are not the error: a title built on them
 * hides what failed.
 */
const HINT =
  /^\s*(?:Is the server running\b|HINT:|DETAIL:|Did you mean\b|Perhaps you meant\b|Check (?:that|whether|if|the)\b|Please (?:check|verify|make sure|ensure)\b|Make sure\b|Verify that\b|Consider\b|You (?:may|might|can|should)\b|Try\b|See (?:https?:|the )|For more (?:information|details)\b)/i;

export function isHintLine(text: string): boolean {
  return HINT.test(text);
}

/**
 * The line an incident's title names: the root cause, unless the root is a hint that follows
 * an error, in which case the error itself, with the hint after it (it often names the host).
 */
export function headline(evidence: Evidence): string | undefined {
  const [root, next] = evidence.causeChain;
  if (!root) return undefined;
  if (!root.exception && isHintLine(root.text)) {
    // The error the hint belongs to: the next link of the chain, or the nearest error line before it.
    const error =
      next?.text ??
      [...evidence.lines]
        .reverse()
        .find(
          l =>
            l.line < root.line &&
            (l.role === 'cause' || l.role === 'error' || l.role === 'root') &&
            !isHintLine(l.body),
        )?.body;
    if (error) return `${error} (${root.text.trim()})`;
  }
  return root.text;
}
