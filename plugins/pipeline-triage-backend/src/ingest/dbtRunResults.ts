import type {
  DatasetRef,
  FailureEventInput,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IngestContext } from '@pipeline-triage/plugin-pipeline-triage-node';
import { completedAt, readInvocation } from './dbtArtifacts';
import {
  type DbtManifest,
  type ManifestNode,
  cleanRelation,
} from './dbtManifest';
import type { FieldReader, JsonObject } from './fields';
import { fingerprint, versionsOf } from './runVersions';

/** Node statuses that are failures; `warn`, `skipped`, `pass`, `success` and `no-op` are not. */
const FAILED = new Set(['error', 'fail', 'runtime error', 'partial success']);
/**
 * Node statuses that are a clean run of the node: a model, seed or snapshot that built, a test
 * that passed. `warn` is not one (the test found rows, under its error threshold), nor are
 * `skipped` and `no-op` (the node did not run), so none of them resolves an incident.
 */
const PASSED = new Set(['success', 'pass']);

export const GENERIC_TEST_KINDS = [
  'unique',
  'not_null',
  'accepted_values',
  'relationships',
];

/**
 * run_results.json → one failure event per failed node and one success event per passing node,
 * each of the node's own job (`dbt` / unique id), so a passing run resolves the incidents of the
 * nodes it ran through the ordinary success path. A failed test becomes a data-quality check on
 * the model it tests, so the evidence stage sees which dataset and column broke.
 */
export function normalizeRunResults(
  r: FieldReader,
  artifact: JsonObject,
  prefix: string,
  manifest: DbtManifest,
  ctx: IngestContext,
  explicitEnv?: string,
): FailureEventInput[] {
  const invocation = readInvocation(r, artifact, prefix, ctx, explicitEnv);
  const results = r.array(artifact.results, `${prefix}results`);
  if (!results) r.problem(`${prefix}results`, 'required');
  const events: FailureEventInput[] = [];
  (results ?? []).forEach((item, i) => {
    const at = `${prefix}results[${i}]`;
    const res = r.object(item, at);
    const status = r.requiredString(res?.status, `${at}.status`);
    const uniqueId = r.requiredString(res?.unique_id, `${at}.unique_id`);
    const message = r.string(res?.message, `${at}.message`);
    const failures = r.nonNegative(res?.failures, `${at}.failures`);
    const seconds = r.nonNegative(res?.execution_time, `${at}.execution_time`);
    const relation = r.string(res?.relation_name, `${at}.relation_name`);
    const compiled =
      r.string(res?.compiled_code, `${at}.compiled_code`) ??
      r.string(res?.compiled_sql, `${at}.compiled_sql`);
    const finished = completedAt(r, res?.timing, `${at}.timing`);
    r.string(res?.thread_id, `${at}.thread_id`);
    r.object(res?.adapter_response, `${at}.adapter_response`);
    if (!status || !uniqueId) return;
    const passed = PASSED.has(status);
    if (!passed && !FAILED.has(status)) return;

    const node = manifest.node(uniqueId);
    const resourceType = node?.resourceType ?? uniqueId.split('.')[0];
    const common = {
      source: 'dbt' as const,
      outcome: passed ? ('success' as const) : ('fail' as const),
      environment: invocation.environment,
      runId: invocation.invocationId,
      // A missing time is reported here and thrown by the caller's check().
      eventTime: (finished ??
        invocation.generatedAt ??
        r.problem(`${prefix}metadata.generated_at`, 'required'))!,
      producer: invocation.producer,
      signals: { durationSeconds: seconds },
      // The manifest's checksum of the node's file and its config: a change since the last
      // success is a code or config change.
      versions: versionsOf({
        code: node?.checksum && `sha256:${node.checksum.slice(0, 16)}`,
        engine: invocation.dbtVersion && `dbt ${invocation.dbtVersion}`,
        config: node?.config && fingerprint(stableJson(node.config)),
      }),
    };
    const job = {
      namespace: 'dbt',
      name: uniqueId,
      type: `dbt/${resourceType}`,
      dbtUniqueId: uniqueId,
      codePath: node?.codePath,
      contractEnforced: node?.contractEnforced,
    };

    if (passed) {
      // A passing test wrote nothing; a built model wrote its relation.
      const output = (relation && cleanRelation(relation)) ?? node?.relation;
      events.push({
        ...common,
        job,
        outputs:
          output && resourceType !== 'test' ? [{ name: output }] : undefined,
        owners: node?.owners,
      });
      return;
    }
    if (resourceType === 'test' && status === 'fail') {
      const test = describeTest(uniqueId, node, manifest, compiled);
      events.push({
        ...common,
        job,
        errorMessage: `Failure in test ${test.name}: ${
          message ?? `${failures ?? 'some'} failing rows`
        }`,
        outputs: test.relation
          ? [qualityDataset(test, failures, message)]
          : undefined,
        owners: test.owners.length ? test.owners : node?.owners,
      });
      return;
    }
    const output = (relation && cleanRelation(relation)) ?? node?.relation;
    events.push({
      ...common,
      job,
      errorMessage: message,
      outputs:
        output && resourceType !== 'test' ? [{ name: output }] : undefined,
      owners: node?.owners,
    });
  });
  return events;
}

