/* Test helpers: the example platform's contracts, read from the repository's examples/. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseContract } from '../parseContract';
import { isContractError, ParsedContract } from '../types';

export const EXAMPLES_DIR = resolve(
  __dirname,
  '../../../../../examples/contracts',
);
/** The standards' own material, outside the project: /work/shared/specs. */
export const SPECS_DIR = resolve(__dirname, '../../../../../../shared/specs');

export const EXAMPLE_FILES = {
  orders: 'checkout-orders.odcs.yaml',
  payments: 'checkout-payments.odcs.yaml',
  customers: 'checkout-customers.dcs.yaml',
} as const;

export function exampleText(which: keyof typeof EXAMPLE_FILES): string {
  return readFileSync(resolve(EXAMPLES_DIR, EXAMPLE_FILES[which]), 'utf8');
}

/** The example contract, parsed; throws in a test when it does not parse. */
export function exampleContract(
  which: keyof typeof EXAMPLE_FILES,
): ParsedContract {
  const result = parseContract(exampleText(which), {
    entityRef: `api:default/checkout-${which}`,
    file: `examples/contracts/${EXAMPLE_FILES[which]}`,
  });
  if (isContractError(result)) throw new Error(result.message);
  return result;
}

/** The text of 1-based `line` of a file's text. */
export function lineText(text: string, line: number | undefined): string {
  if (!line) return '';
  return text.split('\n')[line - 1] ?? '';
}
