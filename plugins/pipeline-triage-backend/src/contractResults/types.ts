/**
 * The result of one `datacontract test` run, as datacontract-cli publishes it (JSON, the `Run`
 * model of datacontract/model/run.py) or writes it for CI (`--output-format junit`), reduced to
 * what becomes findings.
 */

/** datacontract-cli's ResultEnum (datacontract/model/run.py). */
export const CHECK_RESULTS = [
  'passed',
  'warning',
  'failed',
  'error',
  'info',
  'skipped',
  'unknown',
] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export interface TestCheck {
  /** The kind of check: `field_required`, `field_unique`, `row_count`... */
  type?: string;
  name?: string;
  key?: string;
  category?: string;
  /** The contract's schema (table) the check belongs to. */
  model?: string;
  /** The property (column) the check belongs to. */
  field?: string;
  result: CheckResult;
  reason?: string;
}

export interface ContractTestRun {
  format: 'json' | 'junit';
  runId: string;
  dataContractId: string;
  dataContractVersion?: string;
  server?: string;
  /** When the run ended (or started, when only that is known); now when neither is. */
  at: string;
  checks: TestCheck[];
}
