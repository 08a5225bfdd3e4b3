import { createHash } from 'node:crypto';

type Replacement = string | ((match: string) => string);

// Order matters: long, specific shapes first, so their digits are not eaten by the number rule.
const NORMALISERS: Array<[RegExp, Replacement]> = [
  [
    /\b\d{4}-\d\d-\d\d(?:[ T]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\b/g,
    '<ts>',
  ],
  [/\b\d\d\/\d\d\/\d\d(?:\d\d)? \d\d:\d\d:\d\d\b/g, '<ts>'],
  [
    /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
    '<uuid>',
  ],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`)]+/gi, '<url>'],
  [/(?:^|(?<=[\s=:'"(]))(?:\/[\w.@-]+){2,}\/?/g, '<path>'],
  [/\b[A-Za-z]:\\[^\s'"]+/g, '<path>'],
  [/'[^']*'|"[^"]*"|`[^`]*`/g, '<lit>'],
  [/\b0x[0-9a-f]+\b/gi, '<hex>'],
  // Hex-looking tokens with letters and digits (request ids, hashes), 8 characters or more.
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<hex>'],
  [/\b(?:application|container|job|attempt|task|bqjob)_\w+/gi, '<id>'],
  [/\b[\w-]*\d[\w-]*\.(?:compute\.internal|internal|local)\b/gi, '<host>'],
  [/\d+(?:[.,]\d+)*/g, '#'],
  [/\s+/g, ' '],
];

/**
 * The root-cause line without what changes from one occurrence to the next (timestamps, ids,
 * paths, quoted names, numbers), so recurrences of one failure share a grouping key.
 */
export function normaliseRootCause(text: string): string {
  let out = text.slice(0, 2000);
  for (const [re, replacement] of NORMALISERS) {
    out =
      typeof replacement === 'string'
        ? out.replace(re, replacement)
        : out.replace(re, replacement);
  }
  return out.trim().slice(0, 240);
}

/** Stable grouping key: category plus a short hash of the normalised root cause. */
export function failureSignature(category: string, rootCause: string): string {
  const hash = createHash('sha256')
    .update(`${category}\n${normaliseRootCause(rootCause)}`)
    .digest('hex')
    .slice(0, 12);
  return `${category}:${hash}`;
}
