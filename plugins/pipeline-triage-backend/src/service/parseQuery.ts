import { InputError } from '@backstage/errors';
import type { z } from 'zod';

/** Validates query or body input; the error names the field and says what was expected. */
export function parseQuery<T extends z.ZodType>(schema: T, input: unknown, where = 'query'): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.length ? issue.path.join('.') : where;
  throw new InputError(`${field}: ${issue.message}`);
}
