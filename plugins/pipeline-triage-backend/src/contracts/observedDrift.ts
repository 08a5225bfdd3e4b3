import type { SchemaField } from '@pipeline-triage/plugin-pipeline-triage-common';
import { ColumnChange, compareColumns, ExpectedColumn } from './compareColumns';
import { logicalTypeOf } from './logicalTypeOf';

export type DriftClause =
  | 'added_column'
  | 'removed_column'
  | 'renamed_column'
  | 'type_changed'
  | 'nullability_changed';

/** A schema change between two runs of a table that has no contract. */
export interface DriftFinding {
  kind: 'observed_drift';
  clause: DriftClause;
  column: string;
  /** For renames: the new name. */
  newColumn?: string;
  tableRef?: string;
  observed: string;
  expected: string;
  message: string;
  evidenceText: string;
}

const typed = (f: SchemaField) => (f.type ? `${f.name} (${f.type})` : f.name);

function finding(
  change: ColumnChange<SchemaField>,
  table: string,
): Omit<DriftFinding, 'kind' | 'tableRef'> {
  switch (change.change) {
    case 'added':
      return {
        clause: 'added_column',
        column: change.observed.name,
        observed: typed(change.observed),
        expected: 'absent, as in the previous schema',
        message: `Column ${typed(change.observed)} appeared in ${table}.`,
        evidenceText: `schema drift: new column ${change.observed.name} in ${table}`,
      };
    case 'removed':
      return {
        clause: 'removed_column',
        column: change.expected.name,
        observed: 'absent',
        expected: typed(change.expected.ref),
        message: `Column ${typed(
          change.expected.ref,
        )} disappeared from ${table}.`,
        evidenceText: `schema drift: column ${change.expected.name} removed from ${table}`,
      };
    case 'renamed':
      return {
        clause: 'renamed_column',
        column: change.expected.name,
        newColumn: change.observed.name,
        observed: typed(change.observed),
        expected: typed(change.expected.ref),
        message: `Column ${change.expected.name} of ${table} looks renamed to ${change.observed.name}.`,
        evidenceText: `schema drift: column ${change.expected.name} renamed to ${change.observed.name} in ${table}`,
      };
    case 'retyped':
      return {
        clause: 'type_changed',
        column: change.expected.name,
        observed: change.observed.type ?? 'untyped',
        expected: change.expected.rawType ?? 'untyped',
        message: `Column ${change.expected.name} of ${table} changed type from ${change.expected.rawType} to ${change.observed.type}.`,
        evidenceText: `schema drift: column ${change.expected.name} changed type ${change.expected.rawType} → ${change.observed.type} in ${table}`,
      };
    case 'nullability':
    default:
      return {
        clause: 'nullability_changed',
        column: change.expected.name,
        observed: 'nullable',
        expected: 'not null, as in the previous schema',
        message: `Column ${change.expected.name} of ${table} became nullable.`,
        evidenceText: `schema drift: column ${change.expected.name} became nullable in ${table}`,
      };
  }
}

/**
 * Schema drift of a table without a contract: the previous run's schema against this run's,
 * with the same comparisons as contract checks (added, removed, renamed, retyped, nullability).
 * Nothing to compare without a previous schema. Types are compared as logical types, and as
 * written when either is unknown (both schemas come from the same engine).
 */
export function observedDrift(
  previous: SchemaField[] | undefined,
  current: SchemaField[],
  options: { tableRef?: string } = {},
): DriftFinding[] {
  if (!previous?.length || !current.length) return [];
  const table = options.tableRef
    ? options.tableRef.slice(options.tableRef.lastIndexOf('/') + 1)
    : 'the table';
  const expected: ExpectedColumn<SchemaField>[] = previous.map(f => {
    const logical = logicalTypeOf(f.type);
    const column: ExpectedColumn<SchemaField> = {
      name: f.name,
      types: logical ? [logical] : [],
      ref: f,
    };
    if (f.type) column.rawType = f.type;
    if (f.nullable === false) column.nullable = false;
    return column;
  });
  return compareColumns(expected, current, {
    compareRawTypes: true,
    exactTypes: true,
  }).map(change => {
    const out: DriftFinding = {
      kind: 'observed_drift',
      ...finding(change, table),
    };
    if (options.tableRef) out.tableRef = options.tableRef;
    return out;
  });
}
