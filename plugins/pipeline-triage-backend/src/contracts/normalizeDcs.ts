import type { PathSegment } from './documentPath';
import { cronPeriodSeconds, durationSeconds } from './durations';
import { DCS_FIELD_TYPES, DcsDocument, DcsField, DcsModel } from './dcsSchema';
import { logicalTypeOf } from './logicalTypeOf';
import { metricOfRule } from './qualityMetrics';
import { slaFromClauses } from './slaFromClauses';
import { sodaChecks } from './sodaChecks';
import type {
  ContractMember,
  ContractProblem,
  ContractProperty,
  ContractTable,
  LogicalType,
  ParsedContract,
  QualityRule,
  SlaClause,
  SupportChannel,
} from './types';
import type { YamlSource } from './yamlSource';
import { QUALITY_OPERATORS } from './types';

/** DCS types are logical already; `number` is a plain number here, not Snowflake's NUMBER. */
function dcsLogicalType(type: string | undefined): LogicalType | undefined {
  if (!type) return undefined;
  if (type.trim().toLowerCase() === 'number') return 'number';
  return logicalTypeOf(type);
}

/** A field with its local `$ref: '#/definitions/x'` resolved (the field's own keys win). */
function resolveRef(raw: DcsField, doc: DcsDocument): DcsField {
  const ref = /^#\/definitions\/(.+)$/.exec(raw.$ref ?? '')?.[1];
  const definition = ref ? doc.definitions?.[ref] : undefined;
  return definition ? { ...(definition as DcsField), ...raw } : raw;
}

/** DCS 1.x field- and model-level checks, written like ODCS ones. */
function listedChecks(
  checks: Array<Record<string, unknown>>,
  at: PathSegment[],
  source: YamlSource,
  table: string,
  column: string | undefined,
): QualityRule[] {
  return checks.map((q, i) => {
    const rule: QualityRule = {
      ...source.locate([...at, i]),
      table,
      type: typeof q.type === 'string' ? q.type : 'library',
    };
    if (column) rule.column = column;
    const name = q.metric ?? q.rule;
    if (typeof name === 'string') {
      rule.rule = name;
      const metric = metricOfRule(name);
      if (metric) rule.metric = metric;
    }
    if (typeof q.name === 'string') rule.name = q.name;
    if (typeof q.description === 'string') rule.description = q.description;
    if (typeof q.query === 'string') rule.query = q.query;
    const operator = QUALITY_OPERATORS.find(op => q[op] !== undefined);
    if (operator) {
      rule.operator = operator;
      rule.threshold = q[operator];
    }
    return rule;
  });
}

function qualityBlock(
  block: DcsModel['quality'],
  at: PathSegment[],
  source: YamlSource,
  defaultTable: string | undefined,
): QualityRule[] {
  if (!block) return [];
  if (Array.isArray(block)) {
    return defaultTable
      ? listedChecks(block, at, source, defaultTable, undefined)
      : [];
  }
  if (/^sodacl$/i.test(block.type)) {
    return sodaChecks(
      block.specification,
      [...at, 'specification'],
      source,
      defaultTable,
    );
  }
  // Great Expectations and other engines: kept as one opaque rule so the clause has a place.
  return defaultTable
    ? [{ ...source.locate(at), table: defaultTable, type: block.type }]
    : [];
}

function field(
  name: string,
  raw: DcsField,
  at: PathSegment[],
  doc: DcsDocument,
  source: YamlSource,
  table: string,
  warnings: ContractProblem[],
): ContractProperty {
  const f = resolveRef(raw, doc);
  const primaryKey = f.primaryKey ?? f.primary;
  const keyLocations: ContractProperty['keyLocations'] = {};
  if (raw.type !== undefined)
    keyLocations.logicalType = source.locate([...at, 'type']);
  if (raw.required !== undefined)
    keyLocations.required = source.locate([...at, 'required']);
  if (raw.unique !== undefined)
    keyLocations.unique = source.locate([...at, 'unique']);
  const pkKey = (['primaryKey', 'primary'] as const).find(
    k => raw[k] !== undefined,
  );
  if (pkKey) keyLocations.primaryKey = source.locate([...at, pkKey]);
  if (
    f.type &&
    !(DCS_FIELD_TYPES as readonly string[]).includes(f.type.toLowerCase())
  ) {
    warnings.push({
      ...source.locate([...at, 'type']),
      message: `expected one of ${DCS_FIELD_TYPES.join(', ')}, got '${f.type}'`,
    });
  }
  const children = Object.entries(f.fields ?? {}).map(([childName, child]) =>
    field(
      childName,
      child,
      [...at, 'fields', childName],
      doc,
      source,
      table,
      warnings,
    ),
  );
  if (f.items) {
    children.push(
      field(
        `${name}[]`,
        f.items,
        [...at, 'items'],
        doc,
        source,
        table,
        warnings,
      ),
    );
  }
  const property: ContractProperty = {
    ...source.locate(at),
    name,
    nullable: !(f.required || primaryKey),
    keyLocations,
    quality: listedChecks(
      f.quality ?? [],
      [...at, 'quality'],
      source,
      table,
      name,
    ),
    children,
  };
  const logicalType = dcsLogicalType(f.type);
  if (logicalType) property.logicalType = logicalType;
  if (f.type) property.physicalType = f.type;
  if (f.required !== undefined) property.required = f.required;
  if (f.unique !== undefined) property.unique = f.unique;
  if (primaryKey !== undefined) property.primaryKey = primaryKey;
  if (f.description) property.description = f.description;
  return property;
}

