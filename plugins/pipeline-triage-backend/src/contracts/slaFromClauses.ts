import type { ContractSla, SlaClause, SlaDuration } from './types';

const DURATION_PROPERTIES = [
  'latency',
  'frequency',
  'freshness',
  'retention',
] as const;

/** The SLA of a contract: every clause as written, plus the durations triage compares with. */
export function slaFromClauses(
  clauses: SlaClause[],
  defaultElement?: string,
): ContractSla {
  const sla: ContractSla = { clauses };
  if (defaultElement) sla.defaultElement = defaultElement;
  for (const name of DURATION_PROPERTIES) {
    const clause = clauses.find(
      c => c.property.toLowerCase() === name && c.seconds !== undefined,
    );
    if (clause) {
      const duration: SlaDuration = {
        property: clause.property,
        value: clause.value as number | string,
        seconds: clause.seconds!,
        path: clause.path,
        line: clause.line,
      };
      if (clause.unit) duration.unit = clause.unit;
      if (clause.element ?? defaultElement)
        duration.element = clause.element ?? defaultElement;
      sla[name] = duration;
    }
  }
  const availability = clauses.find(
    c => c.property.toLowerCase() === 'timeofavailability',
  );
  if (availability) sla.timeOfAvailability = availability;
  return sla;
}
