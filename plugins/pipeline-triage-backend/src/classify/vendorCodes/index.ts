import type { RuleDef } from '../ruleTypes';
import { awsErrorCodes } from './aws';
import { googleApiReasons } from './googleApi';
import { redshiftLoadErrors } from './redshiftLoadErrors';
import { snowflakeCodes } from './snowflake';
import { sparkErrorClasses } from './sparkErrorClasses';
import { sqlstateCodes } from './sqlstate';
import { trinoErrors } from './trino';
import type { VendorCode, VendorCodeTable } from './types';

export type { VendorCode, VendorCodeTable } from './types';

/** How vendors classify their own errors, one table per code system. */
export const VENDOR_CODE_TABLES: VendorCodeTable[] = [
  sqlstateCodes,
  sparkErrorClasses,
  trinoErrors,
  googleApiReasons,
  awsErrorCodes,
  snowflakeCodes,
  redshiftLoadErrors,
];

function ruleFor(table: VendorCodeTable, entry: VendorCode, specific: string[]): RuleDef[] {
  const id = `code.${table.system}.${entry.code}`;
  const description = `${table.vendor} ${entry.class ? `class ${entry.code}` : entry.code} (${entry.meaning})`;
  const code = entry.class
    ? {
        system: table.system,
        prefix: entry.code,
        // A code with an entry of its own is read by that entry, not by its class.
        notIn: specific.filter(c => c.startsWith(entry.code)),
      }
    : { system: table.system, equals: entry.code };
  const base = { description, code, ...(entry.unless ? { unless: entry.unless } : {}) };
  const rules: RuleDef[] = [
    { id, category: entry.category, weight: entry.weight, ...base, ...(entry.explains ? { explains: entry.explains } : {}) },
  ];
  if (entry.also) {
    rules.push({ id: `${id}.${entry.also.category}`, category: entry.also.category, weight: entry.also.weight, ...base });
  }
  return rules;
}

/** The tables as code rules: one rule per entry (two when the entry has a second reading). */
export function vendorCodeRules(tables: VendorCodeTable[] = VENDOR_CODE_TABLES): RuleDef[] {
  return tables.flatMap(table => {
    const specific = table.codes.filter(e => !e.class).map(e => e.code);
    return table.codes.flatMap(entry => ruleFor(table, entry, specific));
  });
}