interface TestInfo {
  name: string;
  kind: string;
  column?: string;
  relation?: string;
  owners: string[];
}

/** Works out which model a failed test checks, and on which column, with or without a manifest. */
function describeTest(
  uniqueId: string,
  node: ManifestNode | undefined,
  manifest: DbtManifest,
  compiled?: string,
): TestInfo {
  const name = node?.name ?? uniqueId.split('.')[2] ?? uniqueId;
  // test_metadata names the macro; without a manifest the test name starts with it.
  const macro = node?.testName;
  const kind = macro
    ? GENERIC_TEST_KINDS.find(k => k === macro) ?? 'custom'
    : GENERIC_TEST_KINDS.find(k => name.startsWith(`${k}_`)) ?? 'custom';
  const tested = testedNode(node, manifest, name);
  const relation = tested?.relation ?? relationFromSql(compiled);
  const model = tested?.name ?? relation?.split('.').pop();
  return {
    name,
    kind,
    column: node?.testColumn ?? columnFromTestName(name, kind, model),
    relation,
    owners: tested?.owners ?? [],
  };
}

function testedNode(
  node: ManifestNode | undefined,
  manifest: DbtManifest,
  testName: string,
) {
  if (!node) return undefined;
  if (node.attachedNode) return manifest.node(node.attachedNode);
  // relationships tests depend on both models; the tested one is named first in the test name.
  const candidates = node.dependsOn
    .map(id => manifest.node(id))
    .filter((n): n is ManifestNode => !!n?.name && n.resourceType !== 'macro');
  let best: ManifestNode | undefined;
  let bestAt = Infinity;
  for (const candidate of candidates) {
    const at = testName.indexOf(candidate.name!);
    if (at !== -1 && at < bestAt) [best, bestAt] = [candidate, at];
  }
  return best ?? candidates[0];
}

/** The first relation a generic test selects from is the tested model. */
export function relationFromSql(sql: string | undefined): string | undefined {
  const match = sql ? /\bfrom\s+([`"\w$.-]{1,400})/i.exec(sql) : null;
  if (!match) return undefined;
  const relation = cleanRelation(match[1]);
  return relation.includes('.') ? relation : undefined;
}

/** `not_null_fct_orders_order_id` with model `fct_orders` → `order_id`. */
export function columnFromTestName(
  name: string,
  kind: string,
  model?: string,
): string | undefined {
  if (!model || kind === 'custom') return undefined;
  const prefix = `${kind}_${model}_`;
  if (!name.startsWith(prefix)) return undefined;
  // accepted_values and relationships append their arguments after a double underscore.
  const rest = name.slice(prefix.length).split('__')[0];
  return rest || undefined;
}

function qualityDataset(
  test: TestInfo,
  failures?: number,
  message?: string,
): DatasetRef {
  return {
    namespace: '',
    name: test.relation!,
    quality: [
      {
        name: test.name,
        success: false,
        kind: test.kind,
        column: test.column,
        failures,
        message,
      },
    ],
  };
}

/** JSON with sorted keys, so the same config always has the same fingerprint. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map(
        k =>
          `${JSON.stringify(k)}:${stableJson(
            (value as Record<string, unknown>)[k],
          )}`,
      )
      .join(',')}}`;
  return JSON.stringify(value);
}
