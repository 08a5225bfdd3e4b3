import { IDENTIFIER_LIMITS } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IngestAdapter } from '@pipeline-triage/plugin-pipeline-triage-node';
import { resolveEnvironment } from './environment';
import { FieldReader, finalizeEvents } from './fields';

/** Lines that read like the error a person would quote; the last one is usually the cause. */
const ERROR_LINE = new RegExp(
  [
    // log levels, but not dbt's "PASS=5 ERROR=1" summary
    String.raw`\b(?:ERROR|FATAL|CRITICAL|FAILED)\b(?!=)`,
    // ValueError, SparkException, "Database Error in model", "error: relation ..."
    String.raw`\w(?:Error|Exception)\b`,
    String.raw`\b[Ee]rror\b`,
    String.raw`\b[Ff]ail(?:ed|ure)\b`,
    // a qualified exception class opening the line: psycopg2.errors.UndefinedTable: ...
    String.raw`^(?:[a-z_]\w*\.)+[A-Z]\w*:`,
    String.raw`^Caused by:`,
  ].join('|'),
);

const MAX_MESSAGE = 2000;

/**
 * A plain-text log (text/plain body, or a JSON string). The body says nothing about which job it
 * belongs to, so the query names it: `?job=<name>&namespace=&environment=&runId=`.
 */
export const textAdapter: IngestAdapter = {
  id: 'text',

  detect(payload) {
    return typeof payload === 'string';
  },

  normalize(payload, ctx) {
    const r = new FieldReader();
    const text = payload as string;
    const job = ctx.query.job?.trim();
    const namespace = ctx.query.namespace?.trim() ?? '';
    if (!job) r.problem('job', 'a plain-text log needs ?job=<name>');
    // Named as the sender wrote them, the query parameters, not the canonical job.name.
    if (job && job.length > IDENTIFIER_LIMITS.jobName)
      r.problem('job', `at most ${IDENTIFIER_LIMITS.jobName} characters`);
    if (namespace.length > IDENTIFIER_LIMITS.jobNamespace) {
      r.problem(
        'namespace',
        `at most ${IDENTIFIER_LIMITS.jobNamespace} characters`,
      );
    }
    if (text.trim() === '') r.problem('(root)', 'the log is empty');
    r.check();

    return finalizeEvents([
      {
        source: 'text',
        outcome: 'fail',
        environment: resolveEnvironment(ctx, [], [namespace]),
        job: { namespace, name: job! },
        runId: ctx.query.runId?.trim() || undefined,
        eventTime: new Date().toISOString(),
        errorMessage: lastErrorLine(text),
        logExcerpt: text,
      },
    ]);
  },
};

/** Scans from the end without splitting the whole text, so a large log costs one pass. */
export function lastErrorLine(text: string): string | undefined {
  let end = text.length;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line && ERROR_LINE.test(line)) {
      return line.length > MAX_MESSAGE
        ? `${line.slice(0, MAX_MESSAGE)}…`
        : line;
    }
    end = start - 1;
  }
  return undefined;
}
