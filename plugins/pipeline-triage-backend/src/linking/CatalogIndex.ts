import {
  type Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  CONTRACT_API_TYPE,
  PIPELINE_COMPONENT_TYPE,
  TABLE_RESOURCE_TYPE,
  type FailureEvent,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { parsePatterns, type NamePattern } from './patternMatch';
import { MatcherTable } from './matcherTable';
import {
  contractOwners,
  isContractError,
  parseContract,
  type ContractError,
  type ParsedContract,
} from '../contracts';
import type { EntityFacts } from './types';
import {
  datasetConventionNames,
  jobConventionNames,
  normaliseName,
} from './conventionNames';

interface Matcher {
  entityRef: string;
  /** Set by a catalog module (dbt manifest): a hand-annotated entity matching too wins. */
  derived?: boolean;
  annotation: string;
  patterns: NamePattern[];
}

/** Which event identity each job annotation is compared with. */
const JOB_KEYS: Array<{
  annotation: string;
  candidates: (e: FailureEvent) => string[];
}> = [
  {
    annotation: ANNOTATIONS.openlineageJob,
    candidates: e => [`${e.job.namespace}/${e.job.name}`, e.job.name],
  },
  {
    annotation: ANNOTATIONS.airflowDagId,
    candidates: e =>
      e.job.airflowDagId
        ? [
            e.job.airflowDagId,
            `${e.job.airflowDagId}.${e.job.airflowTaskId ?? ''}`,
          ]
        : [],
  },
  {
    annotation: ANNOTATIONS.dbtUniqueId,
    candidates: e => (e.job.dbtUniqueId ? [e.job.dbtUniqueId] : []),
  },
  {
    annotation: ANNOTATIONS.glueJobName,
    candidates: e => (e.job.glueJobName ? [e.job.glueJobName] : []),
  },
  {
    annotation: ANNOTATIONS.dagsterJob,
    candidates: e => (e.job.dagsterJob ? [e.job.dagsterJob] : []),
  },
];

/**
 * An in-memory view of the catalog's pipelines, tables and contracts, rebuilt from one catalog
 * query: a burst of failures costs one lookup, and matching is a scan of compiled patterns.
 */
export class CatalogIndex {
  private readonly byRef = new Map<string, Entity>();
  private readonly jobMatchers: Matcher[] = [];
  private readonly datasetMatchers: Matcher[] = [];
  private readonly jobTables = new Map<string, MatcherTable<Matcher>>();
  private readonly datasetTable: MatcherTable<Matcher>;
  private readonly contracts = new Map<
    string,
    ParsedContract | ContractError | undefined
  >();
  private readonly hosts = new Map<string, string>();
  private readonly usersByName = new Map<string, string>();
  private readonly usersByEmail = new Map<string, string>();
  /** Normalised name/title → pipeline or table ref; null when two entities share it. */
  private readonly pipelinesByName = new Map<string, string | null>();
  private readonly tablesByName = new Map<string, string | null>();

  /**
   * @param contractCopies persisted parsed contracts (ContractRefresher); a copy is used while
   * its entity's etag is unchanged, so a snapshot does not parse every contract again.
   */
  constructor(
    entities: Entity[],
    private readonly contractCopies?: Map<
      string,
      { etag?: string; parsed: ParsedContract | ContractError }
    >,
  ) {
    for (const entity of entities) {
      const ref = stringifyEntityRef(entity);
      if (entity.kind.toLocaleLowerCase('en-US') === 'user') {
        this.addUser(entity, ref);
        continue;
      }
      this.byRef.set(ref, entity);
      const annotations = entity.metadata.annotations ?? {};
      const derived = Boolean(annotations[ANNOTATIONS.derivedFrom]);
      const type =
        typeof entity.spec?.type === 'string' ? entity.spec.type : '';
      const kind = entity.kind.toLocaleLowerCase('en-US');
      // Derived entities link by their own annotations; by name only hand-made ones do.
      if (!derived && kind === 'component' && type === PIPELINE_COMPONENT_TYPE)
        this.byConvention(this.pipelinesByName, entity, ref);
      if (!derived && kind === 'resource' && type === TABLE_RESOURCE_TYPE)
        this.byConvention(this.tablesByName, entity, ref);
      for (const { annotation } of JOB_KEYS) {
        const patterns = parsePatterns(annotations[annotation]);
        if (patterns.length)
          this.jobMatchers.push({
            entityRef: ref,
            annotation,
            patterns,
            derived,
          });
      }
      for (const host of (annotations[ANNOTATIONS.hosts] ?? '').split(',')) {
        if (host.trim())
          this.hosts.set(host.trim().toLocaleLowerCase('en-US'), ref);
      }
      const datasets = parsePatterns(
        annotations[ANNOTATIONS.openlineageDataset],
      );
      if (datasets.length) {
        this.datasetMatchers.push({
          entityRef: ref,
          annotation: ANNOTATIONS.openlineageDataset,
          patterns: datasets,
          derived,
        });
      }
    }
    // Hand annotations win over derived ones; then exact names over patterns, so a specific
    // annotation beats a catch-all like `model.*`.
    const exactFirst = (a: Matcher, b: Matcher) =>
      Number(Boolean(a.derived)) - Number(Boolean(b.derived)) ||
      Number(a.patterns.every(p => p.exact === undefined)) -
        Number(b.patterns.every(p => p.exact === undefined));
    this.jobMatchers.sort(exactFirst);
    this.datasetMatchers.sort(exactFirst);
    for (const { annotation } of JOB_KEYS) {
      this.jobTables.set(
        annotation,
        new MatcherTable(
          this.jobMatchers.filter(m => m.annotation === annotation),
        ),
      );
    }
    this.datasetTable = new MatcherTable(this.datasetMatchers);
  }

  private byConvention(
    names: Map<string, string | null>,
    entity: Entity,
    ref: string,
  ) {
    for (const raw of [entity.metadata.name, entity.metadata.title]) {
      const name = raw ? normaliseName(raw) : '';
      if (!name) continue;
      const seen = names.get(name);
      names.set(name, seen === undefined || seen === ref ? ref : null);
    }
  }

  /** Pipelines or tables whose normalised name or title is one of the names, without ambiguity. */
  private conventionHit(
    names: Map<string, string | null>,
    candidates: string[],
  ) {
    for (const candidate of candidates) {
      const ref = names.get(candidate);
      if (ref) return { ref, name: candidate };
    }
    return undefined;
  }

  /** Entities the naming convention would link a name to (for `GET /v1/unlinked`). */
  candidatesFor(kind: 'job' | 'dataset', name: string): Entity[] {
    const plain = name.includes('/') ? name.slice(name.indexOf('/') + 1) : name;
    const wanted =
      kind === 'job'
        ? jobConventionNames({
            job: { namespace: '', name: plain },
          } as FailureEvent)
        : datasetConventionNames(plain);
    const names = kind === 'job' ? this.pipelinesByName : this.tablesByName;
    const refs = new Set<string>();
    for (const [entityName, ref] of names) {
      // Very short names resemble everything: only equal names count for them.
      const resembles = (w: string) =>
        entityName === w ||
        (Math.min(w.length, entityName.length) >= 4 &&
          (entityName.includes(w) || w.includes(entityName)));
      if (ref && wanted.some(resembles)) refs.add(ref);
    }
    return [...refs].slice(0, 5).map(r => this.byRef.get(r)!);
  }

  get size(): number {
    return this.byRef.size;
  }

  /**
   * A contract's member as a catalog User: by user name, then by email, then by the local part
   * of an email-shaped username (ODCS names people by username, the catalog by entity).
   */
  userFor(username: string, email?: string): string | undefined {
    const name = username.toLocaleLowerCase('en-US');
    return (
      this.usersByName.get(name) ??
      (email
        ? this.usersByEmail.get(email.toLocaleLowerCase('en-US'))
        : undefined) ??
      this.usersByEmail.get(name) ??
      (name.includes('@')
        ? this.usersByName.get(name.split('@')[0])
        : undefined)
    );
  }

  /** Users are kept as two small maps, not whole entities: a platform has tens of thousands. */
  addUser(entity: Entity, ref = stringifyEntityRef(entity)): void {
    this.usersByName.set(entity.metadata.name.toLocaleLowerCase('en-US'), ref);
    const email = (entity.spec?.profile as { email?: string } | undefined)
      ?.email;
    if (email) this.usersByEmail.set(email.toLocaleLowerCase('en-US'), ref);
  }

  /**
   * The user names and emails the contracts name as owners: the only users linking needs, so
   * the linker reads those users and not the whole directory.
   */
  contractMembers(): { names: string[]; emails: string[] } {
    const names = new Set<string>();
    const emails = new Set<string>();
    for (const [ref, entity] of this.byRef) {
      if (
        entity.kind.toLocaleLowerCase('en-US') !== 'api' ||
        entity.spec?.type !== CONTRACT_API_TYPE
      )
        continue;
      const parsed = this.contract(ref);
      if (!parsed || isContractError(parsed)) continue;
      for (const m of contractOwners(parsed).members) {
        const name = m.username.toLocaleLowerCase('en-US');
        if (name.includes('@')) {
          emails.add(name);
          names.add(name.split('@')[0]);
        } else names.add(name);
        if (m.email) emails.add(m.email.toLocaleLowerCase('en-US'));
      }
    }
    return { names: [...names], emails: [...emails] };
  }

  /** The parsed definition of a data contract entity, parsed once per snapshot. */
  contract(ref: string): ParsedContract | ContractError | undefined {
    if (!this.contracts.has(ref)) {
      const entity = this.byRef.get(ref);
      const copy = this.contractCopies?.get(ref);
      if (copy && entity?.metadata.etag && copy.etag === entity.metadata.etag) {
        this.contracts.set(ref, copy.parsed);
        return copy.parsed;
      }
      const definition = entity?.spec?.definition;
      this.contracts.set(
        ref,
        typeof definition === 'string'
          ? parseContract(definition, { entityRef: ref })
          : undefined,
      );
    }
    return this.contracts.get(ref);
  }

  /**
   * Data contract entities whose document has this `id` (what contract tools such as
   * datacontract-cli report results under), else whose entity name is it.
   */
  contractsWithId(id: string): string[] {
    const byId: string[] = [];
    const byName: string[] = [];
    const wanted = id.trim().toLocaleLowerCase('en-US');
    for (const [ref, entity] of this.byRef) {
      if (
        entity.kind.toLocaleLowerCase('en-US') !== 'api' ||
        entity.spec?.type !== CONTRACT_API_TYPE
      )
        continue;
      const parsed = this.contract(ref);
      if (parsed && !isContractError(parsed) && parsed.id === id.trim())
        byId.push(ref);
      else if (entity.metadata.name.toLocaleLowerCase('en-US') === wanted)
        byName.push(ref);
    }
    return byId.length ? byId : byName;
  }

  /** Tables that point at the contract (data-contract annotation), with their dataset name. */
  tablesUnderContract(
    contractRef: string,
  ): Array<{ entityRef: string; dataset: string }> {
    const out: Array<{ entityRef: string; dataset: string }> = [];
    for (const [ref, entity] of this.byRef) {
      const annotations = entity.metadata.annotations ?? {};
      const points = annotations[ANNOTATIONS.dataContract];
      if (points?.toLocaleLowerCase('en-US') !== contractRef) continue;
      const dataset =
        parsePatterns(annotations[ANNOTATIONS.openlineageDataset]).find(
          p => p.exact,
        )?.raw ?? entity.metadata.name;
      out.push({ entityRef: ref, dataset });
    }
    return out;
  }

  /** Services and databases whose host names appear in the text, in order of appearance. */
  dependenciesIn(text: string): Entity[] {
    if (this.hosts.size === 0) return [];
    const found: Entity[] = [];
    const lower = text.toLocaleLowerCase('en-US');
    for (const [host, ref] of this.hosts) {
      if (lower.includes(host)) found.push(this.byRef.get(ref)!);
    }
    return found;
  }

  /** Entities that carry a job annotation, in catalog order. */
  pipelines(): Entity[] {
    const refs = new Set(this.jobMatchers.map(m => m.entityRef));
    return [...refs].map(r => this.byRef.get(r)!);
  }

  entity(ref: string): Entity | undefined {
    return this.byRef.get(ref);
  }

  findJob(
    event: FailureEvent,
  ): { entity: Entity; matchedBy: string } | undefined {
    for (const { annotation, candidates } of JOB_KEYS) {
      const names = candidates(event).filter(Boolean);
      if (names.length === 0) continue;
      const hit = this.jobTables.get(annotation)?.find(names);
      if (hit)
        return {
          entity: this.byRef.get(hit.matcher.entityRef)!,
          matchedBy: `${annotation}=${hit.pattern.raw}`,
        };
    }
    const named = this.conventionHit(
      this.pipelinesByName,
      jobConventionNames(event),
    );
    return named
      ? {
          entity: this.byRef.get(named.ref)!,
          matchedBy: `convention:name=${named.name}`,
        }
      : undefined;
  }

  findDataset(namespace: string, name: string): Entity | undefined {
    const names = [`${namespace}/${name}`, name];
    const hit = this.datasetTable.find(names);
    if (hit) return this.byRef.get(hit.matcher.entityRef);
    // dbt names a relation without its warehouse (`RAW.CHECKOUT.CUSTOMERS`), while tables are
    // annotated with OpenLineage names (`snowflake://acme-prod/RAW.CHECKOUT.CUSTOMERS`).
    const bare = namespace ? undefined : this.byBareName(name);
    if (bare) return bare;
    const named = this.conventionHit(
      this.tablesByName,
      datasetConventionNames(name),
    );
    return named ? this.byRef.get(named.ref) : undefined;
  }

  private bareNames?: Map<string, string | null>;

  /** A relation name without namespace, when exactly one table's annotation ends with it. */
  private byBareName(name: string): Entity | undefined {
    if (!this.bareNames) {
      this.bareNames = new Map();
      for (const m of this.datasetMatchers) {
        for (const p of m.patterns) {
          const bare = p.exact?.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\//, '');
          if (!bare || bare === p.exact) continue;
          const seen = this.bareNames.get(bare);
          // Two warehouses with the same relation name: ambiguous, so link neither.
          this.bareNames.set(
            bare,
            seen === undefined || seen === m.entityRef ? m.entityRef : null,
          );
        }
      }
    }
    const ref = this.bareNames.get(name.toLocaleLowerCase('en-US'));
    return ref ? this.byRef.get(ref) : undefined;
  }

  facts(entity: Entity): EntityFacts {
    const ownerRef = entity.relations?.find(
      r => r.type === RELATION_OWNED_BY,
    )?.targetRef;
    return {
      entityRef: stringifyEntityRef(entity),
      title: entity.metadata.title ?? entity.metadata.name,
      ownerRef,
    };
  }

  /** Targets of a relation of the given type and kind, as entities the index knows. */
  related(entity: Entity, type: string, kind: string): Entity[] {
    return (entity.relations ?? [])
      .filter(r => r.type === type && r.targetRef.startsWith(`${kind}:`))
      .map(r => this.byRef.get(r.targetRef))
      .filter((e): e is Entity => Boolean(e));
  }

  /** Tables a pipeline reads: it depends on them. */
  inputsOf(job: Entity): Entity[] {
    return this.related(job, RELATION_DEPENDS_ON, 'resource');
  }

  /** Tables a pipeline writes: they depend on their producer. */
  outputsOf(job: Entity): Entity[] {
    return this.related(job, RELATION_DEPENDENCY_OF, 'resource');
  }

  producersOf(table: Entity): Entity[] {
    return this.related(table, RELATION_DEPENDS_ON, 'component');
  }

  consumersOf(table: Entity): Entity[] {
    return this.related(table, RELATION_DEPENDENCY_OF, 'component');
  }
}
