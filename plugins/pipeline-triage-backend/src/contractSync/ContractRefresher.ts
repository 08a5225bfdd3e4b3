import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CONTRACT_API_TYPE } from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  describeContract,
  isContractError,
  type ContractError,
  type ParsedContract,
} from '../contracts';
import type { KnexContractStore, StoredContract } from '../store';
import { definitionHash, parseEntityDefinition } from './parseEntityDefinition';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.etag',
  'spec.type',
  'spec.definition',
];

export interface ContractRefreshSummary {
  contracts: number;
  parsed: number;
  invalid: number;
  removed: number;
}

/** A parsed copy as linking uses it: valid only while the entity's etag is the same. */
export interface ContractCopy {
  etag?: string;
  parsed: ParsedContract | ContractError;
}

type Parsed = ParsedContract | ContractError;

/**
 * Keeps the persisted parsed copy of every data contract in step with the catalog: a scheduled
 * pass re-parses only the contracts whose entity changed (etag or definition hash), and a read
 * of one contract re-checks it first. An invalid contract is stored with its problems and
 * logged, never thrown.
 */
export class ContractRefresher {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      store: KnexContractStore<Parsed>;
      now?: () => Date;
    },
  ) {}

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  async refreshAll(): Promise<ContractRefreshSummary> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      {
        filter: { kind: 'api', 'spec.type': CONTRACT_API_TYPE },
        fields: FIELDS,
      },
      { credentials },
    );
    const stored = new Map(
      (await this.options.store.list()).map(c => [c.entityRef, c]),
    );
    const at = this.now();
    const unchanged: string[] = [];
    const summary: ContractRefreshSummary = {
      contracts: items.length,
      parsed: 0,
      invalid: 0,
      removed: 0,
    };
    for (const entity of items) {
      const ref = stringifyEntityRef(entity);
      const copy = stored.get(ref);
      if (copy && !this.changed(copy, entity)) {
        unchanged.push(ref);
        if (isContractError(copy.parsed)) summary.invalid++;
        continue;
      }
      const parsed = await this.save(entity, at);
      summary.parsed++;
      if (isContractError(parsed)) summary.invalid++;
    }
    await this.options.store.touch(unchanged, at);
    // An empty answer is a catalog still loading, not a catalog without contracts.
    if (items.length)
      summary.removed = await this.options.store.removeExcept(
        items.map(e => stringifyEntityRef(e)),
      );
    return summary;
  }

  /** The state of one contract, re-parsed first when its entity changed since the last pass. */
  async state(entityRef: string) {
    const ref = entityRef.toLocaleLowerCase('en-US');
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const entity = await this.options.catalog.getEntityByRef(ref, {
      credentials,
    });
    if (!entity || entity.spec?.type !== CONTRACT_API_TYPE) {
      throw new NotFoundError(
        `No data contract entity ${entityRef} in the catalog`,
      );
    }
    let copy = await this.options.store.get(ref);
    if (!copy || this.changed(copy, entity)) {
      await this.save(entity, this.now());
      copy = (await this.options.store.get(ref))!;
    }
    return {
      ...describeContract(ref, copy.parsed),
      checkedAt: copy.checkedAt,
      changedAt: copy.changedAt,
    };
  }

  /** Every contract's state as of the last pass: valid or not, with the problems of the invalid. */
  async list() {
    return (await this.options.store.list()).map(c => {
      const d = describeContract(c.entityRef, c.parsed);
      return {
        entityRef: c.entityRef,
        valid: d.valid,
        format: 'format' in d ? d.format : undefined,
        problems: 'problems' in d ? d.problems : undefined,
        checkedAt: c.checkedAt,
        changedAt: c.changedAt,
      };
    });
  }

  /** Every stored copy, for linking to reuse instead of parsing again. */
  async copies(): Promise<Map<string, ContractCopy>> {
    return new Map(
      (await this.options.store.list()).map(c => [
        c.entityRef,
        { etag: c.etag, parsed: c.parsed },
      ]),
    );
  }

  private changed(copy: StoredContract<Parsed>, entity: Entity): boolean {
    return (
      copy.etag !== entity.metadata.etag ||
      copy.definitionHash !== definitionHash(entity.spec?.definition)
    );
  }

  private async save(
    entity: Entity,
    at: string,
  ): Promise<ParsedContract | ContractError> {
    const parsed = parseEntityDefinition(entity);
    if (isContractError(parsed)) this.options.logger.warn(parsed.message);
    await this.options.store.save(
      {
        entityRef: stringifyEntityRef(entity),
        etag: entity.metadata.etag,
        definitionHash: definitionHash(entity.spec?.definition),
        valid: !isContractError(parsed),
        format: isContractError(parsed) ? undefined : parsed.format,
        parsed,
      },
      at,
    );
    return parsed;
  }
}
