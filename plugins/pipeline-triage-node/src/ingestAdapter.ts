import type {
  Environment,
  FailureEvent,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/**
 * What the HTTP layer knows about a posted body besides the body itself.
 *
 * @public
 */
export interface IngestContext {
  contentType?: string;
  /** Query parameters (`job`, `namespace`, `environment`, `source`), used by plain-text logs. */
  query: Record<string, string | undefined>;
  defaultEnvironment: Environment;
}

/**
 * A field-level problem in one posted event; `field` is a JSON path such as `run.runId`.
 *
 * @public
 */
export interface IngestProblem {
  field: string;
  reason: string;
}

/**
 * Turns one posted payload of a source format into canonical events. One payload may yield
 * several events (a dbt run with three failed nodes) or none (a run with no failures).
 *
 * @public
 */
export interface IngestAdapter {
  /** Stable id, also the `source` recorded on events: `openlineage`, `dbt`, ... */
  id: string;
  /** Cheap structural check; the first adapter that says yes normalizes the payload. */
  detect(payload: unknown, ctx: IngestContext): boolean;
  /** Throws IngestValidationError naming the field when the payload is malformed. */
  normalize(payload: unknown, ctx: IngestContext): FailureEvent[];
}

/** @public */
export class IngestValidationError extends Error {
  readonly problems: IngestProblem[];
  constructor(problems: IngestProblem[]) {
    super(problems.map(p => `${p.field}: ${p.reason}`).join('; '));
    this.name = 'IngestValidationError';
    this.problems = problems;
  }
}
