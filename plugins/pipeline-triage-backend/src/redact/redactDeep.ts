import { redacted, redactSecrets } from './redactSecrets';

/**
 * Key names whose values are secrets whatever they look like, matched on the key's ending with
 * case, `-` and `_` ignored: `password`, `dbPassword`, `client_secret`, `X-Api-Key`,
 * `accessToken`, `Authorization`, `credentials`. `max_tokens` or `secret_arn` are not secrets.
 */
const SECRET_KEY_ENDINGS: Array<[string, string]> = [
  ['password', 'password'],
  ['passwd', 'password'],
  ['passphrase', 'password'],
  ['secret', 'secret'],
  ['secretkey', 'secret'],
  ['privatekey', 'private_key'],
  ['token', 'token'],
  ['apikey', 'api_key'],
  ['accesskey', 'api_key'],
  ['authorization', 'authorization'],
  ['credential', 'credentials'],
  ['credentials', 'credentials'],
  ['connectionstring', 'connection_string'],
];

/** Deeper values are replaced whole: a hostile payload must not blow the stack. */
const MAX_DEPTH = 64;

export function secretKeyKind(key: string): string | undefined {
  const normalized = key.toLowerCase().replace(/[-_\s]/g, '');
  return SECRET_KEY_ENDINGS.find(([ending]) =>
    normalized.endsWith(ending),
  )?.[1];
}

/**
 * Returns a copy of `value` with every string passed through redactSecrets and the values of
 * secret-named keys replaced (strings, objects and arrays; numbers, booleans and null stay, so
 * the shape stays valid).
 */
export function redactDeep<T>(value: T): T {
  return walk(value, 0, new WeakSet()) as T;
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return redacted('too_deep');
  if (seen.has(value)) return redacted('cycle');
  seen.add(value);
  try {
    if (Array.isArray(value))
      return value.map(item => walk(item, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const kind = secretKeyKind(key);
      const replace =
        kind &&
        item !== '' &&
        (typeof item === 'string' || typeof item === 'object') &&
        item !== null;
      out[key] = replace ? redacted(kind) : walk(item, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
