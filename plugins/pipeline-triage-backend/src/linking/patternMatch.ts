/**
 * Annotation values list names separated by commas; `*` matches any run of characters.
 * Compiled once per catalog snapshot, not per event.
 */
export interface NamePattern {
  raw: string;
  exact?: string;
  regex?: RegExp;
}

export function parsePatterns(value: string | undefined): NamePattern[] {
  if (!value) return [];
  return value
    .split(',')
    .map(v => v.trim())
    .filter(Boolean)
    .map(raw => {
      if (!raw.includes('*')) return { raw, exact: raw.toLocaleLowerCase('en-US') };
      const source = raw
        .split('*')
        .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
      return { raw, regex: new RegExp(`^${source}$`, 'i') };
    });
}

export function matches(pattern: NamePattern, candidate: string): boolean {
  if (pattern.exact !== undefined) return pattern.exact === candidate.toLocaleLowerCase('en-US');
  return pattern.regex!.test(candidate);
}
