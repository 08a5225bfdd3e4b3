import { z } from 'zod';
import {
  type FailureEvent,
  type FailureEventInput,
  failureEventSchema,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  type IngestProblem,
  IngestValidationError,
} from '@pipeline-triage/plugin-pipeline-triage-node';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isoDateTime = z.iso.datetime({ offset: true });
const urlSchema = z.string().url();

/**
 * Reads loosely typed JSON and collects every bad field before failing, so a sender sees all
 * its mistakes at once. `null` counts as absent: real senders write null for "not known".
 */
export class FieldReader {
  readonly problems: IngestProblem[] = [];

  problem(field: string, reason: string): undefined {
    this.problems.push({ field, reason });
    return undefined;
  }

  string(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string')
      return this.problem(path, 'expected a string');
    return value;
  }

  /** Identifiers that some senders write as numbers (run ids, account ids). */
  id(value: unknown, path: string): string | undefined {
    if (typeof value === 'number' && Number.isFinite(value))
      return String(value);
    return this.string(value, path);
  }

  requiredString(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null)
      return this.problem(path, 'required');
    const text = this.string(value, path);
    if (text !== undefined && text.trim() === '') {
      return this.problem(path, 'expected a non-empty string');
    }
    return text;
  }

  number(value: unknown, path: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return this.problem(path, 'expected a number');
    }
    return value;
  }

  nonNegative(value: unknown, path: string): number | undefined {
    const n = this.number(value, path);
    if (n !== undefined && n < 0)
      return this.problem(path, 'expected a number >= 0');
    return n;
  }

  integer(value: unknown, path: string): number | undefined {
    const n = this.number(value, path);
    if (n !== undefined && !Number.isInteger(n))
      return this.problem(path, 'expected an integer');
    return n;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean')
      return this.problem(path, 'expected a boolean');
    return value;
  }

  object(value: unknown, path: string): JsonObject | undefined {
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) return this.problem(path, 'expected an object');
    return value;
  }

  array(value: unknown, path: string): unknown[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) return this.problem(path, 'expected an array');
    return value;
  }

  /** A list of strings; non-string items are reported, not dropped silently. */
  strings(value: unknown, path: string): string[] | undefined {
    const items = this.array(value, path);
    return items
      ?.map((item, i) => this.string(item, `${path}[${i}]`))
      .filter((s): s is string => s !== undefined);
  }

  /** ISO 8601 text or epoch seconds/milliseconds → ISO 8601 with an offset. */
  time(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    const iso = toIsoTime(value);
    if (iso === undefined)
      return this.problem(path, 'expected an ISO 8601 date-time');
    return iso;
  }

  url(value: unknown, path: string): string | undefined {
    const text = this.string(value, path);
    if (text === undefined || text === '') return undefined;
    if (!urlSchema.safeParse(text).success)
      return this.problem(path, 'expected a URL');
    return text;
  }

  /** Throws the collected problems, if any. */
  check(): void {
    if (this.problems.length > 0)
      throw new IngestValidationError(this.problems);
  }
}

/**
 * Accepts what schedulers actually send: ISO with an offset (kept as is), Python's
 * `str(datetime)` with a space, naive times (taken as UTC, which is what Airflow, dbt and
 * Dagster write), and epoch seconds or milliseconds.
 */
export function toIsoTime(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    const ms = value > 1e11 ? value : value * 1000;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (isoDateTime.safeParse(text).success) return text;
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  let candidate = text.replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T');
  if (/T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/.test(candidate)) candidate += 'Z';
  if (isoDateTime.safeParse(candidate).success) return candidate;
  const ms = Date.parse(candidate);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** `['links', 0, 'url']` → `links[0].url` */
export function pathToString(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

export function zodProblems(error: z.ZodError, prefix = ''): IngestProblem[] {
  return error.issues.map(issue => {
    const field = `${prefix}${pathToString(issue.path)}`;
    if (issue.code === 'invalid_type') {
      const missing = /received undefined$/.test(issue.message);
      return {
        field,
        reason: missing ? 'required' : `expected ${article(issue.expected)}`,
      };
    }
    return { field, reason: issue.message };
  });
}

/** Drops undefined values and empty objects/arrays, so events carry only what was sent. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(compact).filter(v => v !== undefined) as unknown as T;
  }
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const v = compact(item);
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (isObject(v) && Object.keys(v).length === 0) continue;
    out[key] = v;
  }
  return out as T;
}

/**
 * The last gate of every adapter: what leaves ingest is a valid FailureEvent or an
 * IngestValidationError, never something half-checked.
 */
export function finalizeEvents(inputs: FailureEventInput[]): FailureEvent[] {
  const problems: IngestProblem[] = [];
  const events: FailureEvent[] = [];
  inputs.forEach((input, i) => {
    const result = failureEventSchema.safeParse(compact(input));
    if (result.success) events.push(result.data);
    else
      problems.push(
        ...zodProblems(result.error, inputs.length > 1 ? `events[${i}].` : ''),
      );
  });
  if (problems.length > 0) throw new IngestValidationError(problems);
  return events;
}

/** Cuts free text that is used as a one-line message. */
export function firstLine(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const nl = text.indexOf('\n');
  return (nl === -1 ? text : text.slice(0, nl)).trim();
}
