import { compileVendorTables } from './compileTables';
import { awsTable } from './aws';
import { azureTable } from './azure';
import { azureSqlTable } from './azureSql';
import { databricksTable } from './databricks';
import { errnoTable } from './errno';
import { exitCodeTable } from './exitCodes';
import { googleApiTable } from './googleApi';
import { grpcTable } from './grpc';
import { httpTable } from './http';
import { jvmExceptionTable } from './jvmExceptions';
import { pythonExceptionTable } from './pythonExceptions';
import { redshiftErrorTable } from './redshiftErrors';
import { redshiftLoadErrorTable } from './redshiftLoadErrors';
import { snowflakeTable } from './snowflake';
import { sparkErrorClassTable } from './sparkErrorClasses';
import { sqlstateTable } from './sqlstate';
import { trinoTable } from './trino';
import { newerEngineExceptionTable, starrocksTable } from './newerEngines';
import { OPERATIONAL_DB_TABLES } from './operationalDb';
import { lookupVendorCode } from './compileTables';
import type { VendorCodeEntry, VendorCodeTable } from './types';

export type { VendorCodeEntry, VendorCodeTable } from './types';
export { compileVendorTables, lookupVendorCode } from './compileTables';
export {
  OPERATIONAL_DB_TABLES,
  transientOperationalDbCodes,
} from './operationalDb';

/** Every table, in the order their rules are compiled. */
export const VENDOR_CODE_TABLES: VendorCodeTable[] = [
  sqlstateTable,
  sparkErrorClassTable,
  trinoTable,
  googleApiTable,
  awsTable,
  azureTable,
  azureSqlTable,
  databricksTable,
  snowflakeTable,
  redshiftLoadErrorTable,
  redshiftErrorTable,
  ...OPERATIONAL_DB_TABLES,
  httpTable,
  grpcTable,
  errnoTable,
  exitCodeTable,
  jvmExceptionTable,
  pythonExceptionTable,
  newerEngineExceptionTable,
  starrocksTable,
];

/** How software classifies its own failures, as one built-in rule pack. */
export const vendorCodesPack = compileVendorTables(
  'vendor-codes',
  VENDOR_CODE_TABLES,
);

/**
 * What the vendor says about one code of the evidence (`ErrorCode` system and code, or
 * `exitCode` and the number): its entry, with `transient` and `source`. For the retry policy,
 * which may read a vendor-declared transient code as positive evidence.
 */
export function vendorCodeEntry(
  system: string,
  code: string,
): VendorCodeEntry | undefined {
  for (const table of VENDOR_CODE_TABLES) {
    if (table.system !== system) continue;
    const entry = lookupVendorCode(table, code);
    if (entry) return entry;
  }
  return undefined;
}
