/** What each clause means to a reader; unknown clauses (a newer backend) show as written. */
const LABELS: Record<string, string> = {
  missing_required_column: 'Missing required column',
  unexpected_column: 'Unexpected new column',
  renamed_column: 'Renamed column',
  type_changed: 'Type changed',
  nullability_changed: 'Nullability changed',
  null_values: 'Null values',
  duplicate_values: 'Duplicate values',
  invalid_values: 'Invalid values',
  row_count: 'Row count',
  latency: 'Late data (SLA)',
  added_column: 'Column added',
  removed_column: 'Column removed',
};

const KINDS: Record<string, string> = {
  schema: 'Schema',
  quality: 'Quality',
  freshness: 'Freshness',
  observed_drift: 'Observed drift',
};

export function clauseLabel(clause: string): string {
  return LABELS[clause] ?? clause.replace(/_/g, ' ');
}

export function kindLabel(kind: string): string {
  return KINDS[kind] ?? kind;
}

/** The anchor of a contract file line on the contract's Pipeline Triage tab. */
export function lineAnchor(line: number): string {
  return `contract-L${line}`;
}
