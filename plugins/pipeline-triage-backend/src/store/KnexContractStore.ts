import type { Knex } from 'knex';
import { toIso } from './time';

/**
 * One contract entity's parsed definition as persisted. The store keeps the parsed document as
 * JSON without reading it (its shape is contracts/' business), so it takes `valid` and `format`
 * for their own columns.
 */
export interface StoredContract<Parsed = unknown> {
  entityRef: string;
  etag?: string;
  definitionHash: string;
  parsed: Parsed;
  changedAt: string;
  checkedAt: string;
}

/** What a save writes: the copy, and whether it parsed and in which format. */
export interface ContractToSave<Parsed>
  extends Omit<StoredContract<Parsed>, 'changedAt' | 'checkedAt'> {
  valid: boolean;
  format?: string;
}

/** The persisted parsed copy of each data contract (pt_contract_definitions). */
export class KnexContractStore<Parsed = unknown> {
  constructor(private readonly db: Knex) {}

  async get(entityRef: string): Promise<StoredContract<Parsed> | undefined> {
    const row = await this.db('pt_contract_definitions')
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .first();
    return row ? fromRow<Parsed>(row) : undefined;
  }

  async list(): Promise<StoredContract<Parsed>[]> {
    const rows = await this.db('pt_contract_definitions').orderBy('entity_ref');
    return rows.map(r => fromRow<Parsed>(r));
  }

  /** Writes a freshly parsed definition; `changedAt` moves only when the text changed. */
  async save(entry: ContractToSave<Parsed>, at: string): Promise<void> {
    const ref = entry.entityRef.toLocaleLowerCase('en-US');
    const values = {
      etag: entry.etag ?? null,
      definition_hash: entry.definitionHash,
      valid: entry.valid,
      format: entry.format ?? null,
      parsed: JSON.stringify(entry.parsed),
      checked_at: toIso(at),
    };
    await this.db.transaction(async tx => {
      const existing = await tx('pt_contract_definitions')
        .where('entity_ref', ref)
        .first();
      if (!existing) {
        await tx('pt_contract_definitions').insert({
          entity_ref: ref,
          ...values,
          changed_at: toIso(at),
        });
        return;
      }
      const changed = existing.definition_hash !== entry.definitionHash;
      await tx('pt_contract_definitions')
        .where('entity_ref', ref)
        .update({ ...values, ...(changed ? { changed_at: toIso(at) } : {}) });
    });
  }

  /** Marks unchanged contracts as checked without rewriting their parsed copy. */
  async touch(entityRefs: string[], at: string): Promise<void> {
    for (let i = 0; i < entityRefs.length; i += 500) {
      await this.db('pt_contract_definitions')
        .whereIn(
          'entity_ref',
          entityRefs.slice(i, i + 500).map(r => r.toLocaleLowerCase('en-US')),
        )
        .update({ checked_at: toIso(at) });
    }
  }

  /** Drops the copies of contracts the catalog no longer has; returns how many. */
  async removeExcept(entityRefs: string[]): Promise<number> {
    const keep = new Set(entityRefs.map(r => r.toLocaleLowerCase('en-US')));
    const stale = (
      await this.db('pt_contract_definitions').select('entity_ref')
    )
      .map(r => r.entity_ref as string)
      .filter(ref => !keep.has(ref));
    for (let i = 0; i < stale.length; i += 500) {
      await this.db('pt_contract_definitions')
        .whereIn('entity_ref', stale.slice(i, i + 500))
        .delete();
    }
    return stale.length;
  }
}

function fromRow<Parsed>(row: any): StoredContract<Parsed> {
  return {
    entityRef: row.entity_ref,
    etag: row.etag ?? undefined,
    definitionHash: row.definition_hash,
    parsed: JSON.parse(row.parsed),
    changedAt: toIso(row.changed_at),
    checkedAt: toIso(row.checked_at),
  };
}
