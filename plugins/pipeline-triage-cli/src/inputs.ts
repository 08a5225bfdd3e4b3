import {
  FailureEvent,
  failureEventSchema,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { CliError } from './CliError';
import { caseToEvent, EvalCase, isEvalCase } from './evalCase';
import { normalizeWithIngest } from './ingestBridge';

export interface InputItem {
  /** The file, with `#n` when it held several events. */
  input: string;
  /** Case id, when the file is a labelled case. */
  id?: string;
  event: FailureEvent;
  case?: EvalCase;
  /** Large raw logs are read with the streaming extractor from this file. */
  streamFrom?: string;
}

/** Raw logs above this size are streamed rather than loaded as an excerpt. */
export const STREAM_ABOVE_BYTES = 1024 * 1024;

/** Files under the given paths (directories recursively, hidden entries skipped), sorted. */
export function listFiles(paths: string[], onlyJson = false): string[] {
  const out: string[] = [];
  const visit = (path: string, top: boolean) => {
    let stat;
    try {
      stat = statSync(path);
    } catch (e) {
      throw new CliError(
        `Cannot read ${path}: ${
          (e as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'no such file or directory'
            : (e as Error).message
        }`,
      );
    }
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(path).sort();
      } catch (e) {
        throw new CliError(
          `Cannot read directory ${path}: ${(e as Error).message}`,
        );
      }
      for (const entry of entries) {
        if (entry.startsWith('.') || entry === 'node_modules') continue;
        visit(join(path, entry), false);
      }
    } else if (stat.isFile()) {
      if (!onlyJson || extname(path).toLowerCase() === '.json' || top)
        out.push(path);
    }
  };
  for (const p of paths) visit(p, true);
  return out;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${file}: ${(e as Error).message}`);
  }
}

/** Turns one file into the events it holds: a labelled case, a canonical event, any format the ingest adapters know, or a raw log. */
export function readInputs(file: string, now: string): InputItem[] {
  if (extname(file).toLowerCase() !== '.json') {
    const size = statSync(file).size;
    const event = failureEventSchema.parse({
      source: 'text',
      job: { name: basename(file) },
      eventTime: now,
      ...(size > STREAM_ABOVE_BYTES ? {} : { logExcerpt: readText(file) }),
    });
    return [
      {
        input: file,
        event,
        ...(size > STREAM_ABOVE_BYTES ? { streamFrom: file } : {}),
      },
    ];
  }
  let body: unknown;
  try {
    body = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`Invalid JSON in ${file}: ${(e as Error).message}`);
  }
  if (isEvalCase(body)) {
    try {
      return [
        { input: file, id: body.id, event: caseToEvent(body, now), case: body },
      ];
    } catch (e) {
      throw new CliError(
        `Invalid case ${file}: ${(e as Error).message.split('\n')[0]}`,
      );
    }
  }
  // Every format, the canonical one included, goes through the ingest adapters: an OpenLineage
  // event would also pass the canonical schema (unknown keys are stripped) and lose its error.
  const normalized = normalizeWithIngest(body);
  const { problems } = normalized;
  // A dbt run yields a success per passing node beside its failures: only the failures are
  // there to classify. A file holding one success alone is classified as before.
  const failures = normalized.events.filter(e => e.outcome !== 'success');
  const events =
    normalized.events.length > 1 && failures.length > 0
      ? failures
      : normalized.events;
  if (events.length === 0) {
    throw new CliError(
      `Unsupported event in ${file}: ${problems[0] ?? 'no events found'}`,
    );
  }
  return events.map((event, i) => ({
    input: events.length > 1 ? `${file}#${i + 1}` : file,
    event,
  }));
}
