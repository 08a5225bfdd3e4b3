import type { RulePack } from '../ruleTypes';
import { vendorCodeRules } from '../vendorCodes';

/**
 * Vendor error codes (SQLSTATE, Spark error classes, Trino error names, Google API reasons,
 * AWS error codes, Snowflake numbers), generated from the tables in `../vendorCodes`.
 */
export const vendorCodesPack: RulePack = {
  name: 'vendor-codes',
  origin: 'built-in',
  rules: vendorCodeRules(),
};
