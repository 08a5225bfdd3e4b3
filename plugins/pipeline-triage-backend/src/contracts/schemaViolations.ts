import { ColumnChange, compareColumns, ExpectedColumn } from './compareColumns';
import { unresolvedColumns } from './columnsFromErrors';
import { propertyNamed } from './contractTableFor';
import { logicalTypeOf } from './logicalTypeOf';
import type {
  ClauseLocation,
  ContractProperty,
  ContractTable,
  LogicalType,
} from './types';
import { Violation, violationBase, ViolationContext, where } from './violation';

function expectedColumn(
  p: ContractProperty,
  dcs: boolean,
): ExpectedColumn<ContractProperty> {
  // A contract column accepts data that fits its logical type or its physical type.
  const types = new Set<LogicalType>();
  if (p.logicalType) types.add(p.logicalType);
  const physical = dcs ? undefined : logicalTypeOf(p.physicalType);
  if (physical) types.add(physical);
  const column: ExpectedColumn<ContractProperty> = {
    name: p.name,
    types: [...types],
    nullable: p.nullable,
    // Partition columns often live in the path, not in the files' schema.
    mayBeAbsent: p.partitioned === true,
    ref: p,
  };
  if (p.physicalName) column.aliases = [p.physicalName];
  return column;
}

function declaredType(p: ContractProperty): string {
  if (p.logicalType && p.physicalType && p.physicalType !== p.logicalType) {
    return `${p.logicalType} (${p.physicalType})`;
  }
  return p.logicalType ?? p.physicalType ?? 'any type';
}

function observedType(
  type: string | undefined,
  logical: LogicalType | undefined,
): string {
  if (!type) return 'untyped';
  return logical && logical !== type.toLowerCase()
    ? `${type} (${logical})`
    : type;
}

function columnsClause(
  ctx: ViolationContext,
  table: ContractTable,
): ClauseLocation {
  const list = ctx.input.contract.format === 'dcs' ? 'fields' : 'properties';
  return { path: `${table.path}.${list}`, line: table.line };
}

function at(location: ClauseLocation): Pick<Violation, 'path' | 'line'> {
  return location.line
    ? { path: location.path, line: location.line }
    : { path: location.path };
}

function fromChange(
  ctx: ViolationContext,
  table: ContractTable,
  change: ColumnChange<ContractProperty>,
): Violation | undefined {
  const base = {
    ...violationBase(ctx),
    kind: 'schema' as const,
    contractTable: table.name,
    evidence: 'schema' as const,
  };
  const { contractName: c, tableName: t } = ctx;
  switch (change.change) {
    case 'removed': {
      const p = change.expected.ref;
      if (p.nullable) return undefined; // an optional column may be left out
      return {
        ...base,
        ...at(p),
        clause: 'missing_required_column',
        column: p.name,
        observed: 'absent',
        expected: `required column ${p.name} (${declaredType(p)})`,
        message: `Column ${p.name} is required by contract ${c}${where(
          p.path,
          p.line,
        )} but is missing from ${t}.`,
        evidenceText: `contract ${c}: required column ${p.name} missing from ${t}`,
      };
    }
    case 'added': {
      const f = change.observed;
      const clause = columnsClause(ctx, table);
      return {
        ...base,
        ...at(clause),
        clause: 'unexpected_column',
        column: f.name,
        observed: `new column ${f.name}: ${observedType(
          f.type,
          change.observedType,
        )}`,
        expected: `only the columns of ${table.name} in the contract`,
        message: `Column ${
          f.name
        } appeared in ${t} but is not in contract ${c}${where(
          clause.path,
          clause.line,
        )}.`,
        evidenceText: `contract ${c}: unexpected new column ${f.name} in ${t}`,
      };
    }
    case 'renamed': {
      const p = change.expected.ref;
      const f = change.observed;
      return {
        ...base,
        ...at(p),
        clause: 'renamed_column',
        column: p.name,
        observed: `${f.name} (${observedType(f.type, change.observedType)})`,
        expected: `${p.name} (${declaredType(p)})`,
        message: `Column ${p.name} of contract ${c}${where(
          p.path,
          p.line,
        )} looks renamed to ${f.name} in ${t}.`,
        evidenceText: `contract ${c}: column ${p.name} renamed to ${f.name} in ${t}`,
      };
    }
    case 'retyped': {
      const p = change.expected.ref;
      const f = change.observed;
      const clause =
        p.keyLocations.logicalType ?? p.keyLocations.physicalType ?? p;
      const seen = observedType(f.type, change.observedType);
      return {
        ...base,
        ...at(clause),
        clause: 'type_changed',
        column: p.name,
        observed: seen,
        expected: declaredType(p),
        message: `Column ${p.name} is ${seen} in ${t}, but contract ${c}${where(
          clause.path,
          clause.line,
        )} says ${declaredType(p)}.`,
        evidenceText: `contract ${c}: column ${
          p.name
        } changed type to ${seen} in ${t} (contract: ${declaredType(p)})`,
      };
    }
    case 'nullability': {
      const p = change.expected.ref;
      const clause = p.keyLocations.required ?? p.keyLocations.primaryKey ?? p;
      return {
        ...base,
        ...at(clause),
        clause: 'nullability_changed',
        column: p.name,
        observed: 'nullable',
        expected: 'not null (required)',
        message: `Column ${
          p.name
        } is nullable in ${t}, but contract ${c}${where(
          clause.path,
          clause.line,
        )} requires it.`,
        evidenceText: `contract ${c}: required column ${p.name} is nullable in ${t}`,
      };
    }
    default:
      return undefined;
  }
}

