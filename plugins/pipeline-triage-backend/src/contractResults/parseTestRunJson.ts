import { z } from 'zod';
import { InputError } from '@backstage/errors';
import { storableDeep } from '../ingest';
import { CHECK_RESULTS, type ContractTestRun } from './types';

const text = (max: number) => z.string().max(max).nullish();

/** datacontract-cli's Check, as pydantic dumps it (unset fields are null). */
const checkSchema = z.object({
  type: text(200),
  name: z.string().nullish(),
  key: text(500),
  category: text(100),
  model: text(255),
  field: text(255),
  result: z.enum(CHECK_RESULTS).nullish(),
  reason: z.string().nullish(),
});

/** datacontract-cli's Run (datacontract/model/run.py); only the fields findings use. */
const runSchema = z.object({
  runId: z
    .string()
    .min(1)
    .max(36, 'expected the run id datacontract-cli writes (a UUID)'),
  dataContractId: z
    .string({
      message:
        'required: the id of the data contract that was tested (the contract document `id`)',
    })
    .min(1)
    .max(255),
  dataContractVersion: text(100),
  server: text(255),
  timestampStart: z.iso.datetime({ offset: true }).nullish(),
  timestampEnd: z.iso.datetime({ offset: true }).nullish(),
  checks: z.array(checkSchema).max(10_000).nullish(),
});

const orUndefined = <T>(v: T | null | undefined) => v ?? undefined;

/** A published test run (`datacontract test --publish`); a 400 names the first bad field. */
export function parseTestRunJson(body: unknown): ContractTestRun {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InputError(
      'body: expected one test run object, as datacontract test --publish posts it',
    );
  const parsed = runSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`,
    );
  }
  // Text the database cannot hold (a NUL, a lone surrogate) is made storable, not refused.
  const run = storableDeep(parsed.data);
  return {
    format: 'json',
    runId: run.runId,
    dataContractId: run.dataContractId,
    dataContractVersion: orUndefined(run.dataContractVersion),
    server: orUndefined(run.server),
    at: new Date(
      run.timestampEnd ?? run.timestampStart ?? Date.now(),
    ).toISOString(),
    checks: (run.checks ?? []).map(c => ({
      type: orUndefined(c.type),
      name: orUndefined(c.name),
      key: orUndefined(c.key),
      category: orUndefined(c.category),
      model: orUndefined(c.model),
      field: orUndefined(c.field),
      result: c.result ?? 'unknown',
      reason: orUndefined(c.reason),
    })),
  };
}
