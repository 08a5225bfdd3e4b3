import { ANNOTATIONS } from '@pipeline-triage/plugin-pipeline-triage-common';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { TriageContext } from '@pipeline-triage/plugin-pipeline-triage-backend/alpha';
import { CliError } from './CliError';

/** Reads a YAML/JSON map of annotation → value, as on a catalog entity, into triage context. */
export function readAnnotations(file: string): TriageContext {
  let value: unknown;
  try {
    value = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(
      `Cannot read annotations ${file}: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new CliError(
      `Invalid annotations ${file}: expected a map of annotation name to value`,
    );
  }
  const map = value as Record<string, unknown>;
  // Accept a whole entity (metadata.annotations) as well as the bare map.
  const metadata = map.metadata as
    | { annotations?: Record<string, unknown> }
    | undefined;
  const annotations = metadata?.annotations ?? map;
  const ctx: TriageContext = {};
  const idempotent = annotations[ANNOTATIONS.idempotent];
  if (idempotent !== undefined)
    ctx.idempotent = String(idempotent).toLowerCase() === 'true';
  const runbook = annotations[ANNOTATIONS.runbookUrl];
  if (typeof runbook === 'string' && runbook) ctx.runbookUrl = runbook;
  return ctx;
}