/** Schema clauses the dataset's observed schema breaks. */
export function schemaViolations(
  ctx: ViolationContext,
  table: ContractTable,
): Violation[] {
  const schema = ctx.input.dataset.schema;
  if (!schema?.length) return [];
  const dcs = ctx.input.contract.format === 'dcs';
  const changes = compareColumns(
    table.properties.map(p => expectedColumn(p, dcs)),
    schema,
    { format: ctx.input.contract.format },
  );
  return changes.flatMap(change => fromChange(ctx, table, change) ?? []);
}

/**
 * Schema clauses read from an error message when the event sends no schema: a column the engine
 * could not resolve. When the contract has it (and requires it), the column is missing from the
 * data; when it lacks it, the job relies on a column the contract never promised. Skipped when the
 * engine lists the input columns and they are mostly not this table's.
 */
export function errorMessageViolations(
  ctx: ViolationContext,
  table: ContractTable,
): Violation[] {
  const { event, dataset } = ctx.input;
  if (dataset.schema?.length) return [];
  const base = {
    ...violationBase(ctx),
    kind: 'schema' as const,
    contractTable: table.name,
    evidence: 'error_message' as const,
  };
  const { contractName: c, tableName: t } = ctx;
  const out: Violation[] = [];
  for (const found of unresolvedColumns(event.errorMessage, event.logExcerpt)) {
    if (found.available) {
      const known = found.available.filter(a => propertyNamed(table, a)).length;
      if (known * 2 < found.available.length) continue;
    }
    const p = propertyNamed(table, found.column);
    if (p) {
      if (p.nullable) continue;
      out.push({
        ...base,
        ...at(p),
        clause: 'missing_required_column',
        column: p.name,
        observed: `absent: ${found.excerpt}`,
        expected: `required column ${p.name} (${declaredType(p)})`,
        message: `The run could not find column ${
          found.column
        }, which contract ${c}${where(p.path, p.line)} requires in ${t}.`,
        evidenceText: `contract ${c}: required column ${p.name} missing from ${t}`,
      });
    } else {
      const clause = columnsClause(ctx, table);
      out.push({
        ...base,
        ...at(clause),
        clause: 'unexpected_column',
        column: found.column,
        observed: `referenced: ${found.excerpt}`,
        expected: `only the columns of ${table.name} in the contract`,
        message: `The run refers to column ${
          found.column
        }, which contract ${c}${where(
          clause.path,
          clause.line,
        )} does not declare for ${t}.`,
        evidenceText: `contract ${c}: column ${found.column} is not in the contract of ${t}`,
      });
    }
  }
  return out;
}
