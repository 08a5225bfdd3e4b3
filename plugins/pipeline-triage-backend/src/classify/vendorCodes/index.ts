import { compileVendorTables } from './compileTables';
import { errnoTable } from './errno';
import { exitCodeTable } from './exitCodes';
import { grpcTable } from './grpc';
import { httpTable } from './http';
import { jvmExceptionTable } from './jvmExceptions';
import { pythonExceptionTable } from './pythonExceptions';
import type { VendorCodeTable } from './types';

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
