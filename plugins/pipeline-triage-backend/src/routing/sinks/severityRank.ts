const RANK: Record<string, number> = {
  low: 0,
  normal: 1,
  high: 2,
  critical: 3,
};

export const SEVERITIES = Object.keys(RANK);

/** Orders our severities; an unknown value (RouteDelivery.severity is a plain string) counts as normal. */
export function severityRank(severity: string): number {
  return RANK[severity] ?? RANK.normal;
}
