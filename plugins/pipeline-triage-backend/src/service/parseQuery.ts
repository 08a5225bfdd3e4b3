import { InputError } from '@backstage/errors';
import type { z } from 'zod';
import { hasUnstorable } from '../ingest';

/**
 * Validates query, path or body input; the error names the field and says what was expected.
 * Text the database cannot hold (a NUL, a lone surrogate) is refused here for every route, before
 * it reaches a query: PostgreSQL would answer with an error, SQLite with nothing.
 */
export function parseQuery<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where = 'query',
): z.infer<T> {
  const unstorable = unstorableField(input, where);
  if (unstorable)
    throw new InputError(
      `${unstorable}: contains a NUL or an unpaired surrogate, which cannot be stored or matched`,
    );
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.length ? issue.path.join('.') : where;
  throw new InputError(`${field}: ${issue.message}`);
}

function unstorableField(
  input: unknown,
  field: string,
  depth = 0,
): string | undefined {
  if (typeof input === 'string')
    return hasUnstorable(input) ? field : undefined;
  if (depth > 3 || typeof input !== 'object' || input === null)
    return undefined;
  for (const [key, value] of Object.entries(input)) {
    const name = depth === 0 && !Array.isArray(input) ? key : `${field}.${key}`;
    if (hasUnstorable(key)) return name;
    const found = unstorableField(value, name, depth + 1);
    if (found) return found;
  }
  return undefined;
}
