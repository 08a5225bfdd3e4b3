import fs from 'fs';
import path from 'path';
import {
  type IngestContext,
  type IngestProblem,
  IngestValidationError,
} from '@pipeline-triage/plugin-pipeline-triage-node';

export const testContext: IngestContext = {
  query: {},
  defaultEnvironment: 'dev',
};

/** A fixture from ../__fixtures__: parsed JSON, or the text of a log. */
export function fixture(name: string): any {
  const text = fs.readFileSync(
    path.join(__dirname, '..', '__fixtures__', name),
    'utf8',
  );
  return name.endsWith('.json') ? JSON.parse(text) : text;
}

/** The problems of the IngestValidationError that `fn` throws; fails if it throws none. */
export function problemsOf(fn: () => unknown): IngestProblem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof IngestValidationError) return e.problems;
    throw e;
  }
  throw new Error('expected an IngestValidationError');
}
