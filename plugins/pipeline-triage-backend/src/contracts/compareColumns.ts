import type { SchemaField } from '@pipeline-triage/plugin-pipeline-triage-common';
import { logicalTypeOf, logicalTypesCompatible } from './logicalTypeOf';
import type { ContractFormat, LogicalType } from './types';

/** A column the comparison expects, with whatever it carries for the caller (`ref`). */
export interface ExpectedColumn<T> {
  name: string;
  /** Other names the column may appear under (a contract's physicalName). */
  aliases?: string[];
  /** Logical types the column may have; empty when unknown. */
  types: LogicalType[];
  /** The type as written, for messages and for comparing when no logical type is known. */
  rawType?: string;
  /** false when the column must not hold nulls. */
  nullable?: boolean;
  /** A column that may legitimately be missing from an observed schema (partition columns). */
  mayBeAbsent?: boolean;
  ref: T;
}

export type ColumnChange<T> =
  | { change: 'removed'; expected: ExpectedColumn<T> }
  | { change: 'added'; observed: SchemaField; observedType?: LogicalType }
  | {
      change: 'renamed';
      expected: ExpectedColumn<T>;
      observed: SchemaField;
      observedType?: LogicalType;
    }
  | {
      change: 'retyped';
      expected: ExpectedColumn<T>;
      observed: SchemaField;
      observedType?: LogicalType;
    }
  | {
      change: 'nullability';
      expected: ExpectedColumn<T>;
      observed: SchemaField;
    };

export interface CompareOptions {
  /** The contract's format, for v3.0's broad `date`. */
  format?: ContractFormat;
  /** When either logical type is unknown, compare the written types instead (same engine). */
  compareRawTypes?: boolean;
  /** Logical types must be equal (drift between runs), not merely compatible (contracts). */
  exactTypes?: boolean;
}

const key = (name: string) => name.trim().toLowerCase();
const rawKey = (type: string) => type.trim().toLowerCase().replace(/\s+/g, ' ');

function typeAccepts(
  expected: ExpectedColumn<unknown>,
  observed: LogicalType | undefined,
  options: CompareOptions,
): boolean | undefined {
  if (!observed || expected.types.length === 0) return undefined;
  return expected.types.some(t =>
    options.exactTypes
      ? t === observed
      : logicalTypesCompatible(t, observed, options.format),
  );
}

/**
 * Compares expected columns with an observed schema: removed, added, renamed (exactly one
 * removed and one added column of the same logical type), retyped (logical types differ; skipped
 * when either is unknown unless raw types are compared) and nullability (a not-null column
 * observed nullable). Names match case-insensitively.
 */
export function compareColumns<T>(
  expected: ExpectedColumn<T>[],
  observed: SchemaField[],
  options: CompareOptions = {},
): ColumnChange<T>[] {
  const changes: ColumnChange<T>[] = [];
  const observedByName = new Map<string, SchemaField>();
  for (const field of observed) {
    if (!observedByName.has(key(field.name)))
      observedByName.set(key(field.name), field);
  }
  const claimed = new Set<string>();
  const removed: ExpectedColumn<T>[] = [];

  for (const column of expected) {
    const names = [column.name, ...(column.aliases ?? [])].map(key);
    const hit = names.find(n => observedByName.has(n) && !claimed.has(n));
    if (!hit) {
      if (!column.mayBeAbsent) removed.push(column);
      continue;
    }
    claimed.add(hit);
    const field = observedByName.get(hit)!;
    const observedType = logicalTypeOf(field.type);
    const accepts = typeAccepts(column, observedType, options);
    if (accepts === false) {
      changes.push({
        change: 'retyped',
        expected: column,
        observed: field,
        observedType,
      });
    } else if (
      accepts === undefined &&
      options.compareRawTypes &&
      column.rawType &&
      field.type &&
      rawKey(column.rawType) !== rawKey(field.type)
    ) {
      changes.push({
        change: 'retyped',
        expected: column,
        observed: field,
        observedType,
      });
    }
    if (column.nullable === false && field.nullable === true) {
      changes.push({
        change: 'nullability',
        expected: column,
        observed: field,
      });
    }
  }

  const added = observed.filter(
    (f, i) =>
      !claimed.has(key(f.name)) &&
      observed.findIndex(o => key(o.name) === key(f.name)) === i,
  );

  // A rename: the only removed column and the only added column of one logical type.
  const renamedFrom = new Set<ExpectedColumn<T>>();
  const renamedTo = new Set<SchemaField>();
  for (const column of removed) {
    const matches = added.filter(f =>
      typeAccepts(column, logicalTypeOf(f.type), options),
    );
    if (matches.length !== 1) continue;
    const field = matches[0];
    const observedType = logicalTypeOf(field.type);
    const rivals = removed.filter(r => typeAccepts(r, observedType, options));
    if (rivals.length !== 1) continue;
    renamedFrom.add(column);
    renamedTo.add(field);
    changes.push({
      change: 'renamed',
      expected: column,
      observed: field,
      observedType,
    });
  }

  for (const column of removed) {
    if (!renamedFrom.has(column))
      changes.push({ change: 'removed', expected: column });
  }
  for (const field of added) {
    if (!renamedTo.has(field)) {
      changes.push({
        change: 'added',
        observed: field,
        observedType: logicalTypeOf(field.type),
      });
    }
  }
  return changes;
}
