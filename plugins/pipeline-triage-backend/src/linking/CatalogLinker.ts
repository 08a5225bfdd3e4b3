import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  type EntityFilterQuery,
} from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  CONTRACT_API_TYPE,
  LINKING_ANNOTATIONS,
  PIPELINE_COMPONENT_TYPE,
  TABLE_RESOURCE_TYPE,
  type DatasetRef,
  type FailureEvent,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { CatalogIndex } from './CatalogIndex';
import { CatalogUnavailableError } from './CatalogUnavailableError';
import {
  contractOwners,
  isContractError,
  type ContractError,
  type ParsedContract,
} from '../contracts';
import type {
  DatasetLink,
  DownstreamLink,
  EntityFacts,
  LinkResult,
  Linker,
} from './types';

export interface CatalogLinkerOptions {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** How long one catalog snapshot serves lookups. */
  ttlMs: number;
  /** A catalog query unanswered this long counts as an outage. Default: 15 s. */
  timeoutMs?: number;
  downstreamDepth: number;
  /** Persisted parsed contracts to reuse (ContractRefresher.copies). */
  contractCopies?: () => Promise<
    Map<string, { etag?: string; parsed: ParsedContract | ContractError }>
  >;
}

/** Links events to catalog entities through the plugin's own service credentials. */
export class CatalogLinker implements Linker {
  private snapshot?: { index: CatalogIndex; expires: number };
  private loading?: Promise<CatalogIndex>;

  constructor(private readonly options: CatalogLinkerOptions) {}

  async link(event: FailureEvent): Promise<LinkResult> {
    return linkWithIndex(
      await this.index(),
      event,
      this.options.downstreamDepth,
    );
  }

  /** Resolves when the catalog answers (or a snapshot is fresh); throws CatalogUnavailableError. */
  async ready(): Promise<void> {
    await this.index();
  }

  /** Drops the snapshot so the next lookup sees catalog changes at once. */
  async refresh(): Promise<CatalogIndex> {
    this.snapshot = undefined;
    return this.index();
  }

  /** One catalog query per TTL window, shared by concurrent callers. */
  async index(): Promise<CatalogIndex> {
    if (this.snapshot && this.snapshot.expires > Date.now())
      return this.snapshot.index;
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<CatalogIndex> {
    const items = await this.withTimeout(this.query());
    // Without the copies each snapshot parses the contracts itself: slower, never wrong.
    const copies = await this.options.contractCopies?.().catch(() => undefined);
    const index = new CatalogIndex(items, copies);
    // Contract owners are mapped to users; only the users the contracts name are read.
    for (const user of await this.withTimeout(this.contractUsers(index)))
      index.addUser(user);
    // An empty catalog is usually one still loading at start-up: ask again next time.
    if (index.size > 0)
      this.snapshot = { index, expires: Date.now() + this.options.ttlMs };
    this.options.logger.debug(
      `Catalog snapshot for linking: ${index.size} entities`,
    );
    return index;
  }

  /** A catalog read unanswered within the timeout counts as an outage. */
  private async withTimeout<T>(read: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    return Promise.race([
      read,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ])
      .catch(error => {
        throw new CatalogUnavailableError(error);
      })
      .finally(() => clearTimeout(timer));
  }

  /**
   * Pipelines, tables, contracts and dependencies in pages, with only the fields linking reads.
   * Users are not part of it: see load().
   */
  private async query(): Promise<Entity[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    return readPages(this.options.catalog, credentials, {
      filter: [
        { kind: 'component', 'spec.type': PIPELINE_COMPONENT_TYPE },
        { kind: 'resource', 'spec.type': TABLE_RESOURCE_TYPE },
        { kind: 'api', 'spec.type': CONTRACT_API_TYPE },
        {
          [`metadata.annotations.${ANNOTATIONS.hosts}`]: CATALOG_FILTER_EXISTS,
        },
        ...LINKING_ANNOTATIONS.map(a => ({
          [`metadata.annotations.${a}`]: CATALOG_FILTER_EXISTS,
        })),
      ],
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.etag',
        'metadata.annotations',
        'spec.type',
        'spec.owner',
        'spec.definition',
        'relations',
      ],
    });
  }

  /** The users the contracts name as owners, by name or email: a page or two, not the directory. */
  private async contractUsers(index: CatalogIndex): Promise<Entity[]> {
    const { names, emails } = index.contractMembers();
    if (!names.length && !emails.length) return [];
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const fields = [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'spec.profile.email',
    ];
    return readPages(this.options.catalog, credentials, {
      filter: [
        ...(names.length ? [{ kind: 'user', 'metadata.name': names }] : []),
        ...(emails.length
          ? [{ kind: 'user', 'spec.profile.email': emails }]
          : []),
      ],
      fields,
    });
  }
}

const PAGE_SIZE = 500;

