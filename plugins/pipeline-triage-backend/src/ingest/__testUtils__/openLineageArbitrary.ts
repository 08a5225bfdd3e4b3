import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/**
 * fast-check arbitraries for OpenLineage events, built from the official JSON Schemas (the
 * RunEvent/JobEvent/DatasetEvent document and its facet documents) read at test time: whatever
 * the schema allows, the generator may produce, including the odd values real clients send
 * (empty names and assertions, negative counts, NULs). Only the keywords those schemas use are
 * understood: $ref, allOf, anyOf, oneOf, type, properties, required, items, enum, format and
 * additionalProperties (the facet maps, filled from the facet documents).
 */

type Schema = Record<string, any>;

/** The standards' files live beside the repository (../shared from its root), never inside it. */
export const OPENLINEAGE_SPECS = path.resolve(
  __dirname,
  '../../../../..',
  '../shared/specs/openlineage',
);

export function loadOpenLineageSchemas(dir = OPENLINEAGE_SPECS): Schema[] {
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.json'))
    .map(f => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** Strings as schema-valid senders write them: mostly plain, sometimes empty, blank or odd. */
const text = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 24 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', 'a\u0000b', '\ud800', 'x'.repeat(300)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

const EVENT_SCHEMA_URLS = ['RunEvent', 'JobEvent', 'DatasetEvent'].map(
  d => `https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/${d}`,
);

const FACET_KINDS = [
  'RunFacet',
  'JobFacet',
  'DatasetFacet',
  'InputDatasetFacet',
  'OutputDatasetFacet',
];
/** Nesting below this depth stops (schema fields nest themselves). */
const MAX_DEPTH = 4;

/** Any event of the schema's oneOf, or only those of one of its $defs (e.g. `RunEvent`). */
export function openLineageEventArbitrary(
  schemas: Schema[],
  def?: string,
): fc.Arbitrary<Record<string, unknown>> {
  const byId = new Map(
    schemas.map(s => [String(s.$id).replace(/#.*$/, ''), s]),
  );
  const core = schemas.find(s => Array.isArray(s.oneOf))!;

  // Facet documents by the kind of facet they extend: name in the facets map → its schema.
  const facets = new Map<
    string,
    Array<{ name: string; schema: Schema; doc: Schema }>
  >();
  for (const doc of schemas.filter(s => s !== core)) {
    for (const [name, ref] of Object.entries<Schema>(doc.properties ?? {})) {
      const facetDef = resolve(ref, doc).schema;
      const base = (facetDef.allOf ?? [])
        .map((p: Schema) => p.$ref)
        .find((r: unknown) => typeof r === 'string');
      const kind = FACET_KINDS.find(k => String(base).endsWith(`/${k}`));
      if (kind)
        facets.set(kind, [
          ...(facets.get(kind) ?? []),
          { name, schema: ref, doc },
        ]);
    }
  }

  function resolve(
    schema: Schema,
    doc: Schema,
  ): { schema: Schema; doc: Schema } {
    if (!schema.$ref) return { schema, doc };
    const [base, pointer = ''] = String(schema.$ref).split('#');
    const target = base ? byId.get(base) : doc;
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    const found = pointer
      .split('/')
      .filter(Boolean)
      .reduce((node: any, part) => node[decodeURIComponent(part)], target);
    return resolve(found, target);
  }

  /** allOf flattened into one object schema: properties and required merged. */
  function flatten(
    schema: Schema,
    doc: Schema,
  ): {
    props: Array<[string, Schema, Schema]>;
    required: Set<string>;
    extra?: [Schema, Schema];
  } {
    const r = resolve(schema, doc);
    const props: Array<[string, Schema, Schema]> = Object.entries<Schema>(
      r.schema.properties ?? {},
    ).map(([k, v]) => [k, v, r.doc]);
    const required = new Set<string>(r.schema.required ?? []);
    let extra: [Schema, Schema] | undefined =
      typeof r.schema.additionalProperties === 'object'
        ? [r.schema.additionalProperties, r.doc]
        : undefined;
    for (const part of [...(r.schema.allOf ?? []), ...(r.schema.anyOf ?? [])]) {
      const sub = flatten(part, r.doc);
      props.push(...sub.props);
      sub.required.forEach(k => required.add(k));
      extra ??= sub.extra;
    }
    return { props, required, extra };
  }

  function arb(
    schema: Schema,
    doc: Schema,
    depth: number,
  ): fc.Arbitrary<unknown> {
    const r = resolve(schema, doc);
    const s = r.schema;
    if (s.oneOf)
      return fc.oneof(...s.oneOf.map((o: Schema) => arb(o, r.doc, depth)));
    if (s.enum) return fc.constantFrom(...s.enum);
    const type = s.type ?? (s.allOf || s.properties ? 'object' : undefined);
    switch (type) {
      case 'string':
        if (s.format === 'date-time')
          return fc
            .date({
              min: new Date('2020-01-01'),
              max: new Date('2030-01-01'),
              noInvalidDate: true,
            })
            .map(d => d.toISOString());
        if (s.format === 'uri') return fc.webUrl();
        if (s.format === 'uuid') return fc.uuid();
        return text;
      case 'integer':
        return fc.integer({ min: -1000, max: 10_000_000 });
      case 'number':
        return fc.double({ min: -1e6, max: 1e9, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth >= MAX_DEPTH
          ? fc.constant([])
          : fc.array(arb(s.items ?? {}, r.doc, depth + 1), { maxLength: 3 });
      case 'object':
        return objectArb(s, r.doc, depth);
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  }

  function objectArb(
    schema: Schema,
    doc: Schema,
    depth: number,
  ): fc.Arbitrary<unknown> {
    const { props, required, extra } = flatten(schema, doc);
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, sub, subDoc] of props) {
      if (depth >= MAX_DEPTH && !required.has(key)) continue;
      // Any URI is schema-valid, but clients send the spec's own: it is how an event says
      // what it is (a static JobEvent otherwise looks like any JSON with a job).
      model[key] =
        key === 'schemaURL'
          ? fc.constantFrom(...EVENT_SCHEMA_URLS)
          : arb(sub, subDoc, depth + 1);
    }
    const fixed = fc.record(model, {
      requiredKeys: [...required].filter(k => k in model),
    });
    const kind =
      extra &&
      FACET_KINDS.find(k => String(extra[0].$ref ?? '').endsWith(`/${k}`));
    const known = kind ? facets.get(kind) ?? [] : [];
    if (known.length === 0) return fixed;
    // A facets map: any of the known facets of that kind, each valid by its own document.
    const map = fc.record(
      Object.fromEntries(
        known.map(f => [f.name, arb(f.schema, f.doc, depth + 1)]),
      ),
      { requiredKeys: [] },
    );
    return fc
      .tuple(fixed, map)
      .map(([a, b]) => ({ ...(a as object), ...(b as object) }));
  }

  const start = def ? { $ref: `#/$defs/${def}` } : core;
  return arb(start, core, 0) as fc.Arbitrary<Record<string, unknown>>;
}
