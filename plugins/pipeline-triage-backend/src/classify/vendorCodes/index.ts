import { compileVendorTables } from './compileTables';
import { errnoTable } from './errno';
import { exitCodeTable } from './exitCodes';
import { grpcTable } from './grpc';
import { httpTable } from './http';
import { jvmExceptionTable } from './jvmExceptions';
import { pythonExceptionTable } from './pythonExceptions';
import { lookupVendorCode } from './compileTables';
import type { VendorCodeEntry, VendorCodeTable } from './types';

export type { VendorCodeEntry, VendorCodeTable } from './types';
export { compileVendorTables, lookupVendorCode } from './compileTables';

/** Every table, in the order their rules are compiled. */
export const VENDOR_CODE_TABLES: VendorCodeTable[] = [
  httpTable,
  grpcTable,
  errnoTable,
  exitCodeTable,
  jvmExceptionTable,
  pythonExceptionTable,
];

/** How software classifies its own failures, as one built-in rule pack. */
export const vendorCodesPack = compileVendorTables('vendor-codes', VENDOR_CODE_TABLES);

/**
 * What the vendor says about one code of the evidence (`ErrorCode` system and code, or
 * `exitCode` and the number): its entry, with `transient` and `source`. For the retry policy,
 * which may read a vendor-declared transient code as positive evidence.
 */
export function vendorCodeEntry(system: string, code: string): VendorCodeEntry | undefined {
  for (const table of VENDOR_CODE_TABLES) {
    if (table.system !== system) continue;
    const entry = lookupVendorCode(table, code);
    if (entry) return entry;
  }
  return undefined;
}
