import type { RuleDef, RulePack } from '../ruleTypes';
import type { VendorCodeEntry, VendorCodeTable } from './types';

function matchesEntry(e: VendorCodeEntry, code: string): boolean {
  if (e.code !== undefined) return code === e.code;
  if (e.codes !== undefined) return e.codes.includes(code);
  return (
    (e.prefix === undefined || code.startsWith(e.prefix)) &&
    (e.suffix === undefined || code.endsWith(e.suffix))
  );
}

function exactCodes(e: VendorCodeEntry): string[] {
  return e.code !== undefined ? [e.code] : e.codes ?? [];
}

/**
 * A family (prefix / suffix) leaves the exact codes that another entry of the same table
 * places in a different category to that entry, so `java.net.MalformedURLException` is a
 * configuration error even though `java.net.*Exception` is a network failure.
 */
function familyExceptions(
  entry: VendorCodeEntry,
  table: VendorCodeTable,
): string[] {
  const others = table.entries
    .filter(o => o !== entry && o.category !== entry.category)
    .flatMap(exactCodes)
    .filter(c => matchesEntry(entry, c));
  return [...(entry.not ?? []), ...others];
}

function toRule(entry: VendorCodeEntry, table: VendorCodeTable): RuleDef {
  const base = {
    id: `vendor-${table.name}-${entry.key}`,
    category: entry.category,
    description: entry.description,
    weight: entry.weight,
    ...(entry.unless ? { unless: entry.unless } : {}),
    ...(entry.requires ? { requires: entry.requires } : {}),
    ...(entry.explains ? { explains: entry.explains } : {}),
  };
  if (table.system === 'exitCode') {
    return entry.signal
      ? { ...base, signals: [{ signal: 'killSignal', equals: entry.signal }] }
      : {
          ...base,
          signals: [{ signal: 'exitCode', in: exactCodes(entry).map(Number) }],
        };
  }
  if (entry.code !== undefined)
    return { ...base, code: { system: table.system, equals: entry.code } };
  if (entry.codes !== undefined)
    return { ...base, code: { system: table.system, in: entry.codes } };
  const except = familyExceptions(entry, table);
  return {
    ...base,
    code: {
      system: table.system,
      ...(entry.prefix !== undefined ? { prefix: entry.prefix } : {}),
      ...(entry.suffix !== undefined ? { suffix: entry.suffix } : {}),
      ...(except.length > 0 ? { except } : {}),
    },
  };
}

/** The tables as one rule pack: each entry becomes a code (or exit-code) rule. */
export function compileVendorTables(
  name: string,
  tables: VendorCodeTable[],
): RulePack {
  return {
    name,
    origin: 'built-in',
    rules: tables.flatMap(t => t.entries.map(e => toRule(e, t))),
  };
}

/** The entry a code falls under (exact codes before families), for the retry policy and tests. */
export function lookupVendorCode(
  table: VendorCodeTable,
  code: string,
): VendorCodeEntry | undefined {
  return (
    table.entries.find(e => exactCodes(e).includes(code)) ??
    table.entries.find(
      e =>
        exactCodes(e).length === 0 &&
        matchesEntry(e, code) &&
        !familyExceptions(e, table).includes(code),
    )
  );
}
