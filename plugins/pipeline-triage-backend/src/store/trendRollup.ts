import type { Knex } from 'knex';
import type { TrendsQuery } from './types';

/** Roles under which an entity page counts an incident (as the incidents filter does). */
const ENTITY_ROLES = ['job', 'input', 'output', 'contract'];

/** What decides where an incident's occurrences are counted in pt_trend_counts. */
export interface TrendShape {
  category: string;
  domain: string;
  /** owner_ref, '' when unowned. */
  team: string;
  /** The entity and owner scopes of its entity index, sorted. */
  entityScopes: string[];
  routedTo?: string;
}

/** The rollup scope answering a trends filter, or undefined when only the raw rows can. */
export function trendScope(filter: TrendsQuery['filter']): string | undefined {
  // A permission scope selects single incidents, which only the raw rows can answer.
  if (filter.visibleEntityRefs || filter.access) return undefined;
  const set = [filter.entityRef, filter.owner, filter.routedTo].filter(
    Boolean,
  ).length;
  if (set > 1) return undefined;
  if (filter.entityRef)
    return `entity:${filter.entityRef.toLocaleLowerCase('en-US')}`;
  if (filter.owner) return `owner:${filter.owner.toLocaleLowerCase('en-US')}`;
  if (filter.routedTo)
    return `routed:${filter.routedTo.toLocaleLowerCase('en-US')}`;
  return 'org';
}

/** Scopes of entity index rows: an entity page for its entity roles, a team for `owner`. */
export function entityScopes(
  entities: Array<{ entityRef: string; role: string }>,
  also: string[] = [],
): string[] {
  const scopes = new Set(also);
  for (const e of entities) {
    if (ENTITY_ROLES.includes(e.role)) scopes.add(`entity:${e.entityRef}`);
    if (e.role === 'owner') scopes.add(`owner:${e.entityRef}`);
  }
  return [...scopes].sort();
}

/** A shape from incident columns (a row as read, or the values about to be written). */
export function shapeOf(
  row: {
    category: string;
    domain: string;
    owner_ref?: string | null;
    routed_to?: string | null;
  },
  scopes: string[],
): TrendShape {
  return {
    category: row.category,
    domain: row.domain,
    team: row.owner_ref ?? '',
    entityScopes: scopes,
    routedTo: row.routed_to ?? undefined,
  };
}

/** The stored entity scopes of each incident, in chunks of 500 ids. */
export async function storedEntityScopes(
  tx: Knex | Knex.Transaction,
  incidentIds: string[],
): Promise<Map<string, string[]>> {
  const byIncident = new Map<
    string,
    Array<{ entityRef: string; role: string }>
  >();
  for (let from = 0; from < incidentIds.length; from += 500) {
    const rows: Array<{
      incident_id: string;
      entity_ref: string;
      role: string;
    }> = await tx('pt_incident_entities')
      .whereIn('incident_id', incidentIds.slice(from, from + 500))
      .select('incident_id', 'entity_ref', 'role');
    for (const r of rows) {
      byIncident.set(r.incident_id, [
        ...(byIncident.get(r.incident_id) ?? []),
        { entityRef: r.entity_ref, role: r.role },
      ]);
    }
  }
  return new Map(
    incidentIds.map(id => [id, entityScopes(byIncident.get(id) ?? [])]),
  );
}

/** The incident's shape as stored now (its row and its entity index). */
export async function trendShape(
  tx: Knex | Knex.Transaction,
  incidentId: string,
): Promise<TrendShape | undefined> {
  const row = await tx('pt_incidents')
    .where('id', incidentId)
    .first('category', 'domain', 'owner_ref', 'routed_to');
  if (!row) return undefined;
  return shapeOf(
    row,
    (await storedEntityScopes(tx, [incidentId])).get(incidentId)!,
  );
}

function scopesOf(shape: TrendShape): string[] {
  return [
    'org',
    ...shape.entityScopes,
    ...(shape.routedTo ? [`routed:${shape.routedTo}`] : []),
  ];
}

function sameShape(a: TrendShape, b: TrendShape): boolean {
  return (
    a.category === b.category &&
    a.domain === b.domain &&
    a.team === b.team &&
    a.routedTo === b.routedTo &&
    a.entityScopes.join('\n') === b.entityScopes.join('\n')
  );
}

export interface TrendDelta {
  scope: string;
  week: string;
  category: string;
  domain: string;
  team: string;
  count: number;
}

