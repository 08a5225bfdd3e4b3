import type { PathSegment } from './documentPath';
import { durationSeconds } from './durations';
import type {
  OdcsDocument,
  OdcsProperty,
  OdcsQuality,
  OdcsTeamMember,
} from './odcsSchema';
import { metricOfRule } from './qualityMetrics';
import { slaFromClauses } from './slaFromClauses';
import type {
  ContractMember,
  ContractProperty,
  ContractTable,
  ParsedContract,
  QualityRule,
  SlaClause,
  SupportChannel,
} from './types';
import type { YamlSource } from './yamlSource';
import { QUALITY_OPERATORS } from './types';

/** Copies the keys of `from` whose values are defined. */
function defined<T extends object>(to: T, from: Partial<T>): T {
  for (const [key, value] of Object.entries(from)) {
    if (value !== undefined) (to as Record<string, unknown>)[key] = value;
  }
  return to;
}

function qualityRule(
  q: OdcsQuality,
  at: PathSegment[],
  source: YamlSource,
  table: string,
  column: string | undefined,
): QualityRule {
  const operator = QUALITY_OPERATORS.find(op => q[op] !== undefined);
  const validValues = q.arguments?.validValues ?? q.validValues;
  return defined<QualityRule>(
    {
      ...source.locate(at),
      table,
      type: q.type ?? (q.metric || q.rule ? 'library' : 'text'),
    },
    {
      column,
      name: q.name,
      description: q.description,
      metric: q.metric ?? metricOfRule(q.rule),
      rule: q.metric ?? q.rule,
      operator,
      threshold: operator ? q[operator] : undefined,
      validValues: Array.isArray(validValues) ? validValues : undefined,
      unit: q.unit,
      dimension: q.dimension,
      severity: q.severity,
      engine: q.engine,
      query: q.query,
    },
  );
}

function property(
  p: OdcsProperty,
  at: PathSegment[],
  source: YamlSource,
  table: string,
  parentName?: string,
): ContractProperty {
  const name = p.name ?? parentName ?? '';
  const keyLocations: ContractProperty['keyLocations'] = {};
  for (const key of [
    'logicalType',
    'physicalType',
    'required',
    'unique',
    'primaryKey',
  ] as const) {
    if (p[key] !== undefined) keyLocations[key] = source.locate([...at, key]);
  }
  const children: ContractProperty[] = [];
  (p.properties ?? []).forEach((child, i) =>
    children.push(property(child, [...at, 'properties', i], source, table)),
  );
  if (p.items)
    children.push(
      property(p.items, [...at, 'items'], source, table, `${name}[]`),
    );
  return defined<ContractProperty>(
    {
      ...source.locate(at),
      name,
      nullable: !(p.required || p.primaryKey),
      keyLocations,
      quality: (p.quality ?? []).map((q, i) =>
        qualityRule(q, [...at, 'quality', i], source, table, name),
      ),
      children,
    },
    {
      physicalName: p.physicalName,
      logicalType: p.logicalType,
      physicalType: p.physicalType,
      required: p.required,
      unique: p.unique,
      primaryKey: p.primaryKey,
      partitioned: p.partitioned,
      description: p.description,
    },
  );
}

function member(
  m: OdcsTeamMember,
  at: PathSegment[],
  source: YamlSource,
): ContractMember | undefined {
  const username = m.username ?? m.name;
  if (!username) return undefined;
  return defined<ContractMember>(
    { ...source.locate(at), username },
    {
      name: m.name,
      role: m.role,
      email: username.includes('@') ? username : undefined,
      dateIn: m.dateIn,
      dateOut: m.dateOut,
      replacedByUsername: m.replacedByUsername,
    },
  );
}

function allQuality(table: ContractTable): QualityRule[] {
  const out = [...table.quality];
  const walk = (p: ContractProperty) => {
    out.push(...p.quality);
    p.children.forEach(walk);
  };
  table.properties.forEach(walk);
  return out;
}

/** A validated ODCS v3.0/v3.1 document in the normalised shape. */
export function normalizeOdcs(
  doc: OdcsDocument,
  source: YamlSource,
): Omit<ParsedContract, 'source' | 'warnings'> {
  const format = doc.apiVersion.startsWith('v3.0') ? 'odcs-3.0' : 'odcs-3.1';

  const tables: ContractTable[] = (doc.schema ?? []).map((s, i) => {
    const at: PathSegment[] = ['schema', i];
    return defined<ContractTable>(
      {
        ...source.locate(at),
        name: s.name,
        properties: (s.properties ?? []).map((p, j) =>
          property(p, [...at, 'properties', j], source, s.name),
        ),
        quality: (s.quality ?? []).map((q, j) =>
          qualityRule(q, [...at, 'quality', j], source, s.name, undefined),
        ),
      },
      {
        physicalName: s.physicalName,
        physicalType: s.physicalType,
        description: s.description,
      },
    );
  });

  const members: ContractMember[] = [];
  let team: string | undefined;
  if (Array.isArray(doc.team)) {
    doc.team.forEach((m, i) => {
      const found = member(m, ['team', i], source);
      if (found) members.push(found);
    });
  } else if (doc.team) {
    team = doc.team.name;
    (doc.team.members ?? []).forEach((m, i) => {
      const found = member(m, ['team', 'members', i], source);
      if (found) members.push(found);
    });
  }

  const support: SupportChannel[] = (doc.support ?? []).map((s, i) =>
    defined<SupportChannel>(
      { ...source.locate(['support', i]), channel: s.channel },
      { url: s.url, tool: s.tool, scope: s.scope, description: s.description },
    ),
  );

  const clauses: SlaClause[] = (doc.slaProperties ?? []).map((s, i) =>
    defined<SlaClause>(
      {
        ...source.locate(['slaProperties', i]),
        property: s.property,
        value: s.value,
      },
      {
        unit: s.unit,
        element: s.element,
        driver: s.driver,
        seconds: durationSeconds(s.value, s.unit),
      },
    ),
  );

  return {
    format,
    specVersion: doc.apiVersion,
    id: doc.id,
    name: doc.name ?? doc.dataProduct ?? doc.id,
    version: String(doc.version),
    status: doc.status,
    owner: team ? { team, members } : { members },
    support,
    sla: slaFromClauses(clauses, doc.slaDefaultElement),
    tables,
    quality: tables.flatMap(allQuality),
  };
}
