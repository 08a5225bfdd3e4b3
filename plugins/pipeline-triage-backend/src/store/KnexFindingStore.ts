import type { Knex } from 'knex';
import type {
  FindingGroup,
  FindingStore,
  StoredFinding,
  UnlinkedName,
} from './types';
import {
  applyIncidentAccess,
  type IncidentAccessFilter,
} from './applyIncidentAccess';
import { withDeadlockRetry } from './lockJob';
import { toIso } from './time';

/** What runs showed beyond their failure on knex: contract findings, schemas seen, unknown names. */
export class KnexFindingStore implements FindingStore {
  private readonly isPg: boolean;

  constructor(private readonly db: Knex) {
    this.isPg = String(db.client.config.client).startsWith('pg');
  }

  async recordFindings(
    rows: Array<{
      incidentId: string;
      eventId: string;
      at: string;
      finding: StoredFinding;
    }>,
  ): Promise<void> {
    for (let from = 0; from < rows.length; from += 200) {
      await this.db('pt_contract_violations')
        .insert(
          rows
            .slice(from, from + 200)
            .map(({ incidentId, eventId, at, finding: f }) => ({
              incident_id: incidentId,
              event_id: eventId,
              kind: f.kind,
              clause: f.clause,
              contract_ref: f.contractRef ?? null,
              table_ref: f.tableRef ?? null,
              dataset: f.dataset,
              path: f.path ?? null,
              line: f.line ?? null,
              column_name: f.column ?? '',
              observed: f.observed,
              expected: f.expected,
              message: f.message,
              at: toIso(at),
            })),
        )
        .onConflict(['event_id', 'kind', 'clause', 'dataset', 'column_name'])
        .ignore();
    }
  }

  async listFindings(query: {
    entityRef: string;
    since?: string;
    observedDrift: boolean;
    access?: IncidentAccessFilter;
  }): Promise<FindingGroup[]> {
    const ref = query.entityRef.toLocaleLowerCase('en-US');
    // A table shows findings about itself, a contract its clauses; a pipeline or a team the
    // findings of the incidents it is part of (as job, producer or owner).
    let q = this.db('pt_contract_violations as v');
    if (ref.startsWith('resource:')) q = q.where('v.table_ref', ref);
    else if (ref.startsWith('api:')) q = q.where('v.contract_ref', ref);
    else {
      q = q.whereIn(
        'v.incident_id',
        this.db('pt_incident_entities')
          .where('entity_ref', ref)
          .whereIn('role', ['job', 'owner', 'upstream_producer', 'routed'])
          .select('incident_id'),
      );
    }
    q = query.observedDrift
      ? q.where('v.kind', 'observed_drift')
      : q.whereNot('v.kind', 'observed_drift');
    if (query.since) q = q.where('v.at', '>=', toIso(query.since));
    if (query.access) {
      q = q.whereIn(
        'v.incident_id',
        applyIncidentAccess(
          this.db('pt_incidents as i'),
          query.access,
          this.db,
        ).select('i.id'),
      );
    }
    const rows: any[] = await q
      .groupBy(
        'v.kind',
        'v.clause',
        'v.contract_ref',
        'v.table_ref',
        'v.dataset',
        'v.path',
        'v.column_name',
      )
      .select(
        'v.kind',
        'v.clause',
        'v.contract_ref',
        'v.table_ref',
        'v.dataset',
        'v.path',
        'v.column_name',
      )
      .count({ count: '*' })
      .min({ first_seen: 'v.at' })
      .max({ last_seen: 'v.at', last_id: 'v.id' })
      .orderBy('last_seen', 'desc');
    if (rows.length === 0) return [];
    // The newest row of each group gives its observed / expected values and line.
    const latest = await this.db('pt_contract_violations').whereIn(
      'id',
      rows.map(r => r.last_id),
    );
    const byId = new Map(latest.map(r => [r.id, r]));
    return rows.map(r => {
      const l = byId.get(r.last_id);
      return {
        kind: r.kind,
        clause: r.clause,
        contractRef: r.contract_ref ?? undefined,
        tableRef: r.table_ref ?? undefined,
        dataset: r.dataset,
        path: r.path ?? undefined,
        line: l?.line ?? undefined,
        column: r.column_name || undefined,
        observed: l?.observed,
        expected: l?.expected,
        message: l?.message,
        count: Number(r.count),
        firstSeen: toIso(r.first_seen),
        lastSeen: toIso(r.last_seen),
        // A contract test run's findings have no incident: their event id is the run's id.
        lastIncidentId: l?.incident_id || undefined,
        lastTestRunId: l && !l.incident_id ? l.event_id : undefined,
      };
    });
  }

