import {
  type DatasetRef,
  IDENTIFIER_LIMITS,
  type QualityCheck,
  type SchemaField,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { FieldReader } from './fields';

/**
 * OpenLineage input/output datasets → DatasetRef: schema, quality assertions, statistics. The
 * reader given collects what is wrong; the openlineage adapter keeps those as warnings and drops
 * the values (a dataset without a usable name, a field, an assertion, a statistic).
 */

/** Nested schema fields deeper than this are not flattened (a guard against hostile input). */
const MAX_FIELD_DEPTH = 16;

export function readDatasets(
  r: FieldReader,
  value: unknown,
  path: string,
): DatasetRef[] | undefined {
  return r
    .array(value, path)
    ?.map((d, i) => readDataset(r, d, `${path}[${i}]`))
    .filter((d): d is DatasetRef => d !== undefined);
}

function readDataset(
  r: FieldReader,
  value: unknown,
  path: string,
): DatasetRef | undefined {
  const d = r.object(value, path);
  if (!d) return undefined;
  const name = r.requiredString(d.name, `${path}.name`);
  const namespace = r.string(d.namespace, `${path}.namespace`) ?? '';
  const facets = r.object(d.facets, `${path}.facets`);
  const inputFacets = r.object(d.inputFacets, `${path}.inputFacets`);
  const outputFacets = r.object(d.outputFacets, `${path}.outputFacets`);
  const schema = r.object(facets?.schema, `${path}.facets.schema`);
  const stats = r.object(
    outputFacets?.outputStatistics,
    `${path}.outputFacets.outputStatistics`,
  );

  // The spec puts assertions among input facets; the dbt integration emits them as a dataset
  // facet. Read both.
  const quality = [
    ...readAssertions(
      r,
      facets?.dataQualityAssertions,
      `${path}.facets.dataQualityAssertions`,
    ),
    ...readAssertions(
      r,
      inputFacets?.dataQualityAssertions,
      `${path}.inputFacets.dataQualityAssertions`,
    ),
  ];
  if (name === undefined) return undefined;
  if (name.length > IDENTIFIER_LIMITS.datasetName) {
    return r.problem(
      `${path}.name`,
      `at most ${IDENTIFIER_LIMITS.datasetName} characters`,
    );
  }
  if (namespace.length > IDENTIFIER_LIMITS.datasetNamespace) {
    return r.problem(
      `${path}.namespace`,
      `at most ${IDENTIFIER_LIMITS.datasetNamespace} characters`,
    );
  }
  return {
    namespace,
    name,
    schema: flattenFields(
      r,
      schema?.fields,
      `${path}.facets.schema.fields`,
      '',
      0,
    ),
    quality: quality.length ? quality : undefined,
    rowCount: r.nonNegative(
      stats?.rowCount,
      `${path}.outputFacets.outputStatistics.rowCount`,
    ),
    bytes: r.nonNegative(
      stats?.size,
      `${path}.outputFacets.outputStatistics.size`,
    ),
  };
}

function flattenFields(
  r: FieldReader,
  value: unknown,
  path: string,
  prefix: string,
  depth: number,
): SchemaField[] | undefined {
  const items = r.array(value, path);
  if (!items || depth > MAX_FIELD_DEPTH) return undefined;
  const out: SchemaField[] = [];
  items.forEach((item, i) => {
    const f = r.object(item, `${path}[${i}]`);
    const name = r.requiredString(f?.name, `${path}[${i}].name`);
    if (!f || name === undefined) return;
    const full = prefix + name;
    if (full.length > IDENTIFIER_LIMITS.columnName) {
      r.problem(
        `${path}[${i}].name`,
        `at most ${IDENTIFIER_LIMITS.columnName} characters`,
      );
      return;
    }
    out.push({
      name: full,
      type: r.string(f.type, `${path}[${i}].type`),
      description: r.string(f.description, `${path}[${i}].description`),
    });
    out.push(
      ...(flattenFields(
        r,
        f.fields,
        `${path}[${i}].fields`,
        `${full}.`,
        depth + 1,
      ) ?? []),
    );
  });
  return out.length ? out : undefined;
}

function readAssertions(
  r: FieldReader,
  value: unknown,
  path: string,
): QualityCheck[] {
  const facet = r.object(value, path);
  const items = r.array(facet?.assertions, `${path}.assertions`) ?? [];
  const out: QualityCheck[] = [];
  items.forEach((item, i) => {
    const at = `${path}.assertions[${i}]`;
    const a = r.object(item, at);
    const assertion = r.requiredString(a?.assertion, `${at}.assertion`);
    const success = r.boolean(a?.success, `${at}.success`);
    if (a && (a.success === undefined || a.success === null))
      r.problem(`${at}.success`, 'required');
    const column = r.string(a?.column, `${at}.column`);
    const expected = r.string(a?.expected, `${at}.expected`);
    const actual = r.string(a?.actual, `${at}.actual`);
    const description = r.string(a?.description, `${at}.description`);
    if (assertion === undefined || success === undefined) return;
    const detail = [
      description,
      expected !== undefined ? `expected ${expected}` : undefined,
    ]
      .concat(actual !== undefined ? `actual ${actual}` : undefined)
      .filter(Boolean)
      .join('; ');
    out.push({
      name:
        r.string(a?.name, `${at}.name`) ||
        (column ? `${assertion}(${column})` : assertion),
      success,
      column,
      kind: assertion,
      message: detail || undefined,
    });
  });
  return out;
}
