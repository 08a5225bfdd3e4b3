import { clickhouseTable } from './clickhouse';
import { elasticsearchTable } from './elasticsearch';
import { mongodbTable } from './mongodb';
import { mysqlTable } from './mysql';
import { oracleTable } from './oracle';
import { sqlServerTable } from './sqlServer';
import type { VendorCodeTable } from './types';

/** The operational databases and search engines pipelines read from and write to. */
export const OPERATIONAL_DB_TABLES: VendorCodeTable[] = [
  mysqlTable,
  sqlServerTable,
  oracleTable,
  clickhouseTable,
  mongodbTable,
  elasticsearchTable,
];

/**
 * The exact codes of these tables that their vendor documents as transient, by code system:
 * the retry policy's positive evidence, kept in one place with the tables.
 */
export function transientOperationalDbCodes(): Array<{
  system: string;
  codes: string[];
}> {
  return OPERATIONAL_DB_TABLES.map(t => ({
    system: t.system,
    codes: t.entries
      .filter(e => e.transient)
      .flatMap(e => (e.code !== undefined ? [e.code] : e.codes ?? [])),
  }));
}
