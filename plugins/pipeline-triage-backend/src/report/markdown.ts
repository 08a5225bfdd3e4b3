/** Small Markdown helpers: escaping and fences that survive any content. */

export function escapeInline(text: string): string {
  // `_` is left alone: inside words (snake_case names) it never starts emphasis.
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*[\]|<>#])/g, '\\$1');
}

/** A fenced block whose fence is longer than any backtick run inside the content. */
export function codeBlock(content: string, lang = ''): string {
  const longest = Math.max(
    2,
    ...[...content.matchAll(/`+/g)].map(m => m[0].length),
  );
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${content.replace(/\s+$/, '')}\n${fence}`;
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