function slaClauses(doc: DcsDocument, source: YamlSource): SlaClause[] {
  const levels = doc.servicelevels ?? {};
  const clauses: SlaClause[] = [];
  for (const [property, block] of Object.entries(levels)) {
    if (!block || typeof block !== 'object') continue;
    const b = block as Record<string, unknown>;
    const at = ['servicelevels', property];
    let value: unknown = b;
    let seconds: number | undefined;
    if (property === 'latency' || property === 'freshness') {
      value = b.threshold;
      seconds = durationSeconds(b.threshold);
    } else if (property === 'frequency') {
      value = b.interval ?? b.cron;
      seconds =
        durationSeconds(b.interval) ??
        (typeof b.cron === 'string' ? cronPeriodSeconds(b.cron) : undefined);
    } else if (property === 'retention') {
      value = b.period;
      seconds = durationSeconds(b.period);
    }
    const clause: SlaClause = { ...source.locate(at), property, value };
    if (seconds !== undefined) clause.seconds = seconds;
    const element = b.timestampField ?? b.processedTimestampField;
    if (typeof element === 'string') clause.element = element;
    clauses.push(clause);
  }
  return clauses;
}

/** A validated Data Contract Specification document in the normalised shape. */
export function normalizeDcs(
  doc: DcsDocument,
  source: YamlSource,
): Omit<ParsedContract, 'source'> {
  const warnings: ContractProblem[] = [];
  const modelNames = Object.keys(doc.models ?? {});

  const tables: ContractTable[] = Object.entries(doc.models ?? {}).map(
    ([name, model]) => {
      const at: PathSegment[] = ['models', name];
      const properties = Object.entries(model.fields ?? {}).map(
        ([fieldName, f]) =>
          field(
            fieldName,
            f,
            [...at, 'fields', fieldName],
            doc,
            source,
            name,
            warnings,
          ),
      );
      for (const key of model.primaryKey ?? []) {
        const p = properties.find(x => x.name === key);
        if (p && p.primaryKey === undefined) {
          p.primaryKey = true;
          p.nullable = false;
        }
      }
      const table: ContractTable = {
        ...source.locate(at),
        name,
        properties,
        quality: qualityBlock(model.quality, [...at, 'quality'], source, name),
      };
      if (model.type) table.physicalType = model.type;
      if (model.description) table.description = model.description;
      return table;
    },
  );

  // Document-level checks belong to the model their `checks for x` names.
  const topLevel = qualityBlock(
    doc.quality,
    ['quality'],
    source,
    modelNames.length === 1 ? modelNames[0] : undefined,
  );
  for (const rule of topLevel) {
    const table = tables.find(
      t => t.name.toLowerCase() === rule.table.toLowerCase(),
    );
    if (table) {
      rule.table = table.name;
      table.quality.push(rule);
    }
  }

  const members: ContractMember[] = [];
  const support: SupportChannel[] = [];
  const contact = doc.info.contact;
  if (contact && (contact.email || contact.name)) {
    const m: ContractMember = {
      ...source.locate(['info', 'contact']),
      username: (contact.email ?? contact.name)!,
      role: 'contact',
    };
    if (contact.name) m.name = contact.name;
    if (contact.email) m.email = contact.email;
    members.push(m);
  }
  if (contact && (contact.url || contact.email)) {
    // The contact is where problems with the data are reported.
    const channel: SupportChannel = {
      ...source.locate(['info', 'contact']),
      channel: contact.name ?? contact.email ?? contact.url!,
      scope: 'issues',
      tool: contact.url ? 'other' : 'email',
      url: contact.url ?? `mailto:${contact.email}`,
    };
    support.push(channel);
  }

  const allQuality: QualityRule[] = [];
  const walk = (p: ContractProperty) => {
    allQuality.push(...p.quality);
    p.children.forEach(walk);
  };
  for (const t of tables) {
    allQuality.push(...t.quality);
    t.properties.forEach(walk);
  }

  const result: Omit<ParsedContract, 'source'> = {
    format: 'dcs',
    specVersion: String(doc.dataContractSpecification),
    id: doc.id,
    name: doc.info.title,
    version: String(doc.info.version),
    owner: doc.info.owner ? { team: doc.info.owner, members } : { members },
    support,
    sla: slaFromClauses(slaClauses(doc, source)),
    tables,
    quality: allQuality,
    warnings,
  };
  if (doc.info.status) result.status = doc.info.status;
  return result;
}
