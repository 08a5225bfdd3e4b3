/**
 * Contract test results from contract tools (datacontract-cli's `test --publish`, or its JUnit
 * XML from CI) as findings of the catalog's contracts: the same table and API as the violations
 * the plugin detects in failed runs.
 */
export { parseTestRunJson } from './parseTestRunJson';
export { parseJunitResults } from './parseJunitResults';
export { parseTestResults, XML_TYPES } from './parseTestResults';
export { recordTestRun } from './recordTestRun';
export { CHECK_CLAUSES, checkClause } from './checkClauses';
export type { ContractTestRun, TestCheck, CheckResult } from './types';
