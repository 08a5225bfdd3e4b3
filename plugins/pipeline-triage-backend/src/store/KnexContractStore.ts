import type { Knex } from 'knex';
import type { ContractError, ParsedContract } from '../contracts/types';
import { isContractError } from '../contracts/types';
import { toIso } from './time';

/** One contract entity's parsed definition as persisted. */
export interface StoredContract {
  entityRef: string;
  etag?: string;
  definitionHash: string;
  parsed: ParsedContract | ContractError;
  changedAt: string;
  checkedAt: string;
}

/** The persisted parsed copy of each data contract (pt_contract_definitions). */
export class KnexContractStore {
  constructor(private readonly db: Knex) {}

  async get(entityRef: string): Promise<StoredContract | undefined> {
    const row = await this.db('pt_contract_definitions').where('entity_ref', entityRef.toLocaleLowerCase('en-US')).first();
    return row ? fromRow(row) : undefined;
  }

  async list(): Promise<StoredContract[]> {
    const rows = await this.db('pt_contract_definitions').orderBy('entity_ref');
    return rows.map(fromRow);
  }

  /** Writes a freshly parsed definition; `changedAt` moves only when the text changed. */
  async save(entry: Omit<StoredContract, 'changedAt' | 'checkedAt'>, at: string): Promise<void> {
    const ref = entry.entityRef.toLocaleLowerCase('en-US');
    const values = {
      etag: entry.etag ?? null,
      definition_hash: entry.definitionHash,
      valid: !isContractError(entry.parsed),
      format: isContractError(entry.parsed) ? null : entry.parsed.format,
      parsed: JSON.stringify(entry.parsed),
      checked_at: toIso(at),
    };
    await this.db.transaction(async tx => {
      const existing = await tx('pt_contract_definitions').where('entity_ref', ref).first();
      if (!existing) {
        await tx('pt_contract_definitions').insert({ entity_ref: ref, ...values, changed_at: toIso(at) });
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
        .whereIn('entity_ref', entityRefs.slice(i, i + 500).map(r => r.toLocaleLowerCase('en-US')))
        .update({ checked_at: toIso(at) });
    }
  }

  /** Drops the copies of contracts the catalog no longer has; returns how many. */
  async removeExcept(entityRefs: string[]): Promise<number> {
    const keep = new Set(entityRefs.map(r => r.toLocaleLowerCase('en-US')));
    const stale = (await this.db('pt_contract_definitions').select('entity_ref'))
      .map(r => r.entity_ref as string)
      .filter(ref => !keep.has(ref));
    for (let i = 0; i < stale.length; i += 500) {
      await this.db('pt_contract_definitions').whereIn('entity_ref', stale.slice(i, i + 500)).delete();
    }
    return stale.length;
  }
}

function fromRow(row: any): StoredContract {
  return {
    entityRef: row.entity_ref,
    etag: row.etag ?? undefined,
    definitionHash: row.definition_hash,
    parsed: JSON.parse(row.parsed),
    changedAt: toIso(row.changed_at),
    checkedAt: toIso(row.checked_at),
  };
}
