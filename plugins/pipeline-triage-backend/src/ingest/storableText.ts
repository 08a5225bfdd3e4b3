/**
 * Characters PostgreSQL refuses in text (NUL) and that UTF-8 cannot encode (a lone UTF-16
 * surrogate). SQLite stores both, so without this an event accepted on one database fails on
 * the other, after the sender was told it was accepted.
 */
// The NUL is what this looks for.
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** True when the text holds a character the database cannot store. */
export function hasUnstorable(text: string): boolean {
  UNSTORABLE.lastIndex = 0;
  const found = UNSTORABLE.test(text);
  UNSTORABLE.lastIndex = 0;
  return found;
}

/** Each NUL or lone surrogate becomes U+FFFD, the replacement character a decoder would write. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, '\ufffd');
}

/** The same for every string (keys included) of a JSON value. */
export function storableDeep<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storableDeep) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[storableText(key)] = storableDeep(item);
    return out as T;
  }
  return value;
}
