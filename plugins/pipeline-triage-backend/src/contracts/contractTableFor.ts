import type { ContractProperty, ContractTable, ParsedContract } from './types';

const lower = (s: string) => s.trim().toLowerCase();
const lastSegment = (s: string) =>
  lower(s)
    .split(/[./\\]/)
    .filter(Boolean)
    .pop() ?? lower(s);

/**
 * The contract table a dataset is: the one named explicitly, the only one, or the one whose name
 * or physical name matches the dataset's name (whole, or its last `.`/`/` segment). Undefined
 * when that is ambiguous: better no violation than one against the wrong table.
 *
 * @alpha
 */
export function contractTableFor(
  contract: ParsedContract,
  datasetName: string,
  explicit?: string,
): ContractTable | undefined {
  const { tables } = contract;
  if (explicit) return tables.find(t => lower(t.name) === lower(explicit));
  if (tables.length === 1) return tables[0];

  const whole = lower(datasetName);
  const exact = tables.filter(t =>
    [t.name, t.physicalName].some(
      n =>
        n &&
        (lower(n) === whole ||
          whole.endsWith(`/${lower(n)}`) ||
          whole.endsWith(`.${lower(n)}`)),
    ),
  );
  if (exact.length === 1) return exact[0];
  const last = lastSegment(datasetName);
  const bySegment = tables.filter(t =>
    [t.name, t.physicalName].some(n => n && lastSegment(n) === last),
  );
  return bySegment.length === 1 ? bySegment[0] : undefined;
}

/** The table's property called `column` (by name or physical name, case-insensitively). */
export function propertyNamed(
  table: ContractTable,
  column: string | undefined,
): ContractProperty | undefined {
  if (!column) return undefined;
  const wanted = lower(column);
  return table.properties.find(
    p =>
      lower(p.name) === wanted ||
      (p.physicalName && lower(p.physicalName) === wanted),
  );
}
