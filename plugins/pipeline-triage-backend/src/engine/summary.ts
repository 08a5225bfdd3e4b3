import {
  CATEGORY_INFO,
  Category,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/** `java.lang.OutOfMemoryError: x` → `OutOfMemoryError: x`; package names add nothing here. */
function shortenClassNames(text: string): string {
  return text.replace(/\b(?:[a-z_][\w$]*\.)+([A-Z][\w$]*)/g, '$1');
}

export function shortText(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** One line for lists and notifications: the category and the root cause, shortened. */
export function summarise(
  category: Category,
  rootCause: string | undefined,
): string {
  const label = CATEGORY_INFO[category].label;
  if (!rootCause) return `${label}: no error line found`;
  return `${label}: ${shortText(shortenClassNames(rootCause), 160)}`;
}
