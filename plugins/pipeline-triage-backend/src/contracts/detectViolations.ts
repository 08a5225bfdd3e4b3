import { contractTableFor } from './contractTableFor';
import { freshnessViolations } from './freshnessViolations';
import { qualityViolations } from './qualityViolations';
import { errorMessageViolations, schemaViolations } from './schemaViolations';
import {
  DetectViolationsInput,
  Violation,
  violationContext,
} from './violation';

/**
 * The clauses of a dataset's data contract that a failed run broke: schema (from the dataset's
 * schema, else from the error message), quality (from failed checks) and freshness (from the
 * delay). Each violation points at the clause's path and line. Pure: reads only its input.
 *
 * @alpha
 */
export function detectViolations(input: DetectViolationsInput): Violation[] {
  const ctx = violationContext(input);
  const out: Violation[] = [];
  const table = contractTableFor(
    input.contract,
    input.dataset.name,
    input.contractTable,
  );
  if (table) {
    out.push(...schemaViolations(ctx, table));
    out.push(...errorMessageViolations(ctx, table));
    out.push(...qualityViolations(ctx, table));
  }
  // The SLA is the contract's, whichever of its tables the dataset is.
  out.push(...freshnessViolations(ctx));
  return out;
}