/** Every entity matching the request, read a page at a time by cursor. */
async function readPages(
  catalog: CatalogService,
  credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
  request: { filter: EntityFilterQuery; fields: string[] },
): Promise<Entity[]> {
  const items: Entity[] = [];
  let page = await catalog.queryEntities(
    { ...request, limit: PAGE_SIZE },
    { credentials },
  );
  items.push(...page.items);
  while (page.pageInfo.nextCursor) {
    page = await catalog.queryEntities(
      {
        cursor: page.pageInfo.nextCursor,
        fields: request.fields,
        limit: PAGE_SIZE,
      },
      { credentials },
    );
    items.push(...page.items);
  }
  return items;
}

/** Pure linking over a snapshot; the tests drive it with plain entities. */
export function linkWithIndex(
  index: CatalogIndex,
  event: FailureEvent,
  depth: number,
): LinkResult {
  const jobHit = index.findJob(event);
  const job = jobHit?.entity;
  const annotations = job?.metadata.annotations ?? {};

  const datasetLink = (
    ref: DatasetRef | undefined,
    table: Entity | undefined,
  ): DatasetLink => {
    const contractRef = table?.metadata.annotations?.[ANNOTATIONS.dataContract];
    const contract = contractRef
      ? index.entity(contractRef.toLocaleLowerCase('en-US'))
      : undefined;
    let contractFacts: EntityFacts | undefined;
    if (contract) contractFacts = index.facts(contract);
    else if (contractRef)
      contractFacts = { entityRef: contractRef.toLocaleLowerCase('en-US') };
    const parsed = contractFacts
      ? index.contract(contractFacts.entityRef)
      : undefined;
    const tableFacts = table ? index.facts(table) : undefined;
    return {
      dataset: ref
        ? `${ref.namespace}/${ref.name}`
        : tableFacts?.entityRef ?? '',
      table: tableFacts,
      contract: contractFacts,
      contractDocument: parsed && !isContractError(parsed) ? parsed : undefined,
      contractOwners:
        parsed && !isContractError(parsed)
          ? ownersOf(index, parsed)
          : undefined,
      contractError: parsed && isContractError(parsed) ? parsed : undefined,
      datasetRef: ref,
      producers: table ? index.producersOf(table).map(p => index.facts(p)) : [],
    };
  };

  // Senders often omit datasets; the catalog's relations then say what the job reads and writes.
  const datasets = (
    refs: DatasetRef[] | undefined,
    related: (e: Entity) => Entity[],
  ) => {
    if (refs?.length)
      return refs.map(r =>
        datasetLink(r, index.findDataset(r.namespace, r.name)),
      );
    return job ? related(job).map(t => datasetLink(undefined, t)) : [];
  };
  const inputs = datasets(event.inputs, e => index.inputsOf(e));
  const outputs = datasets(event.outputs, e => index.outputsOf(e));

  return {
    linked: Boolean(job),
    job: job
      ? {
          ...index.facts(job),
          idempotent: annotations[ANNOTATIONS.idempotent] === 'true',
          runbookUrl: annotations[ANNOTATIONS.runbookUrl],
          matchedBy: jobHit!.matchedBy,
        }
      : undefined,
    inputs,
    outputs,
    downstream: downstreamOf(
      index,
      outputs,
      job ? index.facts(job).entityRef : undefined,
      depth,
    ),
    // Only the message and the first part of the texts: a dependency is named where it failed.
    dependencies: index
      .dependenciesIn(
        [
          event.errorMessage,
          event.stackTrace?.slice(0, 16_384),
          event.logExcerpt?.slice(-16_384),
        ].join('\n'),
      )
      .map(e => index.facts(e)),
    unknownJob: job ? undefined : `${event.job.namespace}/${event.job.name}`,
    unknownDatasets: [...inputs, ...outputs]
      .filter(d => !d.table)
      .map(d => d.dataset),
  };
}

/** The contract's owner-role members as catalog users, and where it wants issues reported. */
function ownersOf(index: CatalogIndex, contract: ParsedContract) {
  const owners = contractOwners(contract);
  const users = owners.members
    .map(m => index.userFor(m.username, m.email))
    .filter((u): u is string => Boolean(u));
  return {
    users: [...new Set(users)],
    issues: owners.issues?.url ?? owners.issues?.channel,
    byRole: owners.byRole,
  };
}

/** Pipelines that read the failed job's outputs, transitively, breadth first. */
function downstreamOf(
  index: CatalogIndex,
  outputs: DatasetLink[],
  jobRef: string | undefined,
  maxDepth: number,
): DownstreamLink[] {
  const seen = new Set<string>(jobRef ? [jobRef] : []);
  const result: DownstreamLink[] = [];
  let frontier = outputs
    .map(o => (o.table ? index.entity(o.table.entityRef) : undefined))
    .filter((e): e is Entity => Boolean(e));
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const next: Entity[] = [];
    for (const table of frontier) {
      for (const consumer of index.consumersOf(table)) {
        const facts = index.facts(consumer);
        if (seen.has(facts.entityRef)) continue;
        seen.add(facts.entityRef);
        result.push({ ...facts, depth, via: index.facts(table).entityRef });
        next.push(...index.outputsOf(consumer));
      }
    }
    frontier = next;
  }
  return result;
}
