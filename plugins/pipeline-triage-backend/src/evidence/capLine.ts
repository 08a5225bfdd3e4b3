import { EVIDENCE_LIMITS } from './limits';

/** Cuts a line to the maximum length, marking the cut so a reader knows text is missing. */
export function capLine(
  text: string,
  max: number = EVIDENCE_LIMITS.maxLineLength,
): string {
  if (text.length <= max) return text.endsWith('\r') ? text.slice(0, -1) : text;
  return `${text.slice(0, max)}…`;
}