  async swapDatasetSchemas(
    swaps: Array<{
      dataset: string;
      tableRef?: string;
      fields: unknown[];
      at: string;
    }>,
  ) {
    if (swaps.length === 0) return [];
    return withDeadlockRetry(() =>
      this.db.transaction(async tx => {
        const datasets = [...new Set(swaps.map(s => s.dataset))].sort();
        const stored = new Map<
          string,
          { fields: string; seen_at: string; table_ref: string | null }
        >();
        for (let from = 0; from < datasets.length; from += 500) {
          // Locked in name order, so two batches sharing datasets wait instead of deadlocking.
          let query = tx('pt_dataset_schemas')
            .whereIn('dataset', datasets.slice(from, from + 500))
            .orderBy('dataset');
          if (this.isPg) query = query.forUpdate();
          for (const r of await query.select('*'))
            stored.set(r.dataset, { ...r, seen_at: toIso(r.seen_at) });
        }
        const changed = new Set<string>();
        const previous = swaps.map(s => {
          const row = stored.get(s.dataset);
          const at = toIso(s.at);
          // Only a newer schema replaces the baseline: late or replayed events do not rewind it.
          if (!row || row.seen_at <= at) {
            stored.set(s.dataset, {
              fields: JSON.stringify(s.fields),
              seen_at: at,
              table_ref: s.tableRef ?? row?.table_ref ?? null,
            });
            changed.add(s.dataset);
          }
          return row ? (JSON.parse(row.fields) as unknown[]) : undefined;
        });
        const rows = [...changed]
          .sort()
          .map(dataset => ({ dataset, ...stored.get(dataset)! }));
        for (let from = 0; from < rows.length; from += 200) {
          // A row another instance inserted meanwhile is only replaced by a newer schema.
          await tx('pt_dataset_schemas')
            .insert(rows.slice(from, from + 200))
            .onConflict('dataset')
            .merge()
            .where(
              'pt_dataset_schemas.seen_at',
              '<=',
              tx.raw('excluded.seen_at'),
            );
        }
        return previous;
      }),
    );
  }

  async noteUnlinked(
    names: Array<{ kind: 'job' | 'dataset'; name: string }>,
    at: string,
  ): Promise<void> {
    const when = toIso(at);
    // One row per name however often a batch names it: an upsert may not touch a row twice.
    const counts = new Map<
      string,
      { kind: string; name: string; count: number }
    >();
    for (const { kind, name } of names) {
      const n = name.slice(0, 1024);
      const key = `${kind}\u0000${n}`;
      const c = counts.get(key) ?? { kind, name: n, count: 0 };
      c.count += 1;
      counts.set(key, c);
    }
    const rows = [...counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, c]) => ({ ...c, first_seen: when, last_seen: when }));
    for (let from = 0; from < rows.length; from += 500) {
      await this.db('pt_unlinked_names')
        .insert(rows.slice(from, from + 500))
        .onConflict(['kind', 'name'])
        .merge({
          count: this.db.raw('pt_unlinked_names.count + excluded.count'),
          last_seen: this.db.raw(
            this.isPg
              ? 'greatest(pt_unlinked_names.last_seen, excluded.last_seen)'
              : 'max(pt_unlinked_names.last_seen, excluded.last_seen)',
          ),
        });
    }
  }

  async listUnlinked(limit: number): Promise<UnlinkedName[]> {
    const rows = await this.db('pt_unlinked_names')
      .orderBy([
        { column: 'count', order: 'desc' },
        { column: 'last_seen', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(r => ({
      kind: r.kind,
      name: r.name,
      count: r.count,
      firstSeen: toIso(r.first_seen),
      lastSeen: toIso(r.last_seen),
    }));
  }
}