/**
 * How an incident's counts move from its shape before a change to its shape after it.
 * `newWeeks` counts the occurrences this change added, per week; `storedWeeks` (all of the
 * incident's occurrences, the new ones included) is only needed when the shape changed.
 */
export function trendDeltas(
  before: TrendShape | undefined,
  after: TrendShape,
  newWeeks: Map<string, number>,
  storedWeeks?: Map<string, number>,
): TrendDelta[] {
  const delta = new Map<string, TrendDelta>();
  const add = (shape: TrendShape, week: string, n: number) => {
    for (const scope of new Set(scopesOf(shape))) {
      const key = [scope, week, shape.category, shape.domain, shape.team].join(
        '\u0000',
      );
      const d = delta.get(key) ?? {
        scope,
        week,
        category: shape.category,
        domain: shape.domain,
        team: shape.team,
        count: 0,
      };
      d.count += n;
      delta.set(key, d);
    }
  };
  if (before && sameShape(before, after)) {
    for (const [week, n] of newWeeks) add(after, week, n);
  } else {
    // A new incident's occurrences are all new ones.
    for (const [week, n] of storedWeeks ?? newWeeks) {
      add(after, week, n);
      // The new occurrences were not counted under the old shape.
      if (before) add(before, week, -(n - (newWeeks.get(week) ?? 0)));
    }
  }
  return [...delta.values()].filter(d => d.count !== 0);
}

/** Whether trendDeltas needs the incident's stored weeks. */
export function needsStoredWeeks(
  before: TrendShape | undefined,
  after: TrendShape,
): boolean {
  return Boolean(before) && !sameShape(before!, after);
}

/** Adds deltas (of any number of incidents) to the rollup in one statement per chunk. */
export async function writeTrendDeltas(
  tx: Knex.Transaction,
  deltas: TrendDelta[],
): Promise<void> {
  const merged = new Map<string, TrendDelta>();
  for (const d of deltas) {
    const key = [d.scope, d.week, d.category, d.domain, d.team].join('\u0000');
    const m = merged.get(key);
    if (m) m.count += d.count;
    else merged.set(key, { ...d });
  }
  // A fixed order, so concurrent writers lock shared rows (the org's) in the same order.
  const rows = [...merged.entries()]
    .filter(([, d]) => d.count !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, d]) => d);
  for (let from = 0; from < rows.length; from += 500) {
    await tx('pt_trend_counts')
      .insert(rows.slice(from, from + 500))
      .onConflict(['scope', 'week', 'category', 'domain', 'team'])
      .merge({ count: tx.raw('pt_trend_counts.count + excluded.count') });
  }
}

/**
 * Moves one incident's counts from its shape before a change to its shape after it, in the
 * transaction of the change. `newWeek` is the week of an occurrence this change added.
 */
export async function applyTrendChange(
  tx: Knex.Transaction,
  incidentId: string,
  before: TrendShape | undefined,
  after: TrendShape,
  newWeek?: string,
): Promise<void> {
  const newWeeks = new Map(newWeek ? [[newWeek, 1]] : []);
  let stored: Map<string, number> | undefined;
  if (!before || !sameShape(before, after)) {
    const weeks: Array<{ week: string; n: string | number }> = await tx(
      'pt_occurrences',
    )
      .where('incident_id', incidentId)
      .groupBy('week')
      .select('week')
      .count({ n: '*' });
    stored = new Map(weeks.map(w => [w.week, Number(w.n)]));
  }
  await writeTrendDeltas(tx, trendDeltas(before, after, newWeeks, stored));
}

/** Weekly counts from the rollup, grouped by category, domain or team. */
export async function readTrendCounts(
  db: Knex,
  scope: string,
  weeks: string[],
  groupBy: TrendsQuery['groupBy'],
): Promise<Array<{ week: string; key: string; count: number }>> {
  const column = groupBy === 'team' ? 'team' : groupBy;
  const rows: Array<{ week: string; key: string; count: string | number }> =
    await db('pt_trend_counts')
      .where('scope', scope)
      .whereIn('week', weeks)
      .groupBy('week', column)
      .select('week', `${column} as key`)
      .sum({ count: 'count' });
  return rows
    .map(r => ({
      week: String(r.week),
      key: r.key ? String(r.key) : 'unowned',
      count: Number(r.count),
    }))
    .filter(r => r.count > 0);
}
